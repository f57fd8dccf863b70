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
    // The number's parts, not bare "1212": the process id or the time may hold those digits.
    for (const secret of ["19121212", "-1212", "Tolvan", "Storgatan", "070-123"])
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
    expect(text()).not.toMatch(/19121212|-1212/);
    expect(text()).toContain("pin=[PIN]");
  });

  it("replaces a survey link's token in a logged URL: the API's and the answer page's", () => {
    const { logger, text } = capture();
    const token = "Hq3xW9k2mN7pL4vR8tY1zA6bC0dE5fG2hJ9kL3mN4pQ";
    for (const url of [
      `/api/survey-links/${token}`,
      `/api/survey-links/${token}/answer`,
      `/enkat/${token}?x=1`,
    ])
      logger.info({ req: { id: "r1", method: "GET", url } }, "request");
    expect(text()).not.toContain(token);
    expect(text()).toContain("/api/survey-links/[TOKEN]/answer");
    expect(text()).toContain("/enkat/[TOKEN]?x=1");
  });
});

describe("scrubText", () => {
  it("leaves ordinary numbers alone", () => {
    expect(scrubText("took 1500 ms, 3 rows, port 3000")).toBe("took 1500 ms, 3 rows, port 3000");
  });

  it("scrubs personal identity and coordination numbers in every written form", () => {
    for (const number of [
      "19121212-1212",
      "191212121212",
      "121212-1212",
      "1212121212",
      "121212+1212",
      "19121212 1212",
      "701063-2391", // a coordination number: the day plus 60
      "197010632391",
    ]) {
      expect(scrubText(`lookup of ${number} failed`), number).toBe("lookup of [PIN] failed");
    }
  });

  it("leaves digit runs alone that are not identity numbers: ids, ports, counts, error numbers", () => {
    const untouched = [
      // A UUID whose first groups would pass as 19121212-1212 on their own.
      "request 19121212-1212-4abc-8def-0123456789ab failed",
      "case 0f8fad5b-d9cb-469f-a165-70867728950e",
      "connect ECONNREFUSED 127.0.0.1:55432",
      "port 55432",
      "12345678901 rows",
      "1212121213", // the shape of a number, but the check digit is wrong
      "20241215-1234", // a date and a serial with a wrong check digit
      "12345678-1234", // no such date
      "took 1733312345 ms at 20241215123456",
      "error 1000000001",
    ];
    for (const text of untouched) expect(scrubText(text)).toBe(text);
  });
});
