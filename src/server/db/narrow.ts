import type { ColumnType } from "kysely";

/**
 * How db/types.ts narrows the generated table shapes: a text column to its domain union, a
 * JSON column to the shape the code writes. Shared by the files that narrow tables.
 */

/** Column `C` with value `V` in place of its text: null, default and writability stay as generated. */
export type As<C, V> =
  C extends ColumnType<infer S, infer I, infer U>
    ? ColumnType<Swap<S, V>, Swap<I, V>, Swap<U, V>>
    : Swap<C, V>;
type Swap<T, V> = T extends null | undefined ? T : V;

/** Names only keys of `T`: a column or table renamed in a migration stops the build here. */
export type KeysOf<T, N> = { [K in keyof N]: K extends keyof T ? unknown : never };

/** Table `T` with the named columns narrowed to the given values. */
export type Narrow<T, N extends KeysOf<T, N>> = {
  [K in keyof T]: K extends keyof N ? As<T[K], N[K]> : T[K];
};

/** `T` with the named members replaced whole (JSON columns, tables). */
export type Replace<T, R extends KeysOf<T, R>> = {
  [K in keyof T]: K extends keyof R ? R[K] : T[K];
};

/** A JSON column read as `Read`; written as JSON text (`JSON.stringify`), as the code does. */
export type JsonColumn<Read, Write = string> = ColumnType<Read, Write, Write>;
