const placeholderPattern = /\{(\w+)\}/g;

/** Names of the {placeholders} in a message, in order of appearance, without duplicates. */
export function placeholders(message: string): string[] {
  return [...new Set(Array.from(message.matchAll(placeholderPattern), (match) => match[1] ?? ""))];
}

/**
 * Fills {name} placeholders. A placeholder without a value is left as written, so a missing
 * parameter shows up on screen instead of silently becoming "undefined".
 */
export function format(
  message: string,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return message.replace(placeholderPattern, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
