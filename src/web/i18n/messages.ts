import type { sv } from "./sv";

/** Every key of the Swedish catalogue; t() accepts only these. */
export type MessageKey = keyof typeof sv;

/** Shape every other language must match: same keys, any string values. */
export type Messages = { readonly [K in MessageKey]: string };

/**
 * Shape of one feature's part in another language (features/<x>/messages.en.ts): exactly the
 * keys of its Swedish part, so a missing or extra key in a part does not compile.
 */
export type MessagesOf<Part> = { readonly [K in keyof Part]: string };

export const languages = ["sv", "en"] as const;
export type Language = (typeof languages)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

// Placeholder names are read from the Swedish literal type, so t("x", { wrong: 1 }) and
// a forgotten parameter are compile errors.
type PlaceholdersOf<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PlaceholdersOf<Rest>
  : never;

export type MessageParams<K extends MessageKey> = Record<
  PlaceholdersOf<(typeof sv)[K]>,
  string | number
>;

/** Keys whose message has no placeholders, e.g. for tables of labels passed around as data. */
export type PlainMessageKey = {
  [K in MessageKey]: [PlaceholdersOf<(typeof sv)[K]>] extends [never] ? K : never;
}[MessageKey];

type TranslateArgs<K extends MessageKey> = [PlaceholdersOf<(typeof sv)[K]>] extends [never]
  ? []
  : [params: MessageParams<K>];

export type Translate = <K extends MessageKey>(key: K, ...args: TranslateArgs<K>) => string;
