import { Link } from "react-router";
import type { CaseView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { formatDateTimeShort } from "../../i18n/dates";
import { caseStatusLabel, journalEntryTypeLabels } from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { Loaded } from "../../ui/QueryError";
import { caseSectionPath } from "./case-sections";
import { latestEvents } from "./latest-events-model";

/**
 * Senaste händelser: the newest signed journal entries and status changes together, newest
 * first, so a worker opening the case sees what happened last before deciding what to do.
 * Each links to where it is kept in full.
 */
export function LatestEvents({ record }: { record: CaseView }) {
  const { t, lang } = useT();
  const api = useApi();
  // The journal's own first page (same key as the journal section: read once, shared).
  const journal = useQuery(["case", record.id, "journal"], (signal) =>
    api.journal(record.id, undefined, signal),
  );
  return (
    <section className="section" aria-labelledby="case-latest-title">
      <h2 id="case-latest-title">{t("case.latestTitle")}</h2>
      <Loaded state={journal.state}>
        {(page) => {
          const events = latestEvents(page.items, record.statusHistory.items);
          if (events.length === 0) return <p className="empty">{t("case.latestEmpty")}</p>;
          return (
            <ul className="event-list">
              {events.map((e) => (
                <li key={`${e.kind}-${e.id}`}>
                  <span className="muted nowrap">{formatDateTimeShort(e.at, lang)}</span>{" "}
                  {e.kind === "journal" ? (
                    <Link to={caseSectionPath(record.id, "journal")}>
                      {t("case.latestJournal", {
                        type: t(journalEntryTypeLabels[e.entry.entryType]),
                        name: e.entry.author.displayName,
                      })}
                    </Link>
                  ) : (
                    <Link to={caseSectionPath(record.id, "status")}>
                      {t("case.latestStatus", {
                        to: caseStatusLabel(e.change.to, t, record.caseType),
                        name: e.change.changedBy,
                      })}
                    </Link>
                  )}
                  {e.kind === "journal" && <p className="event-list__excerpt">{e.excerpt}</p>}
                </li>
              ))}
            </ul>
          );
        }}
      </Loaded>
    </section>
  );
}
