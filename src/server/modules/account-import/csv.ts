import { CsvError, parse } from "csv-parse/sync";

/**
 * The account import's CSV (RFC 4180, csv-parse — ADR 0031): fields separated by
 * `delimiter`; a field in double quotes may hold the delimiter, line breaks and doubled
 * quotes (""); spaces around a field are dropped, a quoted field's own kept; empty lines are
 * skipped; lines may end in CRLF, LF or CR, mixed. Each record carries the line it starts
 * on, for the row answers.
 */
export interface CsvRecord {
  line: number;
  record: string[];
}

export class CsvSyntaxError extends Error {
  constructor(readonly line: number) {
    super(`CSV syntax error at line ${line}`);
  }
}

const lineBreaks = /\r\n|\n|\r/g;
const breaksIn = (text: string) => text.match(lineBreaks)?.length ?? 0;

export function parseCsv(text: string, delimiter: string): CsvRecord[] {
  try {
    const rows = parse(text, {
      delimiter,
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    // csv-parse counts the line a record ends on; a quoted field's line breaks come before.
    return rows.map(({ record, info }) => ({
      line: info.lines - breaksIn(record.join("")),
      record,
    }));
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // The failing record begins after the last whole record read (bytes, not characters).
    const read = Buffer.from(text, "utf8").subarray(0, Number(error.bytes_records ?? 0));
    throw new CsvSyntaxError(breaksIn(read.toString("utf8")) + 1);
  }
}
