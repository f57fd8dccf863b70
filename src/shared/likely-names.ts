/**
 * What looks like a person's name in a free text, for texts that should never name the
 * individual concerned (the consultation log, issue 17). A warning, not a refusal: a school
 * may be called "Anna Whitlocks gymnasium", and the worker decides. Kept small on purpose:
 *
 * 1. a common first name followed by a capitalised word ("Sara Ahmed", "Anna Lindqvist");
 * 2. any capitalised word followed by a capitalised word with a common Swedish surname
 *    ending ("Kalle Svensson", "Nora Bergström").
 *
 * The first names are common given names in Sweden (Statistics Sweden's most frequent names
 * among women, men and children, with names common among the families the resource function
 * meets); the list is not meant to be complete. Words are compared without case.
 */
const words = (text: string) => text.trim().split(/\s+/);

const firstNames = new Set([
  // women and girls
  ...words(`
    anna eva maria karin kristina lena sara emma kerstin ingrid marie malin jenny hanna
    linda elin johanna sofia ida julia elsa alice maja ella wilma ebba olivia astrid
    saga lilly agnes freja alva nora selma vera klara ellen moa amanda fatima amina
    aisha zahra mariam leila yasmin zainab hiba nour sana rania dilan hawa layla`),
  // men and boys
  ...words(`
    lars karl anders johan per erik nils lennart mikael jan hans peter olof gunnar sven
    fredrik daniel alexander oscar lucas william liam hugo elias noah adam oliver leo
    axel viktor filip emil anton isak kalle mohammed mohammad muhammad ali ahmed omar
    hassan hussein yusuf ibrahim mustafa abdi karim amir mehmet murat arash reza`),
]);

const surnameEndings = words(
  "sson berg ström strom qvist kvist lund gren dahl holm lind stedt blad fors sjö gård",
);

// Two capitalised words (letters, possibly with a hyphen: "Lind-Ek"); the second is read
// ahead, so "Pappan Kenneth Bergström" gives both "Pappan Kenneth" and "Kenneth Bergström".
const word = String.raw`\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?`;
const pair = new RegExp(String.raw`(?<!\p{L})(${word})(?=\s+(${word})(?!\p{L}))`, "gu");

const looksLikeSurname = (word: string) => {
  const lower = word.toLowerCase();
  return surnameEndings.some((end) => lower.endsWith(end) && lower.length > end.length + 1);
};

/** The likely names in `text`, each as written ("Sara Ahmed"), once each, in order. */
export function likelyNames(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(pair)) {
    const [, first, second] = match as unknown as [string, string, string];
    const whole = `${first} ${second}`;
    const firstName = first.split("-")[0]?.toLowerCase() ?? "";
    if ((firstNames.has(firstName) || looksLikeSurname(second)) && !found.includes(whole))
      found.push(whole);
  }
  return found;
}
