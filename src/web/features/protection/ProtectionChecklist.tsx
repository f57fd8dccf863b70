import type { CaseView, ChecklistItemName, ProtectionChecklist } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDay } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { ErrorSummary } from "../../ui/Messages";
import { Loaded } from "../../ui/QueryError";

export const checklistLabels: Readonly<Record<ChecklistItemName, PlainMessageKey>> = {
  mail_via_skatteverket: "protectionChecklist.mail_via_skatteverket",
  payments_without_address: "protectionChecklist.payments_without_address",
  records_marked: "protectionChecklist.records_marked",
  files_locked: "protectionChecklist.files_locked",
  contacts_informed: "protectionChecklist.contacts_informed",
};

/**
 * The routine for mail and payments on a protected person's case (issue 19, item 3): each
 * item ticked off by a worker of the case; Att göra reminds until all are.
 */
export function ProtectionChecklistPanel({ record }: { record: CaseView }) {
  const api = useApi();
  const query = useQuery(["case", record.id, "protection-checklist"], (signal) =>
    api.protectionChecklist(record.id, signal),
  );
  return (
    <Loaded state={query.state}>
      {(list) =>
        list.applies ? <Checklist record={record} list={list} onChange={query.setData} /> : null
      }
    </Loaded>
  );
}

function Checklist({
  record,
  list,
  onChange,
}: {
  record: CaseView;
  list: ProtectionChecklist;
  onChange: (list: ProtectionChecklist) => void;
}) {
  const { t, lang } = useT();
  const api = useApi();
  const submit = useSubmit();
  const canChange = record.abilities.writeJournal;
  return (
    <section className="section" aria-labelledby="protection-checklist-title">
      <h2 id="protection-checklist-title">{t("protectionChecklist.title")}</h2>
      <p>{t("protectionChecklist.intro")}</p>
      <ErrorSummary errors={submit.errors} />
      <ul className="checklist">
        {list.items.map((i) => {
          const id = `protection-checklist-${i.item}`;
          return (
            <li key={i.item}>
              <input
                id={id}
                type="checkbox"
                checked={i.doneAt !== null}
                disabled={!canChange || submit.pending}
                onChange={(e) => {
                  const done = e.target.checked;
                  void submit.run(async () =>
                    onChange(await api.setChecklistItem(record.id, i.item, done)),
                  );
                }}
              />{" "}
              <label htmlFor={id}>{t(checklistLabels[i.item])}</label>
              {i.doneAt && (
                <small>
                  {" "}
                  {t("protectionChecklist.done", {
                    date: formatDay(i.doneAt.slice(0, 10), lang),
                    who: i.doneBy ?? "",
                  })}
                </small>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
