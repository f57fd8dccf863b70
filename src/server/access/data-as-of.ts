import { AsyncLocalStorage } from "node:async_hooks";
import type { FastifyInstance } from "fastify";
import { AppError } from "../http/errors.ts";

/**
 * Every answer built from reporting reads (withReporting) says how fresh they were, in one
 * header (ADR 0026): `primary` when they were read from the primary, else the time (ISO 8601,
 * UTC) of the last transaction the streaming replica had replayed. A statistics response's
 * own schema stays as it is; a PDF or XLSX download carries it too.
 */
export const dataAsOfHeader = "x-frid-data-as-of";

interface Freshness {
  asOf: string | null;
}

const storage = new AsyncLocalStorage<Freshness>();

/**
 * withReporting notes how fresh its read was; of several reads in one request the oldest is
 * what the answer says. Outside a request (scripts, benchmarks) nothing is kept.
 */
export function noteDataAsOf(asOf: string): void {
  const store = storage.getStore();
  if (!store) return;
  const older = store.asOf === null || (asOf !== "primary" && asOf < store.asOf);
  if (older) store.asOf = asOf;
}

/**
 * How fresh this request's reporting reads were so far: the replica's last replayed
 * transaction (ISO), or null when they came from the primary (or nothing was read). For an
 * answer that says it in its own body too, e.g. the committee's report printed on paper.
 */
export function currentReplicaAsOf(): string | null {
  const asOf = storage.getStore()?.asOf ?? null;
  return asOf === "primary" ? null : asOf;
}

/** A report refused because the replica cannot give current figures: 503, try again. */
export class ReplicaUnavailableError extends AppError {
  constructor(
    message: string,
    /** For the operator's log: why, in English. */
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(503, "unavailable", message, {}, { "retry-after": "60" });
    if (options?.cause) this.cause = options.cause;
  }
}

const stillWrong = "Försök igen om en stund, och kontakta systemförvaltaren om felet består.";

export const replicaDownMessage = `Statistiken kan inte tas fram just nu: databaskopian som statistik läses från svarar inte. ${stillWrong}`;

export const replicaConflictMessage = `Statistiken kunde inte tas fram: databaskopian som statistik läses från uppdaterades under tiden. ${stillWrong}`;

export const replicaNotFollowingMessage =
  "Statistiken kan inte tas fram just nu: databaskopian som statistik läses från följer inte huvuddatabasen. Kontakta systemförvaltaren.";

const duration = (seconds: number) =>
  seconds % 60 === 0 && seconds > 0 ? `${seconds / 60} minuter` : `${seconds} sekunder`;

export const replicaBehindMessage = (maxLagSeconds: number) =>
  `Statistiken kan inte tas fram just nu: databaskopian som statistik läses från ligger mer än ${duration(maxLagSeconds)} efter, så siffrorna vore inte aktuella. ${stillWrong}`;

const stores = new WeakMap<object, Freshness>();

/**
 * The store lives from the handler on (preHandler: after the body is read, whose stream
 * events would otherwise lose it) and the header is set as the answer leaves. A refused
 * report is logged for the operator: the user's answer says only "try again".
 */
export function registerDataAsOf(app: FastifyInstance): void {
  app.addHook("preHandler", (request, _reply, done) => {
    const store: Freshness = { asOf: null };
    stores.set(request, store);
    storage.run(store, done);
  });
  app.addHook("onSend", async (request, reply, payload) => {
    const asOf = stores.get(request)?.asOf;
    if (asOf) reply.header(dataAsOfHeader, asOf);
    return payload;
  });
  app.addHook("onError", async (request, _reply, error) => {
    if (!(error instanceof ReplicaUnavailableError)) return;
    request.log.warn({ reason: error.reason, err: error.cause }, "report refused: replica");
  });
}
