import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Config } from "../config.ts";
import type { DatabaseHandle } from "../db/connection.ts";

/** What every module's routes are given: the app's settings and its database. */
export interface AppContext {
  config: Config;
  database: DatabaseHandle;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** A module's routes: a function that adds them to the app. */
export type RouteModule = (app: App, context: AppContext) => void | Promise<void>;
