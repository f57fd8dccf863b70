import { type CompiledQuery, sql } from "kysely";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditCaseRowsOf, auditContext } from "../../audit/record.ts";
import { type SessionProof, sessionHolds } from "../../auth/sessions.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { StatementTemplates, type TemplateValues } from "../../db/statement-template.ts";
import { preparedQuery } from "../../db/transaction-prelude.ts";
import { type CaseDetailRow, visibleCaseWithDetails } from "./queries.ts";

/**
 * The audited case read as one statement (issue 14): the visible case with its details
 * (the same query and access rule as findVisibleCaseWithDetails) and, in a data-modifying
 * CTE, its `case.read` event made from the row found. With a session taken from memory the
 * statement also checks that the session still holds (sessionHolds). No row back means: the
 * case is not visible, or the session did not hold — and nothing was written.
 */
export function readCaseAudited(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  proof: SessionProof | null,
): Promise<CaseDetailRow | undefined> {
  return withActor(database.db, actor, async (trx) => {
    const compiled = caseReadStatement(trx, actor, meta, id, proof);
    // Prepared (PostgreSQL): the same text for every read by actors holding the same roles.
    const { rows } = await trx.executeQuery(preparedQuery(compiled));
    return rows[0] as CaseDetailRow | undefined;
  });
}

/** The read's statement from its template (built by Kysely once per shape of roles). */
export function caseReadStatement(
  trx: Trx,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  proof: SessionProof | null,
): CompiledQuery {
  const { shape, values } = partsOf(actor, meta, id, proof);
  return templates.compile(shape, values, (v) => {
    const [a, m, caseId, p] = fromParts(shape, v);
    return builtCaseReadStatement(trx, a, m, caseId, p);
  });
}

/** The read's statement built by Kysely (what the template must equal). */
export function builtCaseReadStatement(
  trx: Trx,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  proof: SessionProof | null,
): CompiledQuery {
  const visible = visibleCaseWithDetails(trx, actor, id).$if(proof !== null, (q) =>
    q.where(sessionHolds(proof as SessionProof)),
  );
  const audited = auditCaseRowsOf(
    "read_case",
    { ...auditContext(actor, meta), actor },
    "case.read",
  );
  return sql<CaseDetailRow>`
    with read_case as (${visible}), audited as (${audited})
    select * from read_case`.compile(trx);
}

/**
 * The statement is built by Kysely once per shape of the actor's roles (db/statement-template.ts;
 * the profile of bench:access showed building and compiling it at every read as the server's
 * largest own cost). Shape: the roles held and which of them share a unit; values: the rest.
 */
const templates = new StatementTemplates();

type Shape = { roles: [string, number | null][]; proof: boolean };

function partsOf(actor: Actor, meta: RequestMeta, id: string, proof: SessionProof | null) {
  const units: string[] = [];
  const values: TemplateValues = {
    userId: actor.userId,
    orgId: actor.orgId,
    username: actor.username,
    displayName: actor.displayName,
    requestId: meta.requestId,
    clientAddress: meta.clientAddress,
    caseId: id,
  };
  const roles = actor.roles.map((r, i): [string, number | null] => {
    values[`roleId${i}`] = r.id;
    values[`unitName${i}`] = r.unitName;
    if (r.unitId === null) return [r.role, null];
    if (!units.includes(r.unitId)) units.push(r.unitId);
    return [r.role, units.indexOf(r.unitId)];
  });
  units.forEach((u, i) => {
    values[`unit${i}`] = u;
  });
  if (proof) Object.assign(values, proof);
  return { shape: { roles, proof: proof !== null } satisfies Shape, values };
}

function fromParts(shape: Shape, v: TemplateValues) {
  const text = (name: string) => v[name] as string;
  const actor: Actor = {
    userId: text("userId"),
    orgId: text("orgId"),
    username: text("username"),
    displayName: text("displayName"),
    roles: shape.roles.map(([role, unit], i) => ({
      id: text(`roleId${i}`),
      role: role as Actor["roles"][number]["role"],
      unitId: unit === null ? null : text(`unit${unit}`),
      unitName: v[`unitName${i}`] as string | null,
    })),
  };
  const meta: RequestMeta = {
    requestId: text("requestId"),
    clientAddress: v.clientAddress as string | null,
  };
  const proof: SessionProof | null = shape.proof
    ? {
        idHash: text("idHash"),
        rolesKey: text("rolesKey"),
        at: v.at as Date,
        idleSince: v.idleSince as Date,
      }
    : null;
  return [actor, meta, text("caseId"), proof] as const;
}
