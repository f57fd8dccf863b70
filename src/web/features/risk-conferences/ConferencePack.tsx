import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { formatDay } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { Loaded } from "../../ui/QueryError";

/**
 * What one agency's participants are shown, as the server composes it: the meeting, only
 * what was disclosed to this agency (while its consent holds) and the actions it owns — not
 * the agenda, which is the workers' own text. Read on demand (the
 * server logs each reading: it is the person's data as another agency sees it).
 */
export function ConferencePack({
  conferenceId,
  agencyId,
}: {
  conferenceId: string;
  agencyId: string;
}) {
  const { t, lang } = useT();
  const api = useApi();
  const pack = useQuery(["risk-conference", conferenceId, "pack", agencyId], (signal) =>
    api.conferencePack(conferenceId, agencyId, signal),
  );
  return (
    <Loaded state={pack.state}>
      {(p) => (
        <div className="subsection">
          <h4>{t("conference.packTitle", { agency: p.agency.name })}</h4>
          <p>
            {p.meetingOn
              ? t("conference.packMeeting", { date: formatDay(p.meetingOn, lang) })
              : t("conference.notHeld")}
          </p>
          <h5>{t("conference.packDisclosures")}</h5>
          {p.disclosures.length === 0 ? (
            <p className="empty">{t("conference.packNoDisclosures")}</p>
          ) : (
            <ul>
              {p.disclosures.map((d) => (
                <li key={d.id}>
                  {t("conference.packDisclosure", {
                    date: formatDay(d.disclosedOn, lang),
                    information: d.information,
                    ground: t(`disclosures.ground.${d.ground}`),
                  })}
                </li>
              ))}
            </ul>
          )}
          <h5>{t("conference.packActions")}</h5>
          {p.actions.length === 0 ? (
            <p className="empty">{t("conference.noActions")}</p>
          ) : (
            <ul>
              {p.actions.map((a) => (
                <li key={a.id}>
                  {t("conference.actionLine", {
                    description: a.description,
                    owner: a.owner.name,
                    date: formatDay(a.dueOn, lang),
                  })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Loaded>
  );
}
