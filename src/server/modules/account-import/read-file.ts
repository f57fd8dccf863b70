import { importColumns, maxImportRows } from "../../../shared/api/account-import.ts";
import { AppError } from "../../http/errors.ts";
import { CsvSyntaxError, parseCsv } from "./csv.ts";

/**
 * The CSV file as rows of named fields, or a 400 that says what is wrong with the file as a
 * whole (encoding, header, size, broken quoting). What is wrong with one row is that row's
 * answer (rows.ts), so one mistake does not hide the others.
 */
export type ImportColumn = (typeof importColumns)[number];
export interface FileRow {
  /** The row's line in the file, the header being line 1. */
  line: number;
  fields: Record<ImportColumn, string>;
  /** More or fewer fields than the header names. */
  width: number;
}

const badFile = (message: string) => new AppError(400, "validation_failed", message);
const expectedHeader = importColumns.join(",");

/** UTF-8 only: a file saved as Latin-1 (Excel's plain "CSV") would turn å, ä and ö into others. */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw badFile(
      "Filen är inte sparad som UTF-8. Spara den som ”CSV UTF-8” (i Excel: CSV UTF-8, kommaavgränsad) och försök igen.",
    );
  }
}

/** Swedish Excel writes semicolons between fields; others write commas. The header tells. */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  return header.includes(";") && !header.includes(",") ? ";" : ",";
}

function records(text: string) {
  try {
    return parseCsv(text, delimiterOf(text));
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw badFile(
        `Filen kunde inte läsas som CSV (rad ${error.line}): kontrollera citattecknen på raden.`,
      );
    throw error;
  }
}

/** Which column each header name is, in the order the file has them. */
function columnsOf(header: string[]): ImportColumn[] {
  const names = header.map((h) => h.trim().toLowerCase());
  const unknown = names.filter((n) => !(importColumns as readonly string[]).includes(n));
  const missing = importColumns.filter((c) => !names.includes(c));
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (unknown.length + missing.length + twice.length > 0) {
    const parts = [
      missing.length > 0 ? `saknar ${missing.join(", ")}` : null,
      unknown.length > 0 ? `okända kolumner: ${unknown.join(", ") || "(tom)"}` : null,
      twice.length > 0 ? `dubbla kolumner: ${twice.join(", ")}` : null,
    ].filter(Boolean);
    throw badFile(
      `Första raden ska vara rubrikraden ${expectedHeader} (i valfri ordning); den ${parts.join("; ")}.`,
    );
  }
  return names as ImportColumn[];
}

export function readImportFile(bytes: Uint8Array): FileRow[] {
  const text = decode(bytes).replace(/^\uFEFF/, "");
  if (text.trim() === "") throw badFile(`Filen är tom. Första raden ska vara ${expectedHeader}.`);
  const [header, ...rows] = records(text);
  const columns = columnsOf(header?.record ?? []);
  if (rows.length === 0) throw badFile("Filen har bara rubrikraden: inga konton att importera.");
  if (rows.length > maxImportRows)
    throw badFile(
      `Filen har ${rows.length} konton; högst ${maxImportRows.toLocaleString("sv-SE")} kan importeras åt gången. Dela upp filen.`,
    );
  return rows.map(({ line, record }) => {
    const fields = Object.fromEntries(importColumns.map((c) => [c, ""])) as FileRow["fields"];
    columns.forEach((column, i) => {
      fields[column] = record[i] ?? "";
    });
    return { line, fields, width: record.length };
  });
}

export const importHeaderWidth = importColumns.length;
