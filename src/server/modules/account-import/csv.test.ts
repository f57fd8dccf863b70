import { describe, expect, it } from "vitest";
import { CsvSyntaxError, parseCsv } from "./csv.ts";

describe("the account import's CSV reader", () => {
  it("reads quoted fields with the delimiter, line breaks and doubled quotes", () => {
    const text = 'a,b,c\r\n"Berg, Bo", "x ""y""" ,z\n\n"två\nrader",,\r\n';
    expect(parseCsv(text, ",")).toEqual([
      { line: 1, record: ["a", "b", "c"] },
      { line: 2, record: ["Berg, Bo", 'x "y"', "z"] },
      { line: 4, record: ["två\nrader", "", ""] },
    ]);
  });

  it("trims unquoted fields, keeps a quoted field's spaces, and reads semicolons", () => {
    expect(parseCsv(' a ; " b " ;c', ";")).toEqual([{ line: 1, record: ["a", " b ", "c"] }]);
    expect(parseCsv("ett,två", ";")).toEqual([{ line: 1, record: ["ett,två"] }]);
  });

  it("names the line of a quote that is never closed, or text after a closing quote", () => {
    expect(() => parseCsv('a,b\n"öppen,c\nd,e', ",")).toThrow(new CsvSyntaxError(2));
    try {
      parseCsv('a\n"x"y,z', ",");
      expect.unreachable();
    } catch (error) {
      expect((error as CsvSyntaxError).line).toBe(2);
    }
  });
});
