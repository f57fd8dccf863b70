import type { PlainMessageKey } from "../i18n/messages";
import type { Submit } from "./useSubmit";

/** Shows field messages found before sending (catalogue keys, as texts) by the fields. */
export function rejectWith(
  submit: Submit,
  fields: Partial<Record<string, PlainMessageKey>>,
  t: (key: PlainMessageKey) => string,
) {
  const texts: Record<string, string> = {};
  for (const [name, key] of Object.entries(fields)) if (key) texts[name] = t(key);
  submit.reject(texts);
}
