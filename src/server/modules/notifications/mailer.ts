import nodemailer from "nodemailer";
import type { Config } from "../../config.ts";

/** What the digest needs of e-mail: send one plain-text message, and let go at shutdown. */
export interface Mailer {
  send(mail: { to: string; subject: string; text: string }): Promise<void>;
  close(): void;
}

/**
 * SMTP through nodemailer (docs/adr/0012), from FRID_SMTP_URL. Time limits keep a hanging
 * server from holding a digest round: a round gives up on it and tries again next round.
 */
export function smtpMailer(mail: NonNullable<Config["mail"]>): Mailer {
  const transport = nodemailer.createTransport({
    url: mail.smtpUrl,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    async send({ to, subject, text }) {
      await transport.sendMail({ from: mail.from, to, subject, text });
    },
    close: () => transport.close(),
  };
}
