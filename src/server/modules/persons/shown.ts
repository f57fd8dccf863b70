import type { PersonView } from "../../../shared/api/persons.ts";
import { showPersonRow } from "../../../shared/protection.ts";

/**
 * A person as a search result shows her (issue 19, item 1): through the one rule for lists.
 * Under fingerade personuppgifter the result stands as "Skyddad identitet" with the badge,
 * without number or birth date (which the number carries); her person page shows the rest
 * to those who work her case. Someone who only registered her sees no level (null): what
 * they typed, as before.
 */
export function listedPersonView(view: PersonView): PersonView {
  if (view.protectionLevel === null) return view;
  const name = `${view.givenName} ${view.familyName}`;
  const shown = showPersonRow(
    {
      name,
      identityNumber: view.identityNumber,
      protectionLevel: view.protectionLevel,
    },
    "list",
  );
  if (shown.name === name && shown.identityNumber === view.identityNumber) return view;
  return { ...view, givenName: shown.name, familyName: "", identityNumber: null, birthDate: null };
}
