import { sql } from "kysely";
import type { PersonDetails } from "../../../shared/api/persons.ts";
import {
  type ContactReveal,
  type ContactRevealBody,
  revealMinutes,
} from "../../../shared/api/protection.ts";
import { maskDetails } from "../../../shared/contact-mask.ts";
import { type ProtectionLevel, showPerson } from "../../../shared/protection.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { breakGlassReadOnly, casesNotOnlyByBreakGlass } from "../../access/break-glass-access.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { Cipher } from "../../db/sealed-columns.ts";
import { AppError } from "../../http/errors.ts";
import {
  findVisiblePerson,
  personDetails,
  toDetailsView,
  visibleCasesOfPerson,
} from "./queries.ts";
import { denyPerson } from "./service.ts";

/**
 * Reveal with a reason (issue 19, item 2). A protected person's address and contact details
 * are masked on her page, even to those who work her case: someone looking over a shoulder,
 * a screen left open, a worker who reads out of curiosity. Whoever needs them states why,
 * sees them for `revealMinutes`, and her protection officer sees every reveal with its reason.
 */

/** Whether her contact details are masked for anyone who has not revealed them. */
export function masksContact(level: ProtectionLevel | null): boolean {
  return (
    level !== null &&
    showPerson({ name: "", identityNumber: null, protectionLevel: level }, "workspace").contact !==
      "shown"
  );
}

/** The end of the actor's live reveal of the person, or null (none, or it has ended). */
export async function liveReveal(trx: Trx, actor: Actor, personId: string): Promise<Date | null> {
  const row = await trx
    .selectFrom("person_reveal")
    .select("expires_at")
    .where("user_id", "=", actor.userId)
    .where("person_id", "=", personId)
    .where("expires_at", ">", sql<Date>`now()`)
    .orderBy("expires_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? new Date(row.expires_at) : null;
}

/** The masked fields of an update that would only clear what the caller cannot see. */
export const maskedFields = ["phone", "email", "postalAddress"] as const;

/**
 * Her details as the actor may see them now: masked unless she has no protection or the
 * actor has a live reveal. `revealedUntil` says when the page hides them again.
 */
export async function detailsFor(
  trx: Trx,
  cipher: Cipher,
  actor: Actor,
  personId: string,
  level: ProtectionLevel | null,
): Promise<{ details: PersonDetails; contactMasked: boolean; revealedUntil: string | null }> {
  const details = toDetailsView(await personDetails(trx, cipher, personId));
  if (!masksContact(level)) return { details, contactMasked: false, revealedUntil: null };
  const until = await liveReveal(trx, actor, personId);
  return until
    ? { details, contactMasked: false, revealedUntil: until.toISOString() }
    : { details: maskDetails(details), contactMasked: true, revealedUntil: null };
}

/**
 * The one rule for every letter, text or document that carries a protected person's address
 * or number out of Frid (issue 19, items 1 and 2; docs/security.md "Letters"): it is made only
 * while its maker has a live reveal of her, so the reason is stated and her protection officer
 * sees it. Without one: 409 reveal_required, and nothing of her details in the answer.
 */
export async function requireReveal(
  trx: Trx,
  actor: Actor,
  personId: string,
  level: ProtectionLevel,
): Promise<void> {
  if (!masksContact(level)) return;
  if ((await liveReveal(trx, actor, personId)) !== null) return;
  throw new AppError(
    409,
    "reveal_required",
    "Personen har skyddade personuppgifter. Visa uppgifterna med skäl först (Visa med skäl på personsidan), sedan går det att skriva ut eller skicka.",
  );
}

const notProtected = () =>
  new AppError(
    409,
    "conflict",
    "Personen har inga skyddade personuppgifter: kontaktuppgifterna visas utan skäl.",
  );

/**
 * Reveals her details to a worker of one of her cases, for `revealMinutes`, with the reason
 * recorded (the reveal's row and its audit event, in one transaction). One who sees her only
 * through break-glass: 403 (it only reads); anyone else: 404. Both attempts audited.
 */
export async function revealContact(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  personId: string,
  body: ContactRevealBody,
): Promise<ContactReveal> {
  const revealed = await withActor(database.db, actor, async (trx) => {
    const row = await findVisiblePerson(trx, actor, personId);
    const visible = row ? await visibleCasesOfPerson(trx, actor, personId) : [];
    if (!row || visible.length === 0) return null;
    if (!masksContact(row.protection_level)) throw notProtected();
    // Break-glass reads one case; her protected details are not part of that (review 19).
    const unitId = (await casesNotOnlyByBreakGlass(trx, actor, visible))[0]?.unitId;
    if (!unitId) return "read_only" as const;
    const reasonCode = body.reasonCode ?? "other";
    const reasonText = body.reasonText?.trim() || null;
    const { expires_at } = await trx
      .insertInto("person_reveal")
      .values({
        org_id: actor.orgId,
        person_id: personId,
        user_id: actor.userId,
        unit_id: unitId,
        reason_code: reasonCode,
        reason_text: reasonText,
        // The database's clock, as the check of a live reveal reads it.
        expires_at: sql<Date>`now() + make_interval(mins => ${revealMinutes})`,
      })
      .returning("expires_at")
      .executeTakeFirstOrThrow();
    const expiresAt = new Date(expires_at).toISOString();
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "person.reveal",
        resourceType: "person",
        resourceId: personId,
        personId,
        unitId,
        reason: reasonText ?? reasonCode,
        data: { reasonCode, expiresAt },
      },
    ]);
    return {
      details: toDetailsView(await personDetails(trx, database.cipher, personId)),
      expiresAt,
    };
  });
  // One who sees her only through break-glass is told it only reads (403), audited the same way.
  if (revealed === "read_only") {
    const readOnly = new AppError(403, "forbidden", breakGlassReadOnly);
    return denyPerson(database, actor, meta, personId, "person.reveal", readOnly);
  }
  return revealed ?? denyPerson(database, actor, meta, personId, "person.reveal");
}
