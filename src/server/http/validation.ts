import type { FastifySchemaCompiler } from "fastify";
import { validatorCompiler as zodValidatorCompiler } from "fastify-type-provider-zod";
import { z } from "zod";
import { allowsLines, textProblem } from "../../shared/api/fields.ts";
import { textMessages } from "../../shared/validation-messages.ts";
import { maxFieldMessages } from "./errors.ts";

type Path = (string | number)[];
interface TextIssue {
  path: Path;
  message: string;
}

/**
 * Parsed JSON or a query string (whose objects may have a prototype of their own); a file's
 * bytes (a Buffer) are not text to walk.
 */
function isWalkable(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !ArrayBuffer.isView(value);
}

/**
 * How deep the walk goes. No schema of the API nests half as deep, so the schema refuses
 * whatever lies below; walking it would only cost time (a path is copied per level, and a
 * body of 40,000 nested objects took minutes).
 */
const maxDepth = 32;

/**
 * Every text in `data` that may not be stored — a key or a value — with its path and a
 * message. A value may have tabs and lines only where `schema` declares the field
 * multi-line. Walked with a queue, not recursion: a deeply nested body cannot overflow the
 * stack.
 */
export function textIssues(schema: z.core.$ZodType, data: unknown): TextIssue[] {
  const issues: TextIssue[] = [];
  const queue: [unknown, Path][] = [[data, []]];
  for (let i = 0; i < queue.length && issues.length < maxFieldMessages; i++) {
    const [value, path] = queue[i] as [unknown, Path];
    const deeper = path.length < maxDepth;
    if (typeof value === "string") {
      const problem = textProblem(value, false);
      if (problem === "control_character" || (problem && !allowsLines(schema, path)))
        issues.push({ path, message: textMessages[problem] });
    } else if (Array.isArray(value) && deeper) {
      for (const [index, item] of value.entries()) queue.push([item, [...path, index]]);
    } else if (isWalkable(value) && deeper) {
      for (const [key, item] of Object.entries(value)) {
        if (textProblem(key, false)) issues.push({ path, message: textMessages.field_name });
        queue.push([item, [...path, key]]);
      }
    }
  }
  return issues.slice(0, maxFieldMessages);
}

/**
 * The app's one validator for bodies, query strings and path parameters: the text rule first
 * (a control character is refused before any schema or SQL sees it), then the route's schema.
 * Both answer as Zod issues, so the error handler words them the same way.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> = (route) => {
  const schema = route.schema;
  const guarded = z
    .unknown()
    .superRefine((value, ctx) => {
      for (const { path, message } of textIssues(schema, value))
        ctx.addIssue({ code: "custom", path, message });
    })
    .pipe(schema);
  return zodValidatorCompiler({ ...route, schema: guarded });
};
