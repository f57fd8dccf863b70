import { BlockList, isIPv4 } from "node:net";
import type { Config } from "../config.ts";
import type { App } from "./context.ts";

// Addresses a reverse proxy in front of Frid usually has: loopback, private networks,
// shared address space (100.64/10, used by some container platforms), link-local.
const proxyNetworks = new BlockList();
for (const [net, prefix] of [
  ["127.0.0.0", 8],
  ["10.0.0.0", 8],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["100.64.0.0", 10],
  ["169.254.0.0", 16],
] as const) {
  proxyNetworks.addSubnet(net, prefix, "ipv4");
}
proxyNetworks.addAddress("::1", "ipv6");
proxyNetworks.addSubnet("fc00::", 7, "ipv6");
proxyNetworks.addSubnet("fe80::", 10, "ipv6");

export function looksLikeProxyAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  return isIPv4(v4) ? proxyNetworks.check(v4, "ipv4") : proxyNetworks.check(address, "ipv6");
}

/**
 * With FRID_TRUST_PROXY off, Frid sees the proxy's address instead of each user's: every
 * user then shares one address in login throttling and in the audit trail. Requests that
 * carry X-Forwarded-For from a private address say a proxy is there; warn once (the first
 * such request after start) so the operator can set FRID_TRUST_PROXY=true. A forwarded
 * header from a public address may be a client's own, and says nothing.
 */
export function registerProxyWarning(app: App, config: Config): void {
  if (config.trustProxy) return;
  let warned = false;
  app.addHook("onRequest", async (request) => {
    if (warned || request.headers["x-forwarded-for"] === undefined) return;
    if (!looksLikeProxyAddress(request.socket.remoteAddress)) return;
    warned = true;
    request.log.warn(
      "requests arrive through a proxy (X-Forwarded-For from a private address) while FRID_TRUST_PROXY is off: " +
        "every user shares the proxy's address in login throttling and the audit trail. " +
        "Set FRID_TRUST_PROXY=true if the proxy is yours and sets X-Forwarded-For.",
    );
  });
}
