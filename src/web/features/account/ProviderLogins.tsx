import type { PublicIdentityProviderList } from "../../../shared/api/identity-providers";
import { useAuth } from "../../auth/useSession";
import { useQuery } from "../../hooks/useQuery";
import { useT } from "../../i18n/useT";

/**
 * "Logga in med <provider>": a plain link to the server's start of the login, which sends
 * the browser on to the provider (a navigation, not a fetch: the provider's page must show).
 * With several organisations in one Frid the organisation's name tells the buttons apart.
 * Nothing is shown while the list loads or if it cannot be read: the password form stays.
 */
export function ProviderLogins() {
  const { t } = useT();
  const { api } = useAuth();
  const list = useQuery<PublicIdentityProviderList>(["identity-providers"], () =>
    api.identityProviders(),
  );
  if (list.state.status !== "ready" || list.state.data.providers.length === 0) return null;
  const { providers } = list.state.data;
  const organisations = new Set(providers.map((p) => p.organisation));
  return (
    <section className="provider-logins" aria-labelledby="provider-logins">
      <h2 id="provider-logins">{t("login.providers")}</h2>
      <ul className="plain-list">
        {providers.map((p) => (
          <li key={p.id}>
            <a className="button button--secondary" href={`/api/auth/${p.protocol}/${p.id}/start`}>
              {t("login.withProvider", {
                name:
                  organisations.size > 1 ? `${p.displayName} (${p.organisation})` : p.displayName,
              })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
