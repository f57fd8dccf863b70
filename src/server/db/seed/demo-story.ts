import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import {
  dangerAnswers,
  dangerAssessment,
} from "../../../shared/instruments/builtin/danger-assessment.ts";
import { computeScores } from "../../../shared/instruments/engine.ts";
import { ensureStored } from "../../modules/assessments/registry.ts";
import type { Database } from "../types.ts";
import { dayAgo, daysAgo } from "./demo-clock.ts";

/*
 * What makes the demo a living story: each case's journal, signed by its worker, between the
 * case's opening and today; and the risk the investigation speaks of, recorded as the
 * assessments it rests on. Fictional, like all demo data.
 */

type EntryType =
  | "conversation"
  | "home_visit"
  | "phone"
  | "meeting"
  | "agency_consultation"
  | "other";

/** A signed journal entry: what happened so many days (and minutes) before the seeding. */
interface DemoJournalEntry {
  daysAgo: number;
  minutes?: number;
  type: EntryType;
  body: string;
}

/** Journals by demoCases index; each case's worker wrote and signed them. */
export const demoJournals: Record<number, DemoJournalEntry[]> = {
  0: [
    {
      daysAgo: 6,
      minutes: 45,
      type: "conversation",
      body: "Besök av Anna. Hon berättar om kontroll, hot och knuffar från sambon under fyra år. Sambon har flyttat ut. Informerad om att utredning inleds och om att vi frågar alla om våld.",
    },
    {
      daysAgo: 4,
      type: "phone",
      body: "Telefonsamtal med Anna. Bokat tid för farlighetsbedömning nästa vecka. Hon vill inte bli uppringd efter kl. 17.",
    },
    {
      daysAgo: 2,
      type: "meeting",
      body: "Ärendedragning i arbetsgruppen: barnen, 6 och 9 år, har varit hemma när våldet skett. Barnens behov bedöms och orosanmälan övervägs denna vecka.",
    },
  ],
  1: [
    {
      daysAgo: 40,
      minutes: 60,
      type: "conversation",
      body: "Träffade Sara samma förmiddag som polisens samtal. Hon berättar om fysiskt och psykiskt våld från tidigare partner och om dödshot efter separationen. Plats på skyddat boende ordnad samma dag för henne, Leo och Maja.",
    },
    {
      daysAgo: 39,
      type: "meeting",
      body: "Farlighetsbedömning gjord tillsammans med Sara på boendet: mycket hög risk. Säkerhetsplan påbörjad, med kodord och säker plats (de står i hennes skyddade uppgifter, inte i journalen).",
    },
    {
      daysAgo: 20,
      type: "conversation",
      body: "Ny farlighetsbedömning efter en månad: risken är fortfarande hög, mannen söker henne via släkten. Sara vill bo kvar på boendet.",
    },
    {
      daysAgo: 12,
      minutes: 120,
      type: "phone",
      body: "Informerat Sara om besluten: skyddat boende beviljat i tre månader, ekonomiskt bistånd avslaget. Hon vet hur hon överklagar och har fått beslutet skriftligt via boendet.",
    },
  ],
  2: [
    {
      daysAgo: 30,
      minutes: 60,
      type: "conversation",
      body: "Inskrivningssamtal efter remiss från socialtjänsten. Johan informerad om partnerkontakt och samtycker skriftligt.",
    },
    {
      daysAgo: 17,
      type: "conversation",
      body: "Behandlingssamtal. Johan kallar det som hänt för bråk. Vi går igenom vad våld är och vilka former det tar.",
    },
    {
      daysAgo: 3,
      minutes: 120,
      type: "other",
      body: "Johan kom inte till bokat samtal och har inte hört av sig. Partnerkontakten underrättad enligt rutin.",
    },
  ],
  3: [
    {
      daysAgo: 27,
      type: "phone",
      body: "Ringde Sara från dolt nummer, kodordet stämde. Hon tackar ja till partnerkontakt och vill bli uppringd dagtid.",
    },
    {
      daysAgo: 20,
      type: "phone",
      body: "Berättat för Sara att hans behandling har börjat. Hon undrar vad det innebär för hennes säkerhet; vi pratade om att behandlingen inte ersätter hennes skydd.",
    },
  ],
  4: [
    {
      daysAgo: 1,
      minutes: 90,
      type: "phone",
      body: "Samtal med mentorn på Demoskolan, som bekräftar uppgifterna i anmälan. Leo är i skolan i dag och vet att skolan har ringt socialtjänsten.",
    },
    {
      daysAgo: 0.5,
      type: "agency_consultation",
      body: "Samråd med IFO Vuxen: mamman och barnen bor på skyddat boende sedan en dryg månad; pappan har hotat mamman. Skyddsbedömningen ska göras.",
    },
  ],
  5: [
    {
      daysAgo: 10,
      minutes: 60,
      type: "phone",
      body: "Skyddsbedömning: samtal med mamman. Maja bor med henne på skyddad adress och är inte i akut fara i dag.",
    },
    {
      daysAgo: 6,
      type: "phone",
      body: "Samtal med fritidshemmet: personalen vet vem som får hämta Maja och ringer polisen om pappan kommer igen.",
    },
    {
      daysAgo: 3,
      type: "conversation",
      body: "Samtal med mamman om förhandsbedömningen. Hon är orolig att pappan ska hitta dem och har sett våldet påverka Maja, som sover dåligt.",
    },
  ],
};

/** Writes a case's journal: each entry written half an hour after it happened and signed. */
export async function seedDemoJournal(
  trx: Transaction<Database>,
  orgId: string,
  c: { id: string; userId: string },
  entries: readonly DemoJournalEntry[],
) {
  if (entries.length === 0) return;
  await trx
    .insertInto("journal_entry")
    .values(
      entries.map((e) => {
        const occurred = e.minutes ?? 0;
        return {
          id: randomUUID(),
          org_id: orgId,
          case_id: c.id,
          author_id: c.userId,
          entry_type: e.type,
          occurred_at: daysAgo(e.daysAgo, occurred),
          written_at: daysAgo(e.daysAgo, occurred + 30),
          updated_at: daysAgo(e.daysAgo, occurred + 35),
          signed_at: daysAgo(e.daysAgo, occurred + 35),
          body: e.body,
        };
      }),
    )
    .execute();
}

/** A completed danger assessment: the answers given, and the worker's judgement of the risk. */
interface DemoRisk {
  daysAgo: number;
  yes: readonly string[];
  level: "low" | "medium" | "high" | "very_high";
  reasons: string;
}

/**
 * Sara Berg's danger assessments (case index 1): very high the day after the police's call,
 * high at the monthly reassessment — the "Hög risk" her investigation speaks of.
 */
export const demoRisks: Record<number, DemoRisk[]> = {
  1: [
    {
      daysAgo: 39,
      yes: [
        "more_severe",
        "strangulation",
        "threats_to_kill",
        "jealousy_control",
        "stalking",
      ].concat(["separation", "violent_to_others", "client_fears"]),
      level: "very_high",
      reasons: "Stryptag och dödshot, nyligen separerade, och hon är rädd för sitt liv.",
    },
    {
      daysAgo: 20,
      yes: ["threats_to_kill", "jealousy_control", "stalking", "separation", "client_fears"],
      level: "high",
      reasons: "Hon bor skyddat, men han söker henne via släkten och har upprepat hoten.",
    },
  ],
};

/** Records the case's completed assessments with the instrument version they were made on. */
export async function seedDemoRisks(
  trx: Transaction<Database>,
  orgId: string,
  c: { id: string; userId: string },
  risks: readonly DemoRisk[],
) {
  if (risks.length === 0) return;
  await ensureStored(trx, orgId, dangerAssessment);
  for (const r of risks) {
    const answers = dangerAnswers(r.yes);
    const at = daysAgo(r.daysAgo, 60);
    await trx
      .insertInto("assessment")
      .values({
        id: randomUUID(),
        org_id: orgId,
        case_id: c.id,
        instrument_id: dangerAssessment.id,
        instrument_version: dangerAssessment.version,
        answers: JSON.stringify(answers),
        assessed_on: dayAgo(r.daysAgo),
        client_present: true,
        interpreter_used: false,
        result: JSON.stringify(computeScores(dangerAssessment, answers)),
        judgements: JSON.stringify({ risk: r.level }),
        reasons: r.reasons,
        created_by: c.userId,
        created_at: at,
        updated_at: at,
        completed_at: at,
        completed_by: c.userId,
      })
      .execute();
  }
}
