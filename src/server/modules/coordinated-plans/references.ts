import {
  regionAgencyKinds,
  type SaveCoordinatedPlanBody,
} from "../../../shared/api/coordinated-plans.ts";
import type { Trx } from "../../access/transaction.ts";
import { AppError } from "../../http/errors.ts";
import { requireValidConsent } from "../consents/validity.ts";

/**
 * What a SIP's save must hold beyond its shape: the lists point at each other and into the
 * directory and the staff consistently, and every agency the plan is shared with has joined
 * on a consent to share that names it and holds today.
 */

const invalid = (field: string, message: string) =>
  new AppError(400, "validation_failed", message, { [field]: message });

/**
 * The one check before an agency joins a plan (opening, or a new agency on a save): the
 * consent must be her consent to share with exactly this agency, valid today. A consent to a
 * recipient outside the directory, or to "any" recipient, does not cover a SIP.
 */
export async function requireAgencyConsent(
  trx: Trx,
  asked: { consentId: string; agencyId: string; personId: string; on: string },
) {
  const consent = await requireValidConsent(trx, asked.consentId, {
    personId: asked.personId,
    agencyId: asked.agencyId,
    on: asked.on,
  });
  if (consent.recipient_agency_id !== asked.agencyId) {
    const message = "Samtycket måste gälla just den myndighet som tar del av planen.";
    throw new AppError(409, "consent_not_valid", message, { consentId: message });
  }
}

/** The agency must be in the directory (as the caller sees it); the first must be the region's. */
export async function requireAgency(trx: Trx, agencyId: string, mustBeRegion: boolean) {
  const agency = await trx
    .selectFrom("agency")
    .select(["id", "kind"])
    .where("id", "=", agencyId)
    .where("archived_at", "is", null)
    .executeTakeFirst();
  if (!agency) throw invalid("agencyId", "Myndigheten finns inte i samverkanskatalogen.");
  if (mustBeRegion && !(regionAgencyKinds as readonly string[]).includes(agency.kind)) {
    throw invalid(
      "agencyId",
      "En SIP upprättas tillsammans med regionen: välj vårdcentral, psykiatri, sjukhus eller region.",
    );
  }
}

function duplicateKey(keys: readonly string[]): boolean {
  return new Set(keys).size !== keys.length;
}

/** The lists refer to each other: unique keys, a known participant for each responsibility. */
function checkKeys(body: SaveCoordinatedPlanBody) {
  const keys = body.participants.map((p) => p.key);
  if (duplicateKey(keys)) throw invalid("participants", "Två deltagare har samma nyckel.");
  if (duplicateKey(body.responsibilities.map((r) => r.key)))
    throw invalid("responsibilities", "Två åtaganden har samma nyckel.");
  body.responsibilities.forEach((r, i) => {
    if (!keys.includes(r.participantKey))
      throw invalid(`responsibilities.${i}.participantKey`, "Välj vem som ansvarar.");
  });
  if (body.coordinatorKey !== null && !keys.includes(body.coordinatorKey))
    throw invalid("coordinatorKey", "Den huvudansvariga måste vara en av deltagarna.");
}

/** Each kind of participant says only what it is: an agency and its contact, or a worker. */
async function checkParticipants(
  trx: Trx,
  orgId: string,
  body: SaveCoordinatedPlanBody,
  agencies: Set<string>,
) {
  for (const [i, p] of body.participants.entries()) {
    const at = `participants.${i}`;
    if (p.kind === "agency") {
      if (p.agencyId === null || !agencies.has(p.agencyId))
        throw invalid(`${at}.agencyId`, "Myndigheten tar inte del av planen: ange samtycket.");
      if (p.contactId !== null) {
        const contact = await trx
          .selectFrom("agency_contact")
          .select("id")
          .where("id", "=", p.contactId)
          .where("agency_id", "=", p.agencyId)
          .executeTakeFirst();
        if (!contact)
          throw invalid(`${at}.contactId`, "Kontaktpersonen hör inte till myndigheten.");
      }
    } else if (p.agencyId !== null || p.contactId !== null) {
      throw invalid(`${at}.agencyId`, "Bara en myndighets deltagare anger myndighet.");
    }
    if (p.userId !== null) {
      if (p.kind !== "social_services")
        throw invalid(`${at}.userId`, "Bara socialtjänstens deltagare anger användare.");
      const user = await trx
        .selectFrom("app_user")
        .select("id")
        .where("id", "=", p.userId)
        .where("org_id", "=", orgId)
        .executeTakeFirst();
      if (!user) throw invalid(`${at}.userId`, "Användaren finns inte.");
    }
  }
}

/**
 * The save's agencies joining (each on its checked consent), then every reference. Answers the
 * agencies that join with this save.
 */
export async function checkPlanSave(
  trx: Trx,
  ctx: { orgId: string; personId: string; today: string; openedOn: string },
  body: SaveCoordinatedPlanBody,
  joined: readonly string[],
) {
  checkKeys(body);
  if (body.followedUpOn !== null && body.followedUpOn < ctx.openedOn)
    throw invalid("followedUpOn", "Uppföljningen kan inte ligga före planens start.");
  const agencies = new Set(joined);
  const joining: { agencyId: string; consentId: string }[] = [];
  for (const [i, a] of body.newAgencies.entries()) {
    if (agencies.has(a.agencyId))
      throw invalid(`newAgencies.${i}.agencyId`, "Myndigheten tar redan del av planen.");
    await requireAgency(trx, a.agencyId, false);
    await requireAgencyConsent(trx, { ...a, personId: ctx.personId, on: ctx.today });
    agencies.add(a.agencyId);
    joining.push(a);
  }
  await checkParticipants(trx, ctx.orgId, body, agencies);
  return joining;
}
