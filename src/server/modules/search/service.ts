import { pageFrom } from "../../../shared/api/paging.ts";
import {
  type CaseReferenceResult,
  type JournalSearchPage,
  normaliseCaseReference,
} from "../../../shared/api/search.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { withActor } from "../../access/transaction.ts";
import { auditContext, caseEntry, listEntry, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import {
  hiddenCaseByReference,
  journalHits,
  snippetParts,
  visibleCaseByReference,
} from "./queries.ts";

/** The forms of a typed case number to look up, the normalised one first. */
function referenceForms(typed: string): string[] {
  const trimmed = typed.trim();
  return [
    ...new Set([normaliseCaseReference(trimmed), trimmed.toUpperCase(), trimmed].filter(Boolean)),
  ] as string[];
}

/**
 * A case by its number: the case if the caller may see it, otherwise null — the same answer
 * whether the case is hidden from them or does not exist. Either way one event: naming the
 * case when it was shown, and, when it exists but is hidden, a refused look naming the case
 * and its person, so her log review lists who typed her case's number.
 */
export function findCaseByReference(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  typed: string,
): Promise<CaseReferenceResult> {
  const forms = referenceForms(typed);
  return withActor(database.db, actor, async (trx) => {
    const rows = await visibleCaseByReference(trx, actor, forms);
    // The normalised form first: "2026-42" is case 2026-0042 even if "2026-42" existed too.
    const found = forms.map((f) => rows.find((r) => r.reference === f)).find(Boolean);
    const ctx = auditContext(actor, meta);
    if (found) {
      await recordAudit(trx, ctx, [caseEntry(found, "case.search", { data: { found: true } })]);
      return {
        case: {
          id: found.id,
          reference: found.reference,
          caseType: found.case_type,
          status: found.status,
        },
      };
    }
    const hidden = await hiddenCaseByReference(trx, forms);
    await recordAudit(trx, ctx, [
      hidden
        ? {
            action: "case.search",
            outcome: "denied",
            resourceType: "case",
            resourceId: hidden.id,
            personId: hidden.personId,
            data: { found: false },
          }
        : { action: "case.search", resourceType: "case", data: { found: false } },
    ]);
    return { case: null };
  });
}

/**
 * A page of journal entries whose text has every word typed (as the beginning of a word),
 * among the entries the caller may see: signed entries of their cases and their own drafts.
 * One event per page, naming every case shown and its person.
 */
export function searchJournals(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  search: { query: string; limit: number; before?: string | undefined },
): Promise<JournalSearchPage> {
  return withActor(database.db, actor, async (trx) => {
    const rows = await journalHits(trx, actor, search.query, search);
    const shown = rows.slice(0, search.limit);
    await recordAudit(trx, auditContext(actor, meta), [
      listEntry(
        "journal.search",
        {
          resourceType: "case",
          caseIds: shown.map((r) => r.case_id),
          personIds: shown.map((r) => r.person_id),
          unitIds: shown.map((r) => r.unit_id),
        },
        { data: { resultCount: shown.length } },
      ),
    ]);
    return pageFrom(
      rows,
      search.limit,
      (r) => r.id,
      (r) => ({
        entryId: r.id,
        caseId: r.case_id,
        caseReference: r.reference,
        entryType: r.entry_type,
        occurredAt: r.occurred_at.toISOString(),
        status: r.signed_at ? ("signed" as const) : ("draft" as const),
        author: { id: r.author_id, displayName: r.author_name },
        snippet: snippetParts(r.snippet),
      }),
    );
  });
}
