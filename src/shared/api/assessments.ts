import { z } from "zod";
import { InstrumentDefinition } from "../instruments/definition.ts";
import { AnswerValue } from "../instruments/engine.ts";
import { int4Param, isoDate, multiline } from "./fields.ts";
import { idCursor, pageOf, pageQuery } from "./paging.ts";

export const InstrumentSummary = z
  .object({
    id: z.string(),
    version: z.number().int(),
    name: z.string(),
    kind: z.string(),
    sourceNote: z.string(),
  })
  .meta({ id: "InstrumentSummary" });
export const InstrumentList = z
  .object({ instruments: z.array(InstrumentSummary) })
  .meta({ id: "InstrumentList" });
/** An import's answer: whether it was new, or that exact version was there already. */
export const ImportInstrumentResult = InstrumentList.extend({
  outcome: z.enum(["stored", "already_there"]),
}).meta({ id: "ImportInstrumentResult" });
export const InstrumentVersionParams = z.object({
  instrumentId: z.string().regex(/^[a-z][a-z0-9_]*$/),
  version: int4Param().min(1),
});
export { InstrumentDefinition };

export const StartAssessmentBody = z
  .object({ instrumentId: z.string().regex(/^[a-z][a-z0-9_]*$/, "Välj ett instrument.") })
  .strict()
  .meta({ id: "StartAssessmentBody" });

export const SaveAssessmentBody = z
  .object({
    answers: z.record(z.string().max(60), AnswerValue),
    assessedOn: isoDate(),
    clientPresent: z.boolean().nullable().default(null),
    interpreterUsed: z.boolean().nullable().default(null),
  })
  .strict()
  .meta({ id: "SaveAssessmentBody" });

export const CompleteAssessmentBody = z
  .object({
    /** Level per judgement dimension (most instruments: just "risk"). */
    judgements: z.record(z.string().max(60), z.string().max(60)),
    reasons: multiline(z.string().trim().max(10_000)).default(""),
  })
  .strict()
  .meta({ id: "CompleteAssessmentBody" });

export const ScoreResultView = z.object({
  scores: z.array(z.object({ id: z.string(), label: z.string(), value: z.number() })),
  flags: z.array(z.object({ id: z.string(), label: z.string(), raised: z.boolean() })),
  suggestedLevel: z.string().nullable(),
});

export const AssessmentView = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    instrument: z.object({ id: z.string(), version: z.number().int(), name: z.string() }),
    status: z.enum(["draft", "completed"]),
    answers: z.record(z.string(), AnswerValue),
    assessedOn: z.string(),
    clientPresent: z.boolean().nullable(),
    interpreterUsed: z.boolean().nullable(),
    result: ScoreResultView.meta({
      description: "Computed from the answers by the version's rules (stored at completion)",
    }),
    judgements: z.record(z.string(), z.string()).nullable(),
    reasons: z.string().nullable(),
    createdBy: z.string(),
    completedAt: z.string().nullable(),
    completedBy: z.string().nullable(),
    reassessDue: z.string().nullable().meta({ description: "YYYY-MM-DD, for a completed one" }),
  })
  .meta({ id: "Assessment" });
export type AssessmentView = z.infer<typeof AssessmentView>;
export const AssessmentList = z
  .object({
    assessments: z.array(AssessmentView).meta({
      description:
        "Every draft in progress, then the newest page of completed ones (older: …/assessments/history)",
    }),
    nextCursor: z.string().nullable().meta({
      description: "Send as `before` to …/history for older completed ones; null if none",
    }),
  })
  .meta({ id: "AssessmentList" });

/** An older page of the case's completed assessments, newest first. */
export const AssessmentPage = pageOf(AssessmentView).meta({ id: "AssessmentPage" });
export const AssessmentHistoryQuery = pageQuery(idCursor);

/** How many points the risk-over-time chart draws at most (see assessments/history.ts). */
export const riskHistoryMaxPoints = 100;

export const RiskHistory = z
  .object({
    points: z.array(
      z.object({
        assessmentId: z.uuid(),
        caseId: z.uuid(),
        caseReference: z.string(),
        instrumentId: z.string(),
        instrumentName: z.string(),
        version: z.number().int(),
        assessedOn: z.string(),
        level: z.string(),
        levelLabel: z.string(),
        levelRank: z.number().int().meta({ description: "0 = the instrument's lowest level" }),
        levelCount: z.number().int(),
        suggestedLevel: z.string().nullable(),
        mainScore: z.object({ label: z.string(), value: z.number() }).nullable(),
        reasons: z.string(),
      }),
    ),
    olderLeftOut: z
      .number()
      .int()
      .meta({
        description: `Older completed assessments not drawn (the chart holds the newest ${riskHistoryMaxPoints})`,
      }),
  })
  .meta({ id: "RiskHistory", description: "Completed assessments of the person, oldest first" });
export type RiskHistory = z.infer<typeof RiskHistory>;
