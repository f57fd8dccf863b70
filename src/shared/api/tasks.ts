import { z } from "zod";
import { isoDate, multiline } from "./fields.ts";

/**
 * Work a rule puts on a case. Today one kind: an adult's investigation found that children
 * in the household witnessed violence, so the children must be reported to (or assessed by)
 * the children's unit without delay.
 */
export const taskKinds = [
  "assess_children_witnessed_violence",
  // Partner contact: his treatment ended, so her worker holds a closing conversation and,
  // some months later, a follow-up contact.
  "partner_closing_conversation",
  "partner_follow_up",
  // A worker on either side of partner contact is concerned for a child: report it.
  "report_child_concern",
] as const;
export const TaskKind = z.enum(taskKinds);
export type TaskKind = z.infer<typeof TaskKind>;

export const CaseTaskView = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    kind: TaskKind,
    createdAt: z.string(),
    createdBy: z.string().nullable().meta({ description: "null: set by a rule across a barrier" }),
    due: z.string().meta({ description: "The last instant of the deadline" }),
    doneAt: z.string().nullable(),
    doneBy: z.string().nullable(),
    doneNote: z.string().nullable(),
    concern: z.string().nullable().meta({ description: "What prompted a report of concern" }),
    report: z
      .object({ on: z.string(), to: z.string(), reference: z.string() })
      .nullable()
      .meta({ description: "The report of concern as made" }),
  })
  .meta({ id: "CaseTask" });
export type CaseTaskView = z.infer<typeof CaseTaskView>;
export const CaseTaskList = z.object({ tasks: z.array(CaseTaskView) }).meta({ id: "CaseTaskList" });

export const CompleteTaskBody = z
  .object({
    note: multiline(
      z
        .string()
        .trim()
        .min(1, "Skriv vad som gjordes, t.ex. att orosanmälan gjorts och till vem.")
        .max(5000),
    ),
    report: z
      .object({
        on: isoDate({ message: "Ange datumet då orosanmälan gjordes." }),
        to: z.string().trim().min(1, "Skriv vilken enhet som tog emot anmälan.").max(200),
        reference: z.string().trim().min(1, "Skriv anmälans referens eller diarienummer.").max(100),
      })
      .strict()
      .nullable()
      .default(null)
      .meta({ description: "Required for a report of concern" }),
  })
  .strict()
  .meta({ id: "CompleteTaskBody" });

export const RaiseChildConcernBody = z
  .object({
    concern: multiline(
      z
        .string({ message: "Skriv kort vad som väcker oron för barnet." })
        .trim()
        .min(1, "Skriv kort vad som väcker oron för barnet.")
        .max(2000),
    ),
  })
  .strict()
  .meta({ id: "RaiseChildConcernBody" });
