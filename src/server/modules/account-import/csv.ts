/**
 * A CSV reader (RFC 4180) for the account import: fields separated by `delimiter`, a field
 * in double quotes may hold the delimiter, line breaks and doubled quotes (""); spaces
 * around a field are dropped; empty lines are skipped. Each record carries the line it
 * starts on, for the row answers. Small on purpose: the files are at most 2 MB (ADR 0031).
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

export function parseCsv(text: string, delimiter: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false; // the current field began with a quote
  let inQuotes = false;
  let line = 1;
  let start = 1;
  const endField = () => {
    record.push(quoted ? field : field.trim());
    field = "";
    quoted = false;
  };
  const endRecord = () => {
    endField();
    if (record.length > 1 || record[0] !== "") records.push({ line: start, record });
    record = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (inQuotes) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        inQuotes = false;
        // After the closing quote only spaces may come before the delimiter or the line's end.
        while (text[i + 1] === " " || text[i + 1] === "\t") i++;
        const next = text[i + 1];
        if (next !== undefined && next !== delimiter && next !== "\n" && next !== "\r")
          throw new CsvSyntaxError(line);
      } else {
        if (c === "\n") line++;
        field += c;
      }
    } else if (c === '"' && field.trim() === "") {
      inQuotes = true;
      quoted = true;
      field = "";
    } else if (c === delimiter) {
      endField();
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      start = line;
    } else {
      field += c;
    }
  }
  if (inQuotes) throw new CsvSyntaxError(start);
  endRecord();
  return records;
}
