import fc from "fast-check";

/**
 * Request generators for the property-based test of every route (`http/fuzz.test.ts`):
 * values shaped by the OpenAPI document's schemas, so most requests get past validation to
 * the code and SQL behind it, mixed with values at the edges (NUL, control characters, half
 * an emoji, over-long text, 2^31, 2^53 − 1, fractions, dates PostgreSQL cannot hold).
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
}

export interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  query: Record<string, JsonSchema>;
  body: JsonSchema | null;
}

export type IdKind = "case" | "person" | "unit" | "user" | "any";

/** An id chosen when the request is sent: of its kind, from the ids the run has seen. */
export class IdRef {
  constructor(
    readonly index: number,
    readonly kind: IdKind = "any",
  ) {}
  toString() {
    return `IdRef(${this.kind} ${this.index})`;
  }
}

/** What kind of record a field or path parameter names, by its name. */
export function idKind(name: string, path = ""): IdKind {
  if (/^(personId|otherPersonId)$/.test(name)) return "person";
  if (/^(caseId|otherCaseId)$/.test(name)) return "case";
  if (name === "unitId") return "unit";
  if (name === "userId") return "user";
  if (name !== "id") return "any";
  if (path.startsWith("/api/cases/")) return "case";
  if (/^\/api\/(audit\/)?persons\//.test(path)) return "person";
  if (/^\/api\/(admin\/)?units\//.test(path)) return "unit";
  if (/^\/api\/(admin|audit)\/users\//.test(path)) return "user";
  return "any";
}

export const edgeStrings = [
  "",
  " ",
  "\u0000",
  "Anna\u0000",
  "\u0007",
  "\u001b[31m",
  "\u007f",
  "\u0085",
  "\r\n",
  "rad ett\nrad två",
  "\t",
  "\ud83d",
  "\ude00x",
  "😀",
  "\u202e",
  "Åsa Öberg-Ündén",
  "19121212-1212",
  "' or 1=1 --",
  "%ff",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "x".repeat(101),
  "x".repeat(20_001),
];

const unknownKeys = ["shoeSize", "constructor", "toString", "a\u0000b", "k".repeat(300)];
const hostileCharacters = [
  "\u0000",
  "\u0001",
  "\u001b",
  "\u007f",
  "\u0085",
  "\ud800",
  "\n",
  "\t",
  "\r",
];

export const edgeNumbers = [
  0, 1, -1, 1.5, -0.5, 24, 25, 2_147_483_647, 2_147_483_648, -2_147_483_648, -2_147_483_649,
  9_007_199_254_740_991, -9_007_199_254_740_991, 1e308,
];

const edgeDates = [
  "2026-03-02",
  "2024-02-29",
  "1900-01-01",
  "0001-01-01",
  "0000-01-01",
  "9999-12-31",
  "2026-02-30",
  "2026-13-01",
];
const edgeDateTimes = [
  "2026-03-02T10:00:00+01:00",
  "2026-03-29T02:30:00+01:00",
  "1970-01-01T00:00:00.000Z",
  "0001-01-01T00:00:00Z",
  "0000-01-01T00:00:00Z",
  "9999-12-31T23:59:59+14:00",
  "2026-03-02T10:00:00",
];
const edgeUuids = [
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "not-a-uuid",
];

/** Raw path segments: sent as they are, not encoded again. */
export const edgePathSegments = [
  "%ff",
  "%00",
  "%",
  "%2e%2e",
  "a".repeat(101),
  "0",
  "-1",
  "1.5",
  "2147483648",
  "9007199254740991",
  "1e400",
  "NaN",
  "%C3%B6",
  "%E2%80%AE",
  "%0A",
];

const wild: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...edgeStrings),
  fc.constantFrom(...edgeNumbers),
  fc.constantFrom(null, true, {}, []),
  fc.jsonValue({ maxDepth: 2 }),
);

export type Components = Record<string, JsonSchema>;

function resolve(schema: JsonSchema, components: Components): JsonSchema {
  let current = schema;
  for (let i = 0; current.$ref && i < 10; i++) {
    const name = current.$ref.replace("#/components/schemas/", "");
    current = components[name] ?? {};
  }
  return current;
}

const validDates = ["2026-03-02", "2026-01-15", "2025-12-31"];
const validDateTimes = ["2026-03-02T10:00:00+01:00", "2026-01-15T08:30:00Z"];

/** A value the schema accepts (or nearly: patterns and cross-field rules are not known). */
function stringArbitrary(schema: JsonSchema, key: string): fc.Arbitrary<unknown> {
  if (schema.format === "uuid") return fc.nat().map((n) => new IdRef(n, idKind(key)));
  if (schema.format === "date") return fc.constantFrom(...validDates);
  if (schema.format === "date-time") return fc.constantFrom(...validDateTimes);
  if (schema.format === "email") return fc.constant("enhet@exempel.se");
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 200;
  if (schema.pattern)
    return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= max);
  return fc.string({ minLength: Math.max(min, 1), maxLength: Math.max(min, Math.min(max, 30)) });
}

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<unknown> {
  const min = Math.max(schema.minimum ?? 0, -1000);
  // A range that starts high (a year from 2000) keeps a span of 1000 above its start.
  const max = Math.min(schema.maximum ?? Math.max(100, min + 100), Math.max(1000, min + 1000));
  return integer
    ? fc.integer({ min, max })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

function objectArbitrary(schema: JsonSchema, components: Components, depth: number) {
  const properties = schema.properties ?? {};
  const record = fc.record(
    Object.fromEntries(
      Object.entries(properties).map(([key, s]) => [
        key,
        schemaArbitrary(s, components, depth + 1, key),
      ]),
    ),
    { requiredKeys: (schema.required ?? []).filter((k) => k in properties) },
  );
  const extra =
    typeof schema.additionalProperties === "object" ? schema.additionalProperties : null;
  if (!extra) return record;
  const keys = schema.propertyNames
    ? (schemaArbitrary(schema.propertyNames, components, depth + 1) as fc.Arbitrary<string>)
    : fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/);
  return fc
    .tuple(
      record,
      fc.dictionary(keys, schemaArbitrary(extra, components, depth + 1), { maxKeys: 3 }),
    )
    .map(([a, b]) => ({ ...b, ...a }));
}

/** Values of `schema`'s shape, so a request gets past validation to the code behind it. */
export function schemaArbitrary(
  raw: JsonSchema,
  components: Components,
  depth = 0,
  key = "",
): fc.Arbitrary<unknown> {
  const schema = resolve(raw, components);
  if (depth > 6) return fc.constant(null);
  const options: fc.Arbitrary<unknown>[] = [];
  if (schema.enum) options.push(fc.constantFrom(...schema.enum));
  if ("const" in schema) options.push(fc.constant(schema.const));
  for (const sub of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])])
    options.push(schemaArbitrary(sub, components, depth + 1, key));
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  for (const type of types) {
    if (type === "string" && !schema.enum) options.push(stringArbitrary(schema, key));
    if (type === "integer" || type === "number")
      options.push(numberArbitrary(schema, type === "integer"));
    if (type === "boolean") options.push(fc.boolean());
    if (type === "null") options.push(fc.constant(null));
    if (type === "array")
      options.push(
        fc.array(schemaArbitrary(schema.items ?? {}, components, depth + 1), {
          minLength: Math.min(schema.minItems ?? 0, 3),
          maxLength: Math.min(schema.maxItems ?? 3, 3),
        }),
      );
    if (type === "object") options.push(objectArbitrary(schema, components, depth));
  }
  return options.length === 0 ? wild : fc.oneof(...options);
}

type Path = (string | number)[];

function leaves(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) return [path, ...value.flatMap((v, i) => leaves(v, [...path, i]))];
  if (value !== null && typeof value === "object" && !(value instanceof IdRef)) {
    const inner = Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
    return [path, ...inner];
  }
  return [path];
}

function replaceAt(value: unknown, path: Path, next: (old: unknown) => unknown): unknown {
  if (path.length === 0) return next(value);
  const [head, ...rest] = path as [string | number, ...Path];
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaceAt(v, rest, next) : v));
  const record = value as Record<string, unknown>;
  return { ...record, [head]: replaceAt(record[head], rest, next) };
}

const isDay = (v: unknown) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);
const isMoment = (v: unknown) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}T/.test(v);
const isObject = (v: unknown): v is object =>
  v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof IdRef);
const pick = <T>(list: readonly T[], n: number) => list[n % list.length] as T;

/**
 * What one field is turned into: mostly an edge of its own kind (a date at the calendar's
 * edges, a text with a hostile character, a number beyond int4), sometimes anything at all,
 * an unknown key or no value.
 */
const mutation = fc
  .tuple(fc.nat(), fc.nat(9), wild)
  .map(([n, how, anything]) => (old: unknown): unknown => {
    if (how >= 8) return how === 8 ? anything : undefined;
    if (isObject(old)) return { ...old, [pick(unknownKeys, n)]: "x" };
    if (isDay(old)) return pick(edgeDates, n);
    if (isMoment(old)) return pick(edgeDateTimes, n);
    if (old instanceof IdRef) return pick(edgeUuids, n);
    if (typeof old === "number") return pick(edgeNumbers, n);
    if (typeof old === "string")
      return how < 5 ? `${old}${pick(hostileCharacters, n)}` : pick(edgeStrings, n);
    return anything;
  });

/** A value of the schema's shape with one field (or the whole) at an edge. */
export function mutatedArbitrary(arbitrary: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return arbitrary.chain((value) => {
    const paths = leaves(value);
    return fc
      .tuple(fc.constantFrom(...paths), mutation)
      .map(([path, change]) => replaceAt(value, path, change));
  });
}

/** Mostly one field at an edge; sometimes all well-formed; now and then two edges at once. */
export function fuzzedArbitrary(
  raw: JsonSchema,
  components: Components,
  key = "",
): fc.Arbitrary<unknown> {
  const shaped = schemaArbitrary(raw, components, 0, key);
  return fc.oneof(
    { weight: 2, arbitrary: shaped },
    { weight: 6, arbitrary: mutatedArbitrary(shaped) },
    { weight: 1, arbitrary: mutatedArbitrary(mutatedArbitrary(shaped)) },
  );
}

export interface GeneratedRequest {
  pathSegments: Record<string, string | IdRef>;
  query: Record<string, unknown>;
  body: unknown;
}

/** A request for one operation: path parameters (some raw and hostile), query, body. */
export function requestArbitrary(
  op: Operation,
  components: Components,
): fc.Arbitrary<GeneratedRequest> {
  const segment = (name: string) =>
    fc.oneof(
      {
        weight: 6,
        arbitrary: fc.nat().map((n): string | IdRef => new IdRef(n, idKind(name, op.path))),
      },
      { weight: 1, arbitrary: fc.constantFrom(...edgeUuids) },
      { weight: 1, arbitrary: fc.constantFrom(...edgePathSegments) },
    );
  const versionLike = fc.oneof(
    fc.constantFrom("1", "2", "danger_assessment", "screening"),
    fc.constantFrom(...edgePathSegments),
  );
  const pathSegments = fc.record(
    Object.fromEntries(
      op.pathParams.map((p) => [
        p,
        p === "version" || p === "instrumentId" ? versionLike : segment(p),
      ]),
    ),
  );
  const query = fc.record(
    Object.fromEntries(
      Object.entries(op.query).map(([k, s]) => [k, fuzzedArbitrary(s, components, k)]),
    ),
    { requiredKeys: [] },
  );
  const body = op.body ? fuzzedArbitrary(op.body, components) : fc.constant(undefined);
  return fc.record({ pathSegments, query, body }) as fc.Arbitrary<GeneratedRequest>;
}
