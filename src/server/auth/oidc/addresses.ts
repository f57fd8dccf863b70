import type { Config } from "../../config.ts";

export const callbackPath = "/api/auth/oidc/callback";
export const backchannelLogoutPath = "/api/auth/oidc/backchannel-logout";
/** Where the provider sends the browser after its logout: the web shows "Du är utloggad". */
export const loggedOutPath = "/logged-out";

/**
 * Frid's own address as the provider knows it (the redirect and post-logout URIs it has
 * registered): FRID_PUBLIC_URL. Without it, outside production only, localhost at the
 * server's own port, as the security keys do (webauthn/relying-party.ts). Never the
 * request's Host header: the sender writes it, and a login begun through a forged host
 * would have the provider send its code there. Null: Frid cannot say where it is.
 */
export function fridAddress(config: Config, localPort: number | undefined): string | null {
  if (config.publicUrl) return new URL(config.publicUrl).origin;
  if (config.mode !== "production" && localPort) return `http://localhost:${localPort}`;
  return null;
}
