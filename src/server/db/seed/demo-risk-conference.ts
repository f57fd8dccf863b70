import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import { conferenceCriteria } from "../../../shared/risk-conference-criteria.ts";
import type { Trx } from "../../access/transaction.ts";
import { latestAssessmentSnapshot } from "../../modules/risk-conferences/criteria.ts";
import type { Database } from "../types.ts";
import type { DemoAgencyKey } from "./demo-agencies.ts";
import { dayAgo } from "./demo-clock.ts";

/**
 * Sara Berg's risk conference (issue 18, item 8): her latest danger assessment is high, so
 * she was referred (the assessment copied into the referral) on the serious-crime rule, and
 * the conference was held ten days ago with the police and the health centre, who brought
 * their research answers. Two actions: the caseworker's, overdue, and the police's.
 */
export async function seedDemoRiskConference(
  trx: Transaction<Database>,
  input: {
    orgId: string;
    caseId: string;
    personId: string;
    workerId: string;
    chairId: string;
    agency: (key: DemoAgencyKey) => string;
  },
) {
  const { orgId, caseId, workerId } = input;
  const latest = await latestAssessmentSnapshot(trx as unknown as Trx, orgId, caseId);
  const referredOn = dayAgo(18);
  const id = randomUUID();
  await trx
    .insertInto("risk_conference")
    .values({
      id,
      org_id: orgId,
      case_id: caseId,
      person_id: input.personId,
      referred_on: referredOn,
      referred_by: workerId,
      assessment_id: latest?.snapshot.assessmentId ?? null,
      assessment_snapshot: latest ? JSON.stringify(latest.snapshot) : null,
      criteria: JSON.stringify(
        conferenceCriteria({
          today: referredOn,
          assessment: latest
            ? {
                ...latest.levels,
                assessedOn: latest.snapshot.assessedOn,
                instrumentName: latest.snapshot.instrument.name,
              }
            : null,
          incidentDates: [],
          lastConferenceOn: null,
        }),
      ),
      addition: "Han söker henne via släkten och har upprepat hoten. Hon bor skyddat.",
      secrecy_rule: "serious_crime",
      meeting_on: dayAgo(10),
      chair_id: input.chairId,
      staff_ids: [workerId],
      agenda: "1. Riskbilden\n2. Myndigheternas uppgifter\n3. Handlingsplan\n4. Uppföljning",
      version: 3,
    })
    .execute();
  const contact = async (key: DemoAgencyKey) =>
    (
      await trx
        .selectFrom("agency_contact")
        .select("id")
        .where("agency_id", "=", input.agency(key))
        .executeTakeFirstOrThrow()
    ).id;
  const police = await contact("police");
  const research: [DemoAgencyKey, string, string][] = [
    [
      "police",
      police,
      "Två polisanmälningar om olaga hot det senaste halvåret; kontaktförbud prövas.",
    ],
    ["health", await contact("health"), "Besökt vårdcentralen för sömnbesvär; kurator erbjuden."],
  ];
  for (const [key, contactId, text] of research)
    await trx
      .insertInto("risk_conference_agency")
      .values({
        id: randomUUID(),
        org_id: orgId,
        conference_id: id,
        case_id: caseId,
        agency_id: input.agency(key),
        contact_ids: [contactId],
        research: text,
        recorded_by: workerId,
      })
      .execute();
  const action = (a: { description: string; dueOn: string; user?: string; contact?: string }) => ({
    id: randomUUID(),
    org_id: orgId,
    conference_id: id,
    case_id: caseId,
    description: a.description,
    owner_user_id: a.user ?? null,
    owner_contact_id: a.contact ?? null,
    agency_id: a.contact ? input.agency("police") : null,
    due_on: a.dueOn,
    created_by: workerId,
  });
  await trx
    .insertInto("risk_conference_action")
    .values([
      action({
        description: "Uppdatera säkerhetsplanen med Sara.",
        dueOn: dayAgo(3),
        user: workerId,
      }),
      action({ description: "Pröva skyddslarm.", dueOn: dayAgo(-7), contact: police }),
    ])
    .execute();
}
