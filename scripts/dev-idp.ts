import { demoHsaId, demoIdentityProvider, demoUsers } from "../src/server/db/seed/demo-data.ts";
import { type IdpIdentity, loa2, startIdp } from "../src/server/testing/oidc-idp.ts";

/**
 * `npm run dev:idp`: the development identity provider on http://127.0.0.1:4010, a real
 * OpenID Provider (oidc-provider) the demo organisation trusts (demo seed). Its login page
 * lists the demo users (each with the HSA-id Frid knows, logging in at LoA3), one at LoA2
 * (Frid refuses the level) and one Frid has no account for. Only for development: never
 * point a production Frid at it. FRID_URL (default http://localhost:3000) is where Frid runs.
 */
const port = Number(new URL(demoIdentityProvider.issuer).port);
const fridUrls = [
  ...new Set([
    process.env.FRID_URL ?? "http://localhost:3000",
    "http://localhost:3000",
    "http://127.0.0.1:3000",
  ]),
];

const identities: IdpIdentity[] = [
  ...demoUsers.map((u) => ({
    sub: u.username,
    name: `${u.displayName} (${u.username})`,
    hsaId: demoHsaId(u.username),
  })),
  {
    sub: "handlaggare1-loa2",
    name: "Lina Ek med lösenord (LoA2: för låg nivå)",
    hsaId: demoHsaId("handlaggare1"),
    acr: loa2,
  },
  { sub: "okand", name: "Okänd person (inget konto i Frid)", hsaId: demoHsaId("okand") },
];

const idp = await startIdp({
  port,
  identities,
  clients: [
    {
      clientId: demoIdentityProvider.clientId,
      redirectUris: fridUrls.map((u) => `${u.replace(/\/$/, "")}/api/auth/oidc/callback`),
      // Logging out of Frid logs out here too, and a logout here ends Frid's session.
      postLogoutRedirectUris: fridUrls.map((u) => `${u.replace(/\/$/, "")}/logged-out`),
      backchannelLogoutUri: `${fridUrls[0]?.replace(/\/$/, "")}/api/auth/oidc/backchannel-logout`,
    },
  ],
});
process.stdout.write(
  `Test-IdP is running at ${idp.issuer} (client ${demoIdentityProvider.clientId}, for ${fridUrls.join(", ")})\n`,
);
const stop = () => {
  idp.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
