import type { Config } from "../../config.ts";
import { AppError } from "../../http/errors.ts";

/** Who the keys are made for: the site's domain (rp id) and the exact origin the browser shows. */
export interface RelyingParty {
  id: string;
  name: string;
  origin: string;
}

/**
 * From FRID_PUBLIC_URL: a key is bound to that host, so a look-alike site gets nothing from
 * it. Without it, outside production only, the server's own port on localhost (a browser
 * refuses keys on an IP address such as 127.0.0.1). The port comes from the socket, never
 * from the request's Host header, which the sender writes.
 */
export function relyingParty(config: Config, localPort: number | undefined): RelyingParty {
  if (config.publicUrl) {
    const url = new URL(config.publicUrl);
    return { id: url.hostname, name: "Frid", origin: url.origin };
  }
  if (config.mode !== "production" && localPort) {
    return { id: "localhost", name: "Frid", origin: `http://localhost:${localPort}` };
  }
  throw new AppError(
    409,
    "conflict",
    "Säkerhetsnycklar kan inte användas förrän Frids adress är inställd (FRID_PUBLIC_URL). Kontakta systemförvaltaren.",
  );
}
