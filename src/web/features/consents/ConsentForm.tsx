import { type FormEvent, useState } from "react";
import type { CaseView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useSubmit } from "../../hooks/useSubmit";
import { useT } from "../../i18n/useT";
import { ErrorSummary } from "../../ui/Messages";
import type { ConsentGiverInput, RecordSharingConsentInput } from "./api";
import { type ConsentDraft, emptyConsent, ScopeFields, WhoAndToWhomFields } from "./ConsentFields";
import { useCasePeople } from "./case-people";
import { emptyGiver, type GiverDraft, GiverFields, giverBody, withForm } from "./GiverFields";

/**
 * A new consent to share: whose information, to whom, what, why, from when until when, and
 * its first giver (a child's consent: the first custodian; the second is added to the record).
 */

const newTitleId = "consent-new-title";
const fieldNames = [
  "personId",
  "recipientAgencyId",
  "recipientName",
  "information",
  "purpose",
  "givenOn",
  "expiresOn",
  "custodiansRequired",
  "givers",
  "givers.0.name",
  "givers.0.form",
  "givers.0.documentId",
  "givers.0.heardBy",
  "givers.0.givenOn",
  "givers.0.kind",
  "file",
];

/** The consent as the API takes it, with its first giver. */
function consentBody(
  draft: ConsentDraft,
  first: ConsentGiverInput,
  isChild: boolean,
): RecordSharingConsentInput {
  return {
    personId: draft.personId,
    information: draft.information,
    purpose: draft.purpose,
    recipientAgencyId: draft.recipientAgencyId || null,
    recipientName: draft.recipientAgencyId ? null : draft.recipientName || null,
    givenOn: draft.givenOn,
    expiresOn: draft.expiresOn || null,
    custodiansRequired: isChild ? (draft.custodians === "1" ? 1 : 2) : null,
    givers: [first],
  };
}

export function ConsentForm({ record, onRecorded }: { record: CaseView; onRecorded: () => void }) {
  const { t } = useT();
  const api = useApi();
  const people = useCasePeople(record);
  const submit = useSubmit(fieldNames);
  const [draft, setDraft] = useState<ConsentDraft>(() => emptyConsent(record));
  const [giver, setGiver] = useState<GiverDraft>(emptyGiver);
  const set = (changes: Partial<ConsentDraft>) => setDraft((d) => ({ ...d, ...changes }));
  const isChild = people.find((p) => p.id === draft.personId)?.isChild ?? false;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const chosen = withForm(giver);
    if (!chosen) return submit.reject({ "givers.0.form": t("consents.errorForm") });
    await submit.run(async () => {
      const first = await giverBody(api, record.id, {
        ...chosen,
        kind: isChild ? "custodian" : "self",
      });
      await api.recordSharingConsent(record.id, consentBody(draft, first, isChild));
      setDraft(emptyConsent(record));
      setGiver(emptyGiver());
      onRecorded();
    });
  }

  return (
    <div className="subsection">
      <h3 id={newTitleId}>{t("consents.newTitle")}</h3>
      <ErrorSummary errors={submit.errors} />
      <form
        className="form form--wide"
        aria-labelledby={newTitleId}
        onSubmit={handleSubmit}
        noValidate
      >
        <WhoAndToWhomFields
          record={record}
          draft={draft}
          set={set}
          fieldError={submit.fieldError}
        />
        <ScopeFields draft={draft} set={set} fieldError={submit.fieldError} isChild={isChild} />
        <GiverFields
          record={record}
          prefix="givers.0"
          giver={giver}
          onChange={(g) => {
            setGiver(g);
            set({ givenOn: g.givenOn });
          }}
          fieldError={submit.fieldError}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("consents.submit")}
        </button>
      </form>
    </div>
  );
}
