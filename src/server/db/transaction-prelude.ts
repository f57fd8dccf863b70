import { AsyncLocalStorage } from "node:async_hooks";
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  PostgresDialect,
  type TransactionSettings,
} from "kysely";

/**
 * Statements a transaction must run first (access/transaction.ts: the role and the actor,
 * for row-level security), sent to PostgreSQL in the same message as its BEGIN: one round
 * trip fewer for every request, which on two cores is a tenth of an audited read's work
 * (npm run bench:access). node-postgres sends a query without parameters as one simple-
 * protocol message, which may hold several statements; so the prelude carries no
 * parameters, and whoever sets it must quote its values (preludeLiteral). The embedded
 * database keeps its own dialect and sends the prelude as a query of its own.
 */
export interface Prelude {
  statement: string;
  /** Set once the prelude went with a BEGIN; a nested or later BEGIN goes without it. */
  applied: boolean;
}

export const transactionPrelude = new AsyncLocalStorage<Prelude>();

/** Only values that cannot close a quote: a UUID, a role name. Anything else goes as a parameter. */
export const preludeLiteral = (value: string): string | null =>
  /^[0-9A-Za-z_-]*$/.test(value) ? `'${value}'` : null;

class PreludeDriver implements Driver {
  constructor(private readonly inner: Driver) {}
  init() {
    return this.inner.init();
  }
  acquireConnection() {
    return this.inner.acquireConnection();
  }
  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    const prelude = transactionPrelude.getStore();
    if (!prelude || prelude.applied || settings.isolationLevel || settings.accessMode) {
      return this.inner.beginTransaction(connection, settings);
    }
    try {
      await connection.executeQuery(CompiledQuery.raw(`begin; ${prelude.statement}`));
    } catch (error) {
      // Kysely rolls back only a transaction that began: never hand the pool back a
      // connection inside a failed one.
      await connection.executeQuery(CompiledQuery.raw("rollback")).catch(() => {});
      throw error;
    }
    prelude.applied = true;
  }
  commitTransaction(connection: DatabaseConnection) {
    return this.inner.commitTransaction(connection);
  }
  rollbackTransaction(connection: DatabaseConnection) {
    return this.inner.rollbackTransaction(connection);
  }
  releaseConnection(connection: DatabaseConnection) {
    return this.inner.releaseConnection(connection);
  }
  destroy() {
    return this.inner.destroy();
  }
}

/** PostgreSQL's dialect, with the prelude sent along with BEGIN. */
export class PreludePostgresDialect extends PostgresDialect {
  override createDriver(): Driver {
    return new PreludeDriver(super.createDriver());
  }
}
