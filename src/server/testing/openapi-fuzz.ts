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

/** An id chosen when the request is sent: from the ids the run has seen so far. */
export class IdRef {
  constructor(readonly index: number) {}
  toString() {
    return `IdRef(${this.index})`;
  }
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

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.format === "uuid")
    return fc.oneof(
      { weight: 6, arbitrary: fc.nat().map((n) => new IdRef(n)) },
      { weight: 1, arbitrary: fc.constantFrom(...edgeUuids) },
    );
  if (schema.format === "date") return fc.constantFrom(...edgeDates);
  if (schema.format === "date-time") return fc.constantFrom(...edgeDateTimes);
  if (schema.format === "email") return fc.constantFrom("enhet@exempel.se", "a@b", "@");
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 200;
  const shaped = schema.pattern
    ? fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= max)
    : fc.string({ minLength: min, maxLength: Math.max(min, Math.min(max, 30)) });
  return fc.oneof(
    { weight: 5, arbitrary: shaped },
    { weight: 1, arbitrary: fc.constantFrom("x".repeat(max), "x".repeat(max + 1)) },
    { weight: 2, arbitrary: fc.constantFrom(...edgeStrings) },
  );
}

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<unknown> {
  const min = schema.minimum ?? -5;
  const max = schema.maximum ?? 100;
  const near = [min - 1, min, max, max + 1];
  const inRange = integer
    ? fc.integer({ min: Math.max(min, -1000), max: Math.min(max, 1000) })
    : fc.double({ min: Math.max(min, -1000), max: Math.min(max, 1000), noNaN: true });
  return fc.oneof(
    { weight: 4, arbitrary: inRange },
    { weight: 2, arbitrary: fc.constantFrom(...near, ...edgeNumbers) },
  );
}

function objectArbitrary(schema: JsonSchema, components: Components, depth: number) {
  const properties = schema.properties ?? {};
  const record = fc.record(
    Object.fromEntries(
      Object.entries(properties).map(([key, s]) => [
        key,
        schemaArbitrary(s, components, depth + 1),
      ]),
    ),
    { requiredKeys: (schema.required ?? []).filter((k) => k in properties) },
  );
  const extra =
    typeof schema.additionalProperties === "object" ? schema.additionalProperties : null;
  const shaped = extra
    ? fc
        .tuple(
          record,
          fc.dictionary(
            schema.propertyNames
              ? (schemaArbitrary(
                  schema.propertyNames,
                  components,
                  depth + 1,
                ) as fc.Arbitrary<string>)
              : fc.string({ maxLength: 20 }),
            schemaArbitrary(extra, components, depth + 1),
            { maxKeys: 3 },
          ),
        )
        .map(([a, b]) => ({ ...b, ...a }))
    : record;
  const unknownKey = fc.constantFrom(
    "shoeSize",
    "constructor",
    "toString",
    "a\u0000b",
    "k".repeat(300),
  );
  return fc.oneof(
    { weight: 6, arbitrary: shaped },
    {
      weight: 1,
      arbitrary: fc.tuple(shaped, unknownKey, wild).map(([o, k, v]) => ({ ...o, [k]: v })),
    },
  );
}

/** Values for `schema`: mostly of its shape, sometimes anything at all. */
export function schemaArbitrary(
  raw: JsonSchema,
  components: Components,
  depth = 0,
): fc.Arbitrary<unknown> {
  const schema = resolve(raw, components);
  if (depth > 6) return wild;
  const options: fc.Arbitrary<unknown>[] = [];
  if (schema.enum) options.push(fc.constantFrom(...schema.enum));
  if ("const" in schema) options.push(fc.constant(schema.const));
  for (const sub of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])])
    options.push(schemaArbitrary(sub, components, depth + 1));
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  for (const type of types) {
    if (type === "string" && !schema.enum) options.push(stringArbitrary(schema));
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
  if (options.length === 0) return wild;
  return fc.oneof({ weight: 9, arbitrary: fc.oneof(...options) }, { weight: 1, arbitrary: wild });
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
  const segment = fc.oneof(
    { weight: 5, arbitrary: fc.nat().map((n): string | IdRef => new IdRef(n)) },
    { weight: 1, arbitrary: fc.constantFrom(...edgeUuids) },
    { weight: 2, arbitrary: fc.constantFrom(...edgePathSegments) },
  );
  const versionLike = fc.oneof(
    fc.constantFrom("1", "2", "danger_assessment", "screening"),
    fc.constantFrom(...edgePathSegments),
  );
  const pathSegments = fc.record(
    Object.fromEntries(
      op.pathParams.map((p) => [
        p,
        p === "version" || p === "instrumentId" ? versionLike : segment,
      ]),
    ),
  );
  const query = fc.record(
    Object.fromEntries(
      Object.entries(op.query).map(([k, s]) => [k, schemaArbitrary(s, components)]),
    ),
    { requiredKeys: [] },
  );
  const body = op.body ? schemaArbitrary(op.body, components) : fc.constant(undefined);
  return fc.record({ pathSegments, query, body }) as fc.Arbitrary<GeneratedRequest>;
}
