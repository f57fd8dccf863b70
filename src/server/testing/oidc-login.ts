import type { App } from "../http/context.ts";

/**
 * A browser's walk through a login at the test provider (testing/oidc-idp.ts), for API tests:
 * Frid answered through app.inject (its host is `fridHost`), the provider over real HTTP with
 * its own cookies, every redirect followed by hand. Returns Frid's answer to the callback.
 */
export const fridHost = "frid.test";
export const fridCallback = `http://${fridHost}/api/auth/oidc/callback`;

/** What a browser's navigation asks for: the refusal comes as a page. */
const browserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

/** The provider's cookies of one browser: its session there lives in them. */
export class Jar {
  #cookies = new Map<string, string>();
  take(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair?.indexOf("=") ?? -1;
      if (pair && eq > 0) this.#cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  }
  header() {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/** Follows the provider's redirects (and its login form, choosing `sub`) back to Frid. */
async function throughProvider(
  authorizationUrl: string,
  sub: string,
  jar = new Jar(),
): Promise<string> {
  let url = authorizationUrl;
  for (let step = 0; step < 12; step++) {
    if (url.startsWith(`http://${fridHost}`)) return url;
    const isForm = /\/interaction\/[^/]+$/.test(new URL(url).pathname);
    const res = await fetch(url, {
      redirect: "manual",
      headers: {
        cookie: jar.header(),
        ...(isForm ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      ...(isForm ? { method: "POST", body: new URLSearchParams({ sub }).toString() } : {}),
    });
    jar.take(res);
    const location = res.headers.get("location");
    if (!location)
      throw new Error(`provider answered ${res.status} at ${url}: ${await res.text()}`);
    url = new URL(location, url).href;
  }
  throw new Error("too many redirects at the provider");
}

export async function startLogin(app: App, providerId: string, cookie?: string) {
  const res = await app.inject({
    method: "GET",
    url: `/api/auth/oidc/${providerId}/start`,
    headers: { host: fridHost, accept: browserAccept, ...(cookie ? { cookie } : {}) },
  });
  const setCookie = ([] as string[]).concat(res.headers["set-cookie"] ?? []);
  const binding = setCookie.find((c) => c.startsWith("frid_oidc="))?.split(";")[0];
  return { res, location: res.headers.location as string | undefined, binding };
}

export async function callback(app: App, callbackUrl: string, cookie: string | undefined) {
  const url = new URL(callbackUrl);
  return app.inject({
    method: "GET",
    url: `${url.pathname}${url.search}`,
    headers: { host: fridHost, accept: browserAccept, ...(cookie ? { cookie } : {}) },
  });
}

/** Start, the provider (as `sub`), and the callback in the same browser. */
export async function loginThroughProvider(
  app: App,
  providerId: string,
  sub: string,
  jar = new Jar(),
) {
  const started = await startLogin(app, providerId);
  if (!started.location || !started.binding)
    throw new Error(`start answered ${started.res.statusCode}: ${started.res.body}`);
  const callbackUrl = await throughProvider(started.location, sub, jar);
  const res = await callback(app, callbackUrl, started.binding);
  return { res, callbackUrl, binding: started.binding };
}

export { throughProvider };

/**
 * The browser at the provider's end-session address: its question answered "Ja, logga ut"
 * (the form's hidden xsrf field and logout=yes), and the address it is sent back to.
 */
export async function logoutAtProvider(endSessionUrl: string, jar: Jar): Promise<string> {
  const asked = await fetch(endSessionUrl, { headers: { cookie: jar.header() } });
  jar.take(asked);
  const page = await asked.text();
  const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)?.[1];
  if (!action || !xsrf)
    throw new Error(`no logout question at the provider (${asked.status}): ${page}`);
  const confirmed = await fetch(new URL(action, endSessionUrl), {
    method: "POST",
    redirect: "manual",
    headers: { cookie: jar.header(), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ xsrf, logout: "yes" }).toString(),
  });
  jar.take(confirmed);
  const location = confirmed.headers.get("location");
  if (!location) throw new Error(`provider answered ${confirmed.status} to the logout`);
  return new URL(location, endSessionUrl).href;
}

/** Where a login at the provider stops without anyone choosing: back at Frid, or its question. */
export async function silentLoginAt(authorizationUrl: string, jar: Jar): Promise<"frid" | "asked"> {
  let url = authorizationUrl;
  for (let step = 0; step < 12; step++) {
    if (url.startsWith(`http://${fridHost}`)) return "frid";
    if (/\/interaction\/[^/]+$/.test(new URL(url).pathname)) return "asked";
    const res = await fetch(url, { redirect: "manual", headers: { cookie: jar.header() } });
    jar.take(res);
    const location = res.headers.get("location");
    if (!location) throw new Error(`provider answered ${res.status} at ${url}`);
    url = new URL(location, url).href;
  }
  throw new Error("too many redirects at the provider");
}
