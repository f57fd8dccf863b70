import {
  type InvestigationSection,
  type InvestigationView,
  sectionsFor,
} from "../../../shared/api/investigation.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import type { Trx } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import type { CaseRow } from "../cases/queries.ts";
import { createTaskOnce } from "../tasks/service.ts";

/**
 * The investigation in structured sections, as HSLF-FS 2022:39 lists what it must cover.
 * Written while the case is under investigation; completed once, with a summary and an
 * assessment, after which it is the record the decision rests on and no longer changes.
 */
const invalid = (fields: Record<string, string>) =>
  new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", fields);

export async function investigationView(trx: Trx, c: CaseRow): Promise<InvestigationView> {
  const row = await trx
    .selectFrom("investigation as i")
    .leftJoin("app_user as u", "u.id", "i.completed_by")
    .select([
      "i.sections",
      "i.children_witnessed_violence",
      "i.summary",
      "i.assessment",
      "i.completed_at",
      "i.updated_at",
      "u.display_name",
    ])
    .where("i.case_id", "=", c.id)
    .executeTakeFirst();
  return {
    caseId: c.id,
    sectionKeys: [...sectionsFor(c.case_type)],
    sections: (row?.sections ?? {}) as Partial<Record<InvestigationSection, string>>,
    childrenWitnessedViolence: row?.children_witnessed_violence ?? null,
    summary: row?.summary ?? "",
    assessment: row?.assessment ?? "",
    completedAt: row?.completed_at ? row.completed_at.toISOString() : null,
    completedBy: row?.completed_at ? (row.display_name ?? null) : null,
    updatedAt: row ? row.updated_at.toISOString() : null,
  };
}

export function readInvestigation(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "investigation.read",
    run: ({ trx, case: c }) => investigationView(trx, c),
  });
}

const alreadyCompleted = () =>
  new AppError(
    409,
    "conflict",
    "Utredningen är avslutad och ändras inte längre. Ladda om sidan för att se den som den avslutades.",
  );

async function requireOpen(trx: Trx, c: CaseRow) {
  if (c.status !== "investigation")
    throw new AppError(
      409,
      "conflict",
      "Utredningen kan bara skrivas medan ärendet är under utredning.",
    );
  const done = await trx
    .selectFrom("investigation")
    .select("completed_at")
    .where("case_id", "=", c.id)
    .executeTakeFirst();
  if (done?.completed_at) throw alreadyCompleted();
}

export function saveInvestigation(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: {
    sections: Partial<Record<InvestigationSection, string>>;
    childrenWitnessedViolence: boolean | null;
    summary: string;
    assessment: string;
  },
) {
  // Under the case's lock: a save racing the completion either comes first (and is in the
  // completed record) or finds it completed (409); it never changes a completed record.
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "investigation.save",
    changes: true,
    run: async ({ trx, case: c }) => {
      const allowed = sectionsFor(c.case_type);
      const foreign = Object.keys(input.sections).filter(
        (k) => !allowed.includes(k as InvestigationSection),
      );
      if (foreign.length > 0) {
        throw invalid(
          Object.fromEntries(
            foreign.map((k) => [
              `sections.${k}`,
              "Avsnittet hör inte till den här typen av utredning.",
            ]),
          ),
        );
      }
      await requireOpen(trx, c);
      const values = {
        sections: JSON.stringify(input.sections),
        children_witnessed_violence:
          c.case_type === "child" ? null : input.childrenWitnessedViolence,
        summary: input.summary,
        assessment: input.assessment,
        updated_by: actor.userId,
      };
      await trx
        .insertInto("investigation")
        .values({ case_id: c.id, org_id: actor.orgId, ...values })
        .onConflict((oc) => oc.column("case_id").doUpdateSet({ ...values, updated_at: new Date() }))
        .execute();
      // Children who witnessed violence must be reported or assessed (SoL 2025:400, anmälningsplikt).
      if (values.children_witnessed_violence === true)
        await createTaskOnce(trx, actor, c.id, "assess_children_witnessed_violence");
      return investigationView(trx, c);
    },
    event: () => ({ data: { sections: Object.keys(input.sections) } }),
  });
}

export function completeInvestigation(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "investigation.complete",
    changes: true,
    run: async ({ trx, case: c }) => {
      await requireOpen(trx, c);
      const current = await investigationView(trx, c);
      const missing: Record<string, string> = {};
      if (!current.summary.trim())
        missing.summary = "Skriv en sammanfattning innan utredningen avslutas.";
      if (!current.assessment.trim())
        missing.assessment = "Skriv en bedömning innan utredningen avslutas.";
      if (Object.keys(missing).length > 0) throw invalid(missing);
      const done = await trx
        .updateTable("investigation")
        .set({ completed_at: new Date(), completed_by: actor.userId, updated_by: actor.userId })
        .where("case_id", "=", c.id)
        .where("completed_at", "is", null)
        .executeTakeFirst();
      if (done.numUpdatedRows !== 1n) throw alreadyCompleted();
      return investigationView(trx, c);
    },
  });
}
