import type { PersonDetails } from "./api/persons.ts";

/**
 * A protected person's details with everything that locates or reaches her left out — address,
 * phone, e-mail, the letter address, the code word and the notes — and her instructions kept
 * (whether she may be called, times to avoid: they say how NOT to reach her). The server sends
 * this until a reveal with a reason (issue 19, item 2); the page returns to it when the reveal
 * ends.
 */
export function maskDetails(d: PersonDetails): PersonDetails {
  return {
    ...d,
    phone: null,
    email: null,
    postalAddress: null,
    safeContact: { ...d.safeContact, letterAddress: null, codeWord: null, notes: null },
  };
}
