import { z } from "zod";

/** The data of an event that carries nothing beyond its ids (person, case, resource). */
export const none = z.object({}).strict();
