import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** A message as the test SMTP server received it: the envelope and the raw text. */
export interface Received {
  to: string[];
  raw: string;
}

/**
 * A real SMTP server on a free local port (smtp-server, docs/adr/0012) that keeps what it
 * receives, or refuses every message when `refuse` is set (a mail server that is down for
 * Frid's purposes). Plain SMTP on 127.0.0.1: no TLS, no login.
 */
export async function startSmtpServer(options: { refuse?: boolean } = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (options.refuse) return callback(new Error("Mailbox unavailable"));
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The text of a plain-text message: headers and body, the body decoded from the transfer
 * encoding nodemailer chose (quoted-printable or base64 for non-ASCII letters).
 */
export function messageText(raw: string): string {
  const split = raw.indexOf("\r\n\r\n");
  const headers = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
  if (encoding === "base64") return `${headers}\n\n${Buffer.from(body, "base64").toString("utf8")}`;
  if (encoding !== "quoted-printable") return `${headers}\n\n${body}`;
  const bytes = body
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  return `${headers}\n\n${Buffer.from(bytes, "latin1").toString("utf8")}`;
}
