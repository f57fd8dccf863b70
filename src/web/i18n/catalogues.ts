import { accountSv } from "../features/account/messages.sv";
import { uiSv } from "../ui/messages.sv";
import type { Language, MessageKey, Messages } from "./messages";

/**
 * The shell carries only the texts the shell shows (the frame, navigation, login steps:
 * ui/ and account/). The rest of the Swedish catalogue is its own chunk, loaded with the
 * first page (App.tsx waits for it before a page renders), and English is one chunk loaded
 * only when chosen: the login page downloads neither (docs/adr/0006). Every catalogue keeps
 * its compile-time checks (sv.ts, en.ts); this only decides when each arrives.
 */
export type Catalogue = Readonly<Partial<Record<MessageKey, string>>>;

export const shellCatalogue: Catalogue = { ...uiSv, ...accountSv };

const loaded = new Map<Language, Promise<Messages>>();

export function loadCatalogue(lang: Language): Promise<Messages> {
  let pending = loaded.get(lang);
  if (!pending) {
    pending =
      lang === "sv"
        ? import("./sv").then((module) => module.sv)
        : import("./en").then((module) => module.en);
    // A failed download (network) is tried again the next time it is asked for.
    pending.catch(() => loaded.delete(lang));
    loaded.set(lang, pending);
  }
  return pending;
}

type Listener = () => void;
const listeners = new Set<Listener>();
let wholeSwedish: Messages | null = null;

/** The whole Swedish catalogue once a page has asked for it, else null (shell texts only). */
export function loadedSwedish(): Messages | null {
  return wholeSwedish;
}

export function onSwedishLoaded(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Called by a page's loader: resolves once the whole Swedish catalogue is here and shown,
 * so no page renders a text the shell's part lacks.
 */
export async function wholeCatalogue(): Promise<void> {
  const messages = await loadCatalogue("sv");
  if (wholeSwedish) return;
  wholeSwedish = messages;
  for (const listener of listeners) listener();
}
