import type { CompiledQuery } from "kysely";

/** A request's values for a statement: each goes to the database only as a parameter. */
export type TemplateValues = Record<string, string | Date | null>;

type Slot = { value: string } | { constant: unknown };
interface Template {
  compiled: CompiledQuery;
  slots: Slot[];
}

/**
 * Statements built with Kysely once per shape and reused with new values (issue 14: in the
 * profile of `npm run bench:access`, building and compiling the audited case read with Kysely
 * was the largest piece of the server's own work per read). The caller names the shape
 * (everything that changes the statement's text: which roles, whether a session is checked)
 * and the values (ids, times, request data: anything that is only ever a parameter).
 *
 * The first time a shape is seen the statement is built twice with two sets of stand-in
 * values; the texts must be equal, no stand-in may appear in the text, and every parameter
 * must be either a stand-in in both builds (then the request's value goes there) or the same
 * constant in both. Anything else — a value written into the text, or combined with another —
 * and the shape is never templated: the statement is built each time, as without this.
 */
export class StatementTemplates {
  readonly #templates = new Map<string, Template | null>();

  constructor(private readonly maxShapes = 256) {}

  compile(
    shape: unknown,
    values: TemplateValues,
    build: (values: TemplateValues) => CompiledQuery,
  ): CompiledQuery {
    const names = Object.keys(values).sort();
    const key = JSON.stringify([shape, names.map((n) => [n, values[n] === null])]);
    let template = this.#templates.get(key);
    if (template === undefined) {
      template = templateOf(names, values, build);
      if (this.#templates.size >= this.maxShapes) this.#templates.clear();
      this.#templates.set(key, template);
    }
    if (template === null) return build(values);
    const parameters = template.slots.map((s) => ("value" in s ? values[s.value] : s.constant));
    // The operation tree is the first build's (stand-ins inside): nothing reads values from it.
    return { ...template.compiled, parameters };
  }
}

function standIns(names: string[], values: TemplateValues, side: "a" | "b"): TemplateValues {
  const out: TemplateValues = {};
  names.forEach((name, i) => {
    const v = values[name];
    out[name] =
      v === null
        ? null
        : v instanceof Date
          ? new Date((side === "a" ? -1e12 : -2e12) - i * 1000)
          : `\u0000frid-${side}-${i}\u0000`;
  });
  return out;
}

function templateOf(
  names: string[],
  values: TemplateValues,
  build: (values: TemplateValues) => CompiledQuery,
): Template | null {
  const a = standIns(names, values, "a");
  const b = standIns(names, values, "b");
  const qa = build(a);
  const qb = build(b);
  if (qa.sql !== qb.sql || qa.parameters.length !== qb.parameters.length) return null;
  if (qa.sql.includes("\u0000")) return null;
  const slotOf = (p: unknown, side: TemplateValues) =>
    names.find((n) => {
      const s = side[n];
      return s !== null && (s instanceof Date ? p instanceof Date && +p === +s : p === s);
    });
  const slots: Slot[] = [];
  for (let j = 0; j < qa.parameters.length; j++) {
    const [pa, pb] = [qa.parameters[j], qb.parameters[j]];
    const name = slotOf(pa, a);
    if (name !== undefined) {
      if (name !== slotOf(pb, b)) return null;
      slots.push({ value: name });
    } else if (
      JSON.stringify(pa) === JSON.stringify(pb) &&
      !JSON.stringify(pa).includes("\\u0000")
    ) {
      slots.push({ constant: pa });
    } else {
      return null;
    }
  }
  return { compiled: qa, slots };
}
