import { formatDay } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import type { RiskConference } from "./api";

export const levelKey = (level: string | null): PlainMessageKey =>
  `conference.level.${level && ["low", "medium", "high", "very_high"].includes(level) ? level : "none"}` as PlainMessageKey;

/**
 * The assessment as the referral copied it (never read again from the case: the conference
 * works on what was referred), with the referrer's addition and the ground it was made on.
 */
export function ConferenceAssessment({
  conference,
  heading: Heading = "h4",
  headingId,
}: {
  conference: RiskConference;
  heading?: "h2" | "h4";
  headingId?: string;
}) {
  const { t, lang } = useT();
  const a = conference.assessment;
  if (!a) return null;
  return (
    <>
      <Heading id={headingId}>{t("conference.assessment")}</Heading>
      <p>
        {t("conference.assessmentLine", {
          instrument: a.instrument.name,
          date: formatDay(a.assessedOn, lang),
          level: t(levelKey(a.countedLevel)),
        })}
      </p>
      <dl className="text-sections">
        <div>
          <dt>{t("conference.reasons")}</dt>
          <dd className="multiline">{a.reasons}</dd>
        </div>
        <div>
          <dt>{t("conference.yesAnswers")}</dt>
          <dd>
            <ul>
              {a.yesAnswers.map((label) => (
                <li key={label}>{label}</li>
              ))}
            </ul>
          </dd>
        </div>
        {conference.addition && (
          <div>
            <dt>{t("conference.additionShown")}</dt>
            <dd className="multiline">{conference.addition}</dd>
          </div>
        )}
      </dl>
    </>
  );
}
