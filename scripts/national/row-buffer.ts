import { type Table, tableColumns } from "./tables.ts";

export type Value = string | number | boolean | Date | null | undefined;

/** One value in COPY's text format: \N for null, backslash escapes for the rest. */
function copyValue(v: Value): string {
  if (v === null || v === undefined) return "\\N";
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "boolean") return v ? "t" : "f";
  if (typeof v === "number") return String(v);
  return v.replace(/[\\\t\n\r]/g, (c) =>
    c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
  );
}

/** Rows of many tables as COPY text, flushed in load order by the loader. */
export class RowBuffer {
  private parts = new Map<Table, string[]>();
  readonly counts = new Map<Table, number>();

  add(table: Table, values: readonly Value[]): void {
    if (values.length !== tableColumns[table].length)
      throw new Error(
        `${table}: ${values.length} values for ${tableColumns[table].length} columns`,
      );
    let list = this.parts.get(table);
    if (!list) {
      list = [];
      this.parts.set(table, list);
    }
    list.push(`${values.map(copyValue).join("\t")}\n`);
    this.counts.set(table, (this.counts.get(table) ?? 0) + 1);
  }

  size(): number {
    let n = 0;
    for (const list of this.parts.values()) n += list.length;
    return n;
  }

  /**
   * Takes the text of one table, leaving the buffer without it: in pieces of at most
   * `rowsPerPiece` rows, since one organisation of a country's size has more rows of a table
   * than one JavaScript string can hold (about 512 MB).
   */
  take(table: Table, rowsPerPiece = 200_000): string[] {
    const list = this.parts.get(table) ?? [];
    this.parts.delete(table);
    const pieces: string[] = [];
    for (let i = 0; i < list.length; i += rowsPerPiece)
      pieces.push(list.slice(i, i + rowsPerPiece).join(""));
    return pieces;
  }
}
