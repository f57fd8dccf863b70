import { z } from "zod";
import { holidays } from "../working-hours.ts";

/** Why a counted day is not a weekday: a named holiday or eve, else the weekend day. */
export const DayOff = z.enum(["saturday", "sunday", ...holidays]).meta({ id: "DayOff" });

/**
 * A statutory time limit's last day under lag (1930:173) 2 §: a last day on a Saturday,
 * Sunday, public holiday, midsommarafton, julafton or nyårsafton moves to the next weekday.
 */
export const StatutoryLastDay = z
  .object({
    counted: z.iso.date().meta({ description: "The day the time limit counts to (YYYY-MM-DD)" }),
    last: z.iso.date().meta({
      description: "The last day the act may be done: the counted day or the next weekday",
    }),
    movedBecause: DayOff.nullable().meta({
      description: "What the counted day is when the last day moved; null when it did not",
    }),
  })
  .meta({ id: "StatutoryLastDay" });
export type StatutoryLastDay = z.infer<typeof StatutoryLastDay>;
