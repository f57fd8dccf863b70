import { type FormEvent, type RefObject, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { relationKinds } from "../../../shared/api/cases";
import type { PersonView, RelationKind, RelationView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { type Submit, useSubmit } from "../../hooks/useSubmit";
import { formatDate } from "../../i18n/dates";
import { relationKindLabels } from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { SelectField } from "../../ui/Field";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { OnDemand } from "../../ui/OnDemand";
import { ProtectionBadge } from "../../ui/ProtectionBadge";
import { Loaded } from "../../ui/QueryError";
import { IdentityText, PersonSearch, personName } from "./PersonSearch";

const titleId = "relations-title";
const addTitleId = "relations-add-title";

const isRelationKind = (v: string): v is RelationKind =>
  (relationKinds as readonly string[]).includes(v);

/** The relatives of a case's person, as the case shows them: one query, one shape, one key. */
export function useCaseRelations(caseId: string) {
  const api = useApi();
  return useQuery(
    ["case", caseId, "relations"],
    async (signal) => (await api.relations(caseId, signal)).relations,
  );
}

/** "Närstående": the case's person's relations to other persons, and a form to add one. */
export function Relations({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const { t, lang } = useT();
  const query = useCaseRelations(caseId);
  const [added, setAdded] = useState<string | null>(null);
  const { state, setData } = query;

  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("relations.title")}</h2>
      <StatusMessage message={added && t("relations.added", { name: added })} />
      <Loaded state={state}>
        {(data) =>
          data.length === 0 ? (
            <p className="empty">{t("relations.empty")}</p>
          ) : (
            <ul className="item-list" aria-label={t("relations.caption")}>
              {data.map((r) => (
                <li key={r.id} className="item-list__item">
                  <span>
                    {t("relations.item", { kind: t(relationKindLabels[r.kind]) })}{" "}
                    <Link to={`/persons/${r.otherPerson.id}`}>{r.otherPerson.name}</Link>{" "}
                    <ProtectionBadge level={r.otherPerson.protectionLevel} />{" "}
                    <span className="muted">
                      <IdentityText person={r.otherPerson} />, {formatDate(r.recordedAt, lang)}
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      {canWrite && (
        <OnDemand label={t("relations.addTitle")}>
          <AddRelation
            caseId={caseId}
            onAdded={(relations: RelationView[], name: string) => {
              setData(relations);
              setAdded(name);
            }}
            beforeSubmit={() => setAdded(null)}
          />
        </OnDemand>
      )}
    </section>
  );
}

/**
 * Adding a relation: a person chosen among the search hits, a kind, then the command; after
 * it the search starts over (a new key) so the next relation begins from an empty search.
 */
function useAddRelation(
  caseId: string,
  onAdded: (relations: RelationView[], name: string) => void,
  beforeSubmit: () => void,
) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(["otherPersonId", "kind"]);
  const [chosen, setChosen] = useState<PersonView | null>(null);
  const [kind, setKind] = useState<RelationKind | "">("");
  const formRef = useRef<HTMLFormElement>(null);
  const [searchKey, setSearchKey] = useState(0);

  // Once a person is chosen, the form for the relation follows: focus goes to its select.
  useEffect(() => {
    if (chosen) formRef.current?.querySelector<HTMLElement>("select")?.focus();
  }, [chosen]);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    beforeSubmit();
    if (!chosen) return;
    if (kind === "") return submit.reject({ kind: t("relations.chooseKind") });
    const name = personName(chosen);
    await submit.run(async () => {
      const { relations } = await api.addRelation(caseId, chosen.id, kind);
      setChosen(null);
      setKind("");
      setSearchKey((k) => k + 1);
      onAdded(relations, name);
    });
  }

  function choose(person: PersonView) {
    submit.clear();
    setChosen(person);
  }

  return { submit, chosen, choose, kind, setKind, formRef, searchKey, handleSubmit };
}

function AddRelation({
  caseId,
  onAdded,
  beforeSubmit,
}: {
  caseId: string;
  onAdded: (relations: RelationView[], name: string) => void;
  beforeSubmit: () => void;
}) {
  const { t } = useT();
  const { submit, chosen, choose, kind, setKind, formRef, searchKey, handleSubmit } =
    useAddRelation(caseId, onAdded, beforeSubmit);

  return (
    <div className="subsection">
      <h3 id={addTitleId}>{t("relations.addTitle")}</h3>
      <PersonSearch
        key={searchKey}
        label={t("relations.searchLabel")}
        renderResult={(person) => (
          <ChoosablePerson
            person={person}
            pressed={chosen?.id === person.id}
            onChoose={() => choose(person)}
          />
        )}
      />
      {chosen && (
        <RelationForm
          formRef={formRef}
          chosen={chosen}
          kind={kind}
          onKindChange={setKind}
          submit={submit}
          onSubmit={handleSubmit}
        />
      )}
    </div>
  );
}

/** The relation to the chosen person: its kind, and the button that records it. */
function RelationForm({
  formRef,
  chosen,
  kind,
  onKindChange,
  submit,
  onSubmit,
}: {
  formRef: RefObject<HTMLFormElement | null>;
  chosen: PersonView;
  kind: RelationKind | "";
  onKindChange: (kind: RelationKind | "") => void;
  submit: Submit;
  onSubmit: (event: FormEvent) => void;
}) {
  const { t } = useT();
  return (
    <>
      <ErrorSummary errors={submit.errors} />
      <form
        ref={formRef}
        className="form"
        aria-labelledby={addTitleId}
        onSubmit={onSubmit}
        noValidate
      >
        <ChosenPerson person={chosen} />
        {submit.fieldError("otherPersonId") && (
          <p className="field__error">{submit.fieldError("otherPersonId")}</p>
        )}
        <RelationKindField value={kind} onChange={onKindChange} error={submit.fieldError("kind")} />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("relations.submit")}
        </button>
      </form>
    </>
  );
}

/** A search hit with the button that picks it as the other person of the relation. */
function ChoosablePerson({
  person,
  pressed,
  onChoose,
}: {
  person: PersonView;
  pressed: boolean;
  onChoose: () => void;
}) {
  const { t } = useT();
  return (
    <div className="item-list__item">
      <span>
        {personName(person)}{" "}
        <span className="muted">
          <IdentityText person={person} />
        </span>
      </span>
      <button
        type="button"
        className="button button--secondary button--small"
        aria-label={t("relations.chooseLabel", { name: personName(person) })}
        aria-pressed={pressed}
        onClick={onChoose}
      >
        {t("relations.choose")}
      </button>
    </div>
  );
}

function ChosenPerson({ person }: { person: PersonView }) {
  const { t } = useT();
  return (
    <dl className="details">
      <div>
        <dt>{t("relations.chosen")}</dt>
        <dd>
          {personName(person)}{" "}
          <span className="details__extra">
            <IdentityText person={person} />
          </span>
        </dd>
      </div>
    </dl>
  );
}

function RelationKindField({
  value,
  onChange,
  error,
}: {
  value: RelationKind | "";
  onChange: (kind: RelationKind | "") => void;
  error: string | undefined;
}) {
  const { t } = useT();
  return (
    <SelectField
      label={t("relations.kind")}
      name="kind"
      value={value}
      onChange={(e) => onChange(isRelationKind(e.target.value) ? e.target.value : "")}
      error={error}
    >
      <option value="">{t("common.choose")}</option>
      {relationKinds.map((k) => (
        <option key={k} value={k}>
          {t(relationKindLabels[k])}
        </option>
      ))}
    </SelectField>
  );
}
