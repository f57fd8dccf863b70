import { suppressSmall } from "../statistics/partner-contact.ts";

/**
 * Which cells of a table to hide in a report that leaves the unit.
 *
 * Primary: a count of 1–4 (suppressSmall, the one rule of every figure outside the unit).
 * Complementary: a table with totals ties its cells together — each row's count cells sum to
 * its total column, each column's cells to its total row — so one hidden cell in such a line
 * could be worked out by subtraction. Every line with exactly one hidden cell gets a second
 * one, until no line has exactly one and no hidden cell follows from all lines together.
 *
 * The second cell is the line's smallest non-zero visible part (the usual choice: it costs
 * least information), else a visible zero, else the line's total. A visible zero is a poor
 * complement (its range is bounded below), so zeros are the last resort before the total.
 * Lines alone are not always enough: a chain of hidden cells through the margins can be solved
 * by taking rows and columns together (found by the property test), so after closing the
 * lines any hidden cell the equations still determine gets one more cell hidden beside it.
 */

export interface GridShape {
  /** Which columns hold counts that add up (shares, amounts and text do not). */
  counted: boolean[];
  /** Index of the row that sums the other rows, if any. */
  totalRow: number | null;
  /** Index of the column that sums the other counted columns, if any. */
  totalColumn: number | null;
}

type Cell = readonly [row: number, column: number];

/** The lines (row and column relations) a grid's totals make: each is its cells, total last. */
export function linesOf(rows: number, shape: GridShape): Cell[][] {
  const lines: Cell[][] = [];
  const { counted, totalRow, totalColumn } = shape;
  if (totalColumn !== null)
    for (let r = 0; r < rows; r++) {
      const parts = counted.flatMap((c, j) => (c && j !== totalColumn ? [[r, j] as const] : []));
      lines.push([...parts, [r, totalColumn]]);
    }
  if (totalRow !== null)
    counted.forEach((c, j) => {
      if (!c) return;
      const parts = [...Array(rows).keys()]
        .filter((r) => r !== totalRow)
        .map((r) => [r, j] as const);
      lines.push([...parts, [totalRow, j]]);
    });
  return lines;
}

/**
 * The hidden cells of `values` (rows × columns; null = not available, never hidden): nothing
 * when `suppressed` is false (inside the unit), else the primary and complementary cells.
 */
export function hiddenCells(
  values: (number | null)[][],
  shape: GridShape,
  suppressed: boolean,
): boolean[][] {
  const hidden = values.map((row) =>
    row.map(
      (v, j) =>
        suppressed && v !== null && shape.counted[j] === true && suppressSmall(true, v) === null,
    ),
  );
  if (!suppressed) return hidden;
  const lines = linesOf(values.length, shape);
  for (;;) {
    closeLines(lines, values, hidden);
    // A line-by-line closure can still leave a cell that rows and columns solved together
    // give away (a chain through the margins): hide one more cell beside it and close again.
    const exposed = hidden.flatMap((row, r) =>
      row.flatMap((h, j) => (h && solvable(lines, hidden, r, j) ? [[r, j] as const] : [])),
    )[0];
    if (!exposed) return hidden;
    const beside = lines.filter((l) => l.some(([r, j]) => r === exposed[0] && j === exposed[1]));
    const pick = beside.map((l) => complementOf(l, values, hidden)).find((c) => c !== undefined);
    if (!pick) return hidden;
    (hidden[pick[0]] as boolean[])[pick[1]] = true;
  }
}

/** Until no line has exactly one hidden cell, give each such line a second one. */
function closeLines(lines: Cell[][], values: (number | null)[][], hidden: boolean[][]) {
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (line.filter(([r, j]) => hidden[r]?.[j]).length !== 1) continue;
      const pick = complementOf(line, values, hidden);
      if (!pick) continue;
      (hidden[pick[0]] as boolean[])[pick[1]] = true;
      changed = true;
    }
  }
}

/**
 * Whether hidden cell (r, j) follows from the lines: with the hidden cells as unknowns and
 * each line one equation (parts − total = what is visible), it does exactly when its unit
 * vector lies in the equations' row space, i.e. adding it does not raise the rank.
 */
export function solvable(lines: Cell[][], hidden: boolean[][], r: number, j: number): boolean {
  const unknowns = new Map<string, number>();
  hidden.forEach((row, i) => {
    row.forEach((h, k) => {
      if (h) unknowns.set(`${i},${k}`, unknowns.size);
    });
  });
  const equations = lines.map((line) => {
    const eq = new Array<number>(unknowns.size).fill(0);
    line.forEach(([i, k], at) => {
      const u = unknowns.get(`${i},${k}`);
      if (u !== undefined) eq[u] = (eq[u] ?? 0) + (at === line.length - 1 ? -1 : 1);
    });
    return eq;
  });
  const unit = new Array<number>(unknowns.size).fill(0);
  unit[unknowns.get(`${r},${j}`) ?? 0] = 1;
  return rankOf(equations) === rankOf([...equations, unit]);
}

/** Rank by Gaussian elimination; the entries are small integers, so a tolerance suffices. */
function rankOf(matrix: number[][]): number {
  const m = matrix.map((row) => [...row]);
  const width = m[0]?.length ?? 0;
  let rank = 0;
  for (let c = 0; c < width && rank < m.length; c++) {
    const p = m.findIndex((row, i) => i >= rank && Math.abs(row[c] ?? 0) > 1e-9);
    if (p < 0) continue;
    const pivot = m[p] as number[];
    m[p] = m[rank] as number[];
    m[rank] = pivot;
    for (const row of m) {
      if (row === pivot || Math.abs(row[c] ?? 0) < 1e-9) continue;
      const f = (row[c] ?? 0) / (pivot[c] ?? 1);
      for (let k = c; k < width; k++) row[k] = (row[k] ?? 0) - f * (pivot[k] ?? 0);
    }
    rank++;
  }
  return rank;
}

/** The line's second cell to hide: smallest non-zero visible part, else a zero, else its total. */
function complementOf(
  line: Cell[],
  values: (number | null)[][],
  hidden: boolean[][],
): Cell | undefined {
  const value = ([r, j]: Cell) => values[r]?.[j] ?? null;
  const visible = line.slice(0, -1).filter((c) => !hidden[c[0]]?.[c[1]] && value(c) !== null);
  const byValue = (a: Cell, b: Cell) => (value(a) ?? 0) - (value(b) ?? 0);
  const nonZero = visible.filter((c) => (value(c) ?? 0) > 0).sort(byValue);
  if (nonZero[0]) return nonZero[0];
  if (visible[0]) return visible[0];
  const total = line[line.length - 1] as Cell;
  return hidden[total[0]]?.[total[1]] ? undefined : total;
}
