import { en } from "./en";
import type { Language, Messages } from "./messages";
import { sv } from "./sv";

export const catalogues: Readonly<Record<Language, Messages>> = { sv, en };
