import { z } from "zod";

/**
 * Work a rule puts on a case. Today one kind: an adult's investigation found that children
 * in the household witnessed violence, so the children must be reported to (or assessed by)
 * the children's unit without delay.
 */
export const taskKinds = ["assess_children_witnessed_violence"] as const;
export const TaskKind = z.enum(taskKinds);

export const CaseTaskView = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    kind: TaskKind,
    createdAt: z.string(),
    createdBy: z.string(),
    due: z.string().meta({ description: "The last instant of the deadline" }),
    doneAt: z.string().nullable(),
    doneBy: z.string().nullable(),
    doneNote: z.string().nullable(),
  })
  .meta({ id: "CaseTask" });
export type CaseTaskView = z.infer<typeof CaseTaskView>;
export const CaseTaskList = z.object({ tasks: z.array(CaseTaskView) }).meta({ id: "CaseTaskList" });

export const CompleteTaskBody = z
  .object({
    note: z
      .string()
      .trim()
      .min(1, "Skriv vad som gjordes, t.ex. att orosanmälan gjorts och till vem.")
      .max(5000),
  })
  .strict()
  .meta({ id: "CompleteTaskBody" });
