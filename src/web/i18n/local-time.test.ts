import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDateTimeShort, localDateTimeInputs, localDateTimeIso } from "./dates";

// The inputs are read in the browser's time zone; here, as for the users, Stockholm's.
let previousTz: string | undefined;
beforeAll(() => {
  previousTz = process.env.TZ;
  process.env.TZ = "Europe/Stockholm";
});
afterAll(() => {
  if (previousTz === undefined) delete process.env.TZ;
  else process.env.TZ = previousTz;
});

describe("the time of an event from a date and a time input", () => {
  it("carries the offset of that day: +01:00 in winter, +02:00 in summer", () => {
    expect(localDateTimeIso("2026-11-22", "14:03")).toBe("2026-11-22T14:03:00+01:00");
    expect(localDateTimeIso("2026-07-01", "09:30")).toBe("2026-07-01T09:30:00+02:00");
  });

  it("is the same moment as the one the inputs show", () => {
    const iso = localDateTimeIso("2026-03-29", "03:15") ?? "";
    expect(new Date(iso).toISOString()).toBe("2026-03-29T01:15:00.000Z");
    expect(localDateTimeIso("2026-10-25", "00:00:30")).toBe("2026-10-25T00:00:30+02:00");
  });

  it("moves a time the clock skips (summer time starts) to the moment the clock shows", () => {
    // 02:30 does not exist on 29 March 2026 in Stockholm: the clock jumps from 02:00 to 03:00.
    expect(localDateTimeIso("2026-03-29", "02:30")).toBe("2026-03-29T03:30:00+02:00");
  });

  it("refuses what is not a real date and time", () => {
    expect(localDateTimeIso("", "14:03")).toBeNull();
    expect(localDateTimeIso("2026-11-22", "")).toBeNull();
    expect(localDateTimeIso("2026-02-30", "10:00")).toBeNull();
    expect(localDateTimeIso("2026-11-22", "24:00")).toBeNull();
    expect(localDateTimeIso("0099-01-01", "10:00")).toBeNull();
    expect(localDateTimeIso("22/11/2026", "14:03")).toBeNull();
  });

  it("turns a stored moment back into the inputs' values, in local time", () => {
    expect(localDateTimeInputs("2026-11-22T13:03:59Z")).toEqual({
      date: "2026-11-22",
      time: "14:03",
    });
    expect(localDateTimeInputs("2026-06-30T22:30:00Z")).toEqual({
      date: "2026-07-01",
      time: "00:30",
    });
    expect(localDateTimeInputs("not a date")).toEqual({ date: "", time: "" });
  });

  it("round-trips: inputs → ISO → inputs", () => {
    const iso = localDateTimeIso("2026-12-31", "23:59") ?? "";
    expect(localDateTimeInputs(iso)).toEqual({ date: "2026-12-31", time: "23:59" });
  });

  it("shows journal times to the minute", () => {
    expect(formatDateTimeShort("2026-11-22T13:03:07Z", "sv", "Europe/Stockholm")).toBe(
      "2026-11-22 14:03",
    );
    expect(formatDateTimeShort("2026-11-22T13:03:07Z", "en", "UTC")).toBe("22/11/2026, 13:03");
    expect(formatDateTimeShort("", "sv")).toBe("");
  });
});
