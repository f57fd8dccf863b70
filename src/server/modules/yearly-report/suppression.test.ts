import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type GridShape, hiddenCells, linesOf } from "./suppression.ts";

/** A table of counts with its totals filled in: `parts` rows × columns, margins as asked. */
function tableOf(parts: number[][], withTotalRow: boolean, withTotalColumn: boolean) {
  const rows = parts.map((r) => (withTotalColumn ? [...r, r.reduce((a, b) => a + b, 0)] : [...r]));
  const width = rows[0]?.length ?? 0;
  if (withTotalRow)
    rows.push([...Array(width).keys()].map((j) => rows.reduce((a, r) => a + (r[j] ?? 0), 0)));
  const shape: GridShape = {
    counted: Array(width).fill(true),
    totalRow: withTotalRow ? rows.length - 1 : null,
    totalColumn: withTotalColumn ? width - 1 : null,
  };
  return { values: rows, shape };
}

/**
 * Whether the attacker can solve for cell k: the hidden cells are the unknowns, each line
 * (row or column with its total) one linear equation; x_k is determined exactly when the unit
 * vector e_k lies in the row space of the equations restricted to the unknowns.
 */
function determined(lines: (readonly [number, number])[][], hidden: boolean[][], k: string) {
  const unknowns = hidden.flatMap((row, r) => row.flatMap((h, j) => (h ? [`${r},${j}`] : [])));
  const col = new Map(unknowns.map((u, i) => [u, i]));
  const equations = lines.map((line) => {
    const eq = Array(unknowns.length).fill(0);
    line.forEach(([r, j], i) => {
      const at = col.get(`${r},${j}`);
      if (at !== undefined) eq[at] += i === line.length - 1 ? -1 : 1;
    });
    return eq as number[];
  });
  const unit = unknowns.map((u) => (u === k ? 1 : 0));
  return rank(equations) === rank([...equations, unit]);
}

function rank(matrix: number[][]): number {
  const m = matrix.map((r) => [...r]);
  let rank = 0;
  const width = m[0]?.length ?? 0;
  for (let c = 0; c < width && rank < m.length; c++) {
    const pivot = m.findIndex((r, i) => i >= rank && Math.abs(r[c] ?? 0) > 1e-9);
    if (pivot < 0) continue;
    [m[rank], m[pivot]] = [m[pivot] as number[], m[rank] as number[]];
    const p = m[rank] as number[];
    for (let i = 0; i < m.length; i++) {
      const row = m[i] as number[];
      if (i === rank || Math.abs(row[c] ?? 0) < 1e-9) continue;
      const f = (row[c] ?? 0) / (p[c] ?? 1);
      for (let j = c; j < width; j++) row[j] = (row[j] ?? 0) - f * (p[j] ?? 0);
    }
    rank++;
  }
  return rank;
}

const tables = fc.record({
  parts: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })).chain(([r, c]) =>
    fc.array(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: c, maxLength: c }), {
      minLength: r,
      maxLength: r,
    }),
  ),
  withTotalRow: fc.boolean(),
  withTotalColumn: fc.boolean(),
});

describe("complementary suppression (pure)", () => {
  it("inside the unit hides nothing", () => {
    const { values, shape } = tableOf(
      [
        [1, 2],
        [3, 0],
      ],
      true,
      true,
    );
    expect(hiddenCells(values, shape, false).flat().some(Boolean)).toBe(false);
  });

  it("hides a lone 1–4 and the smallest other part of its row and column", () => {
    // rows: [3, 10, 20 | 33], [7, 8, 30 | 45]; total row [10, 18, 50 | 78]
    const { values, shape } = tableOf(
      [
        [3, 10, 20],
        [7, 8, 30],
      ],
      true,
      true,
    );
    const hidden = hiddenCells(values, shape, true);
    expect(hidden).toEqual([
      [true, true, false, false],
      [true, true, false, false],
      [false, false, false, false],
    ]);
  });

  it("the attacker of the property below works: a lone hidden cell is found from its row", () => {
    const { values, shape } = tableOf(
      [
        [3, 10, 20],
        [7, 8, 30],
      ],
      true,
      true,
    );
    const lines = linesOf(values.length, shape);
    const onlyPrimary = values.map((row, r) => row.map((_, j) => r === 0 && j === 0));
    expect(determined(lines, onlyPrimary, "0,0")).toBe(true);
    const rectangle = values.map((row, r) => row.map((_, j) => r < 2 && j < 2));
    expect(determined(lines, rectangle, "0,0")).toBe(false);
  });

  it("closes a chain through the margins that rows and columns solved together would give away", () => {
    // fast-check's counterexample to hiding line by line only
    const parts = [
      [2, 0, 0, 3],
      [0, 1, 4, 0],
      [3, 0, 1, 0],
      [0, 4, 0, 0],
    ];
    const { values, shape } = tableOf(parts, true, true);
    const hidden = hiddenCells(values, shape, true);
    const lines = linesOf(values.length, shape);
    hidden.forEach((row, r) => {
      row.forEach((h, j) => {
        if (h) expect(determined(lines, hidden, `${r},${j}`)).toBe(false);
      });
    });
  });

  it("hides every 1–4, and no hidden cell can be worked out from its row, its column or both together", () => {
    fc.assert(
      fc.property(tables, ({ parts, withTotalRow, withTotalColumn }) => {
        const { values, shape } = tableOf(parts, withTotalRow, withTotalColumn);
        const hidden = hiddenCells(values, shape, true);
        values.forEach((row, r) => {
          row.forEach((v, j) => {
            if (v >= 1 && v <= 4) expect(hidden[r]?.[j]).toBe(true);
          });
        });
        const lines = linesOf(values.length, shape);
        for (const line of lines) {
          const n = line.filter(([r, j]) => hidden[r]?.[j]).length;
          expect(n === 0 || n >= 2).toBe(true);
        }
        hidden.forEach((row, r) => {
          row.forEach((h, j) => {
            if (h) expect(determined(lines, hidden, `${r},${j}`)).toBe(false);
          });
        });
      }),
      { numRuns: 1000 },
    );
  });
});
