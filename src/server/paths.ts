import { fileURLToPath } from "node:url";

/** The project's root folder, wherever the process was started from. */
export const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
export const webBuildDir = fileURLToPath(new URL("../../dist/web/", import.meta.url));
