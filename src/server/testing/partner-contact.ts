import type { Kysely } from "kysely";
import type { Database } from "../db/types.ts";
import type { App } from "../http/context.ts";
import { as, type buildTreatmentTeam, type Session } from "./factories.ts";

type Team = Awaited<ReturnType<typeof buildTreatmentTeam>>;

/** A request as a session (none: unauthenticated) to the app a test file builds in beforeAll. */
export const callAs =
  (app: () => App) =>
  (session: Session | null, method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
    app().inject({
      method,
      url,
      headers: session ? as(session) : {},
      ...(payload ? { payload } : {}),
    });

/** His written consent to contact Sara, with her details (fictional; the number given). */
export const consentedPartner = (identityNumber: string) => ({
  relationship: "current",
  consent: { form: "written", givenOn: "2026-10-02" },
  partner: {
    givenName: "Sara",
    familyName: "Partnersson",
    identityNumber,
    phone: "070-000 00 00",
    postalAddress: "Skyddad väg 1, 000 00 Demostad",
  },
});

/**
 * Partner contact opened through the API (issue 12): his treatment registered, he informed,
 * the partner added on his consent — which opens her case behind the barrier — and her
 * worker assigned by the manager. Answers her case and person.
 */
export async function openPartnerCase(
  app: App,
  owner: Kysely<Database>,
  team: Team,
  partner: object,
) {
  const steps: [Team["therapist"], string, object][] = [
    [team.therapist, "/treatment", { referralSource: "self", referredOn: "2026-10-01" }],
    [team.therapist, "/partner-contact/information", { informedOn: "2026-10-02" }],
    [team.therapist, "/partner-contact/partners", partner],
  ];
  for (const [session, path, payload] of steps) {
    const url = `/api/cases/${team.caseId}${path}`;
    const res = await app.inject({ method: "POST", url, headers: as(session), payload });
    if (res.statusCode >= 300) throw new Error(`${path}: ${res.body}`);
  }
  const hers = await owner
    .selectFrom("partner")
    .innerJoin("case", "case.id", "partner.partner_case_id")
    .select(["case.id", "case.person_id"])
    .where("partner.case_id", "=", team.caseId)
    .executeTakeFirstOrThrow();
  const assigned = await app.inject({
    method: "POST",
    url: `/api/cases/${hers.id}/assignments`,
    headers: as(team.manager),
    payload: { userId: team.partnerWorkerId },
  });
  if (assigned.statusCode !== 200) throw new Error(`her worker: ${assigned.body}`);
  return { caseId: hers.id, personId: hers.person_id };
}
