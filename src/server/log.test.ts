import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, scrubText } from "./log.ts";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger("info", stream), text: () => lines.join("") };
}

// Fictional person; the number is a well-known test number (Tolvan Tolvansson).
const pin = "19121212-1212";

describe("logging never contains personal data", () => {
  it("redacts identity numbers, names and addresses by key, at any depth", () => {
    const { logger, text } = capture();
    logger.info(
      {
        personalIdentityNumber: pin,
        person: {
          givenName: "Tolvan",
          familyName: "Tolvansson",
          address: "Storgatan 1, 123 45 Ort",
        },
        case: { client: { name: "Tolvan Tolvansson", phone: "070-123 45 67" } },
        body: { identityNumber: pin },
      },
      "registered",
    );
    const out = text();
    for (const secret of ["1212", "Tolvan", "Storgatan", "070-123"])
      expect(out).not.toContain(secret);
    expect(out).toContain("[REDACTED]");
    expect(out).toContain("registered");
  });

  it("scrubs identity numbers from messages and errors", () => {
    const { logger, text } = capture();
    const err = Object.assign(new Error(`duplicate key (identity_number)=(191212121212)`), {
      detail: `Key (org_id, identity_number)=(x, 191212121212) already exists.`,
      parameters: ["Tolvan"],
    });
    logger.error({ err }, `could not save ${pin}`);
    logger.warn(`lookup of 121212+1212 failed`);
    const out = text();
    expect(out).not.toMatch(/1212121212|121212\+1212|Tolvan/);
    expect(out).toContain("[PIN]");
  });

  it("scrubs identity numbers from request URLs", () => {
    const { logger, text } = capture();
    logger.info({ req: { id: "r1", method: "GET", url: `/api/persons?pin=${pin}` } }, "request");
    expect(text()).not.toContain("1212");
  });
});

describe("scrubText", () => {
  it("leaves ordinary numbers alone", () => {
    expect(scrubText("took 1500 ms, 3 rows, port 3000")).toBe("took 1500 ms, 3 rows, port 3000");
  });
});
