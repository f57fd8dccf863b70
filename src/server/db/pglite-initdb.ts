import { PGlite } from "@electric-sql/pglite";
import { durablePgliteOptions } from "./pglite-durable.ts";

/**
 * The child process that makes the empty embedded database (pglite-template.ts): initdb
 * into the folder given as its one argument, with the same file layer the server uses.
 * A process of its own, because initdb's memory is never given back.
 */
const dir = process.argv[2];
if (!dir) throw new Error("usage: pglite-initdb <folder>");
const pglite = await PGlite.create(dir, durablePgliteOptions(dir));
await pglite.close();
