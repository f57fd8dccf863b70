import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import { defaultQuestion, topicCatalogue } from "../../../shared/api/surveys.ts";
import type { Database } from "../types.ts";
import { dayAgo, daysAgo } from "./demo-clock.ts";
import { demoUnits } from "./demo-data.ts";

/**
 * The resource function's closed competence-needs survey of the county's IFO managers (issue
 * 17, item 4): 13 asked, 11 answered, and the answers give seed 002's IFO table — Hot- och
 * riskbedömningar 9 (81,8 %), Kultur, tradition och religion 7 (63,6 %) … The municipalities
 * are fictional. The links were used or have expired: their tokens are random and thrown away.
 */
const ifo = topicCatalogue[1];
export const demoIfoCounts = [5, 6, 5, 7, 9, 2, 5, 2, 5, 0, 0] as const;
const municipalities = [
  "Demokommun",
  "Ekvik",
  "Fjällby",
  "Granås",
  "Hagfors strand",
  "Ivarsby",
  "Järnvik",
  "Kvarnås",
  "Lindö",
  "Marstad",
  "Norrvik",
  "Oxberga",
  "Prästbo",
];

/**
 * Which topics each respondent picks so that topic i is chosen by exactly counts[i] of them:
 * each topic's choosers follow the last one's round the respondents, so everyone picks some.
 */
export function spreadChoices(counts: readonly number[], respondents: number): number[][] {
  const chosen: number[][] = Array.from({ length: respondents }, () => []);
  let next = 0;
  counts.forEach((count, topic) => {
    for (let k = 0; k < count; k++) chosen[(next + k) % respondents]?.push(topic);
    next = (next + count) % respondents;
  });
  return chosen;
}

export async function seedDemoSurveys(trx: Transaction<Database>, orgId: string): Promise<void> {
  const surveyId = await seedSurvey(trx, orgId);
  const topics = ifo.topics.map((t, i) => ({
    id: randomUUID(),
    org_id: orgId,
    survey_id: surveyId,
    position: i + 1,
    label: t.label,
    no_need: t.noNeed,
  }));
  await trx.insertInto("survey_topic").values(topics).execute();
  await trx
    .insertInto("survey_respondent")
    .values(
      municipalities.map((m, i) => ({
        id: randomUUID(),
        org_id: orgId,
        survey_id: surveyId,
        label: `IFO-chef, ${m}`,
        group_label: ifo.group,
        token_hash: createHash("sha256").update(randomBytes(32)).digest("hex"),
        link_expires_at: daysAgo(29),
        link_issued_at: daysAgo(60),
        answered_at: i < 11 ? daysAgo(58 - i * 2) : null,
      })),
    )
    .execute();
  for (const chosen of spreadChoices(demoIfoCounts, 11)) {
    const answerId = randomUUID();
    await trx
      .insertInto("survey_answer")
      .values({ id: answerId, org_id: orgId, survey_id: surveyId, group_label: ifo.group })
      .execute();
    await trx
      .insertInto("survey_answer_topic")
      .values(
        chosen.map((p) => ({
          answer_id: answerId,
          topic_id: topics[p]?.id as string,
          org_id: orgId,
        })),
      )
      .execute();
  }
}

/** The survey itself: made by the consultant two months ago, closed a month ago. */
async function seedSurvey(trx: Transaction<Database>, orgId: string): Promise<string> {
  const resource = demoUnits.find((u) => u.key === "resource")?.name as string;
  const unit = await trx
    .selectFrom("unit")
    .select("id")
    .where("org_id", "=", orgId)
    .where("name", "=", resource)
    .executeTakeFirstOrThrow();
  const maker = await trx
    .selectFrom("app_user")
    .select("id")
    .where("org_id", "=", orgId)
    .where("username", "=", "resursperson")
    .executeTakeFirstOrThrow();
  const surveyId = randomUUID();
  await trx
    .insertInto("survey")
    .values({
      id: surveyId,
      org_id: orgId,
      unit_id: unit.id,
      title: "Kompetensbehov hedersrelaterat våld – IFO-chefer",
      intro:
        "Resursfunktionen kartlägger vilket stöd och vilken kompetens länets socialtjänst behöver i arbetet med barn och unga som utsätts för hedersrelaterat våld.",
      question: defaultQuestion,
      free_text_question: null,
      groups: [ifo.group],
      closes_on: dayAgo(30),
      state: "closed",
      opened_at: daysAgo(60),
      closed_at: daysAgo(29),
      created_by: maker.id,
      created_at: daysAgo(62),
    })
    .execute();
  return surveyId;
}
