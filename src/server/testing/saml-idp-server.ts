import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { authnRequestOf, hsaIdAttribute, loa3, TestSamlIdp } from "./saml-idp.ts";

/**
 * The tests' signing SAML IdP (saml-idp.ts) reachable by a browser: an HTTP server on
 * loopback whose single sign-on address reads Frid's AuthnRequest (HTTP-Redirect), lets the
 * person pick an identity, and answers as the HTTP-POST binding does — a page whose form
 * posts the signed Response to the ACS the request named, submitted by a line of script
 * (a button when scripts are off). Each identity carries the assurance level it logs in at,
 * so a journey can log in too low.
 */
export interface SamlIdentity {
  /** The button's text. */
  label: string;
  hsaId: string;
  authnContextClassRef?: string;
}

export interface RunningSamlIdp {
  idp: TestSamlIdp;
  entityId: string;
  ssoUrl: string;
  close(): Promise<void>;
}

const html = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${html(title)}</title></head><body><main><h1>${html(title)}</h1>${body}</main></body></html>`;
}

/** What the AuthnRequest says of Frid: its entity id (the audience) and its ACS. */
function requester(xml: string) {
  const issuer = /<(?:\w+:)?Issuer[^>]*>([^<]+)</.exec(xml)?.[1];
  const acs = /AssertionConsumerServiceURL="([^"]+)"/.exec(xml)?.[1];
  if (!issuer || !acs)
    throw new Error("AuthnRequest without Issuer or AssertionConsumerServiceURL");
  return { audience: issuer.replace(/&amp;/g, "&"), acs: acs.replace(/&amp;/g, "&") };
}

function choosePage(url: URL, identities: readonly SamlIdentity[]): string {
  const query = html(url.search);
  const buttons = identities
    .map(
      (identity, i) =>
        `<form method="post" action="/sso/answer${query}"><input type="hidden" name="identity" value="${i}"><button type="submit">${html(identity.label)}</button></form>`,
    )
    .join("");
  return page("Test-SAML-IdP: välj identitet", buttons);
}

function answerPage(idp: TestSamlIdp, url: URL, identity: SamlIdentity): string {
  const request = authnRequestOf(url.toString());
  const { audience, acs } = requester(request.xml);
  const response = idp.respond({
    inResponseTo: request.id,
    attributes: { [hsaIdAttribute]: identity.hsaId },
    audience,
    recipient: acs,
    authnContextClassRef: identity.authnContextClassRef ?? loa3,
  });
  const relay = request.relayState
    ? `<input type="hidden" name="RelayState" value="${html(request.relayState)}">`
    : "";
  return page(
    "Test-SAML-IdP: skickar svaret",
    `<form method="post" action="${html(acs)}"><input type="hidden" name="SAMLResponse" value="${response}">${relay}<noscript><button type="submit">Fortsätt</button></noscript></form><script>document.forms[0].submit()</script>`,
  );
}

async function formOf(request: IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of request) body += String(chunk);
  return new URLSearchParams(body);
}

export async function startSamlIdp(identities: readonly SamlIdentity[]): Promise<RunningSamlIdp> {
  let idp: TestSamlIdp | undefined;
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const send = (status: number, text: string) =>
      response.writeHead(status, { "content-type": "text/html; charset=utf-8" }).end(text);
    if (!idp) return send(503, page("Inte redo", ""));
    if (request.method === "GET" && url.pathname === "/sso")
      return send(200, choosePage(url, identities));
    if (request.method === "POST" && url.pathname === "/sso/answer") {
      const identity = identities[Number((await formOf(request)).get("identity"))];
      if (!identity) return send(400, page("Okänd identitet", ""));
      return send(200, answerPage(idp, url, identity));
    }
    return send(404, page("Finns inte", ""));
  };
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) =>
      response.writeHead(500).end(error instanceof Error ? error.message : String(error)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  idp = new TestSamlIdp(`${origin}/saml`, `${origin}/sso`);
  return {
    idp,
    entityId: idp.entityId,
    ssoUrl: idp.ssoUrl,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
