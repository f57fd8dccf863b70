import { useState } from "react";
import { useT } from "../../i18n/useT";
import { StatusMessage } from "../../ui/Messages";
import type { IssuedLinksView } from "./api";
import { linkAddress } from "./survey-model";

/**
 * The personal links just made, shown this once (the server keeps only their hashes): each
 * with its full address to copy, and whether the e-mail went out. They live in the page's
 * memory and are gone when it is left.
 */
export function IssuedLinks({ links }: { links: IssuedLinksView["links"] }) {
  const { t } = useT();
  const [copied, setCopied] = useState<string | null>(null);
  if (links.length === 0) return null;
  const copy = async (label: string, address: string) => {
    try {
      await navigator.clipboard.writeText(address);
      setCopied(t("surveys.copied", { label }));
    } catch {
      // No clipboard (permissions, an old browser): the address stays selectable in its field.
    }
  };
  return (
    <section className="section survey-links" aria-labelledby="survey-links">
      <h2 id="survey-links">{t("surveys.linksTitle")}</h2>
      <p className="notice">{t("surveys.linksOnce")}</p>
      <StatusMessage message={copied} />
      <ul className="survey-links__list">
        {links.map((link) => {
          const address = linkAddress(window.location.origin, link.path);
          const fieldId = `survey-link-${link.respondentId}`;
          return (
            <li key={link.respondentId} className="survey-links__item">
              <label htmlFor={fieldId}>{t("surveys.linkFor", { label: link.label })}</label>
              <input
                id={fieldId}
                className="field__control"
                readOnly
                value={address}
                data-survey-link={link.label}
                onFocus={(e) => e.target.select()}
              />
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => void copy(link.label, address)}
              >
                {t("surveys.copy", { label: link.label })}
              </button>
              {link.emailed === true && <span className="muted"> {t("surveys.emailed")}</span>}
              {link.emailed === false && <span className="notice"> {t("surveys.notEmailed")}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
