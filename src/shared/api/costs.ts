import { z } from "zod";
import { hasAtMostTwoDecimals } from "../stay-costs.ts";
import { dayNotBefore, isoDate } from "./fields.ts";

/**
 * Costs of stays (issue 16): a stay's cost per month from its places' prices and nights, the
 * invoices recorded against it, and the monthly report per placing unit, place and operator.
 * Amounts are kronor (at most two decimals) here; the database keeps öre.
 */

const kronor = z.number().meta({ description: "Kronor, at most two decimals" });

export const InvoiceInput = z
  .object({
    operatorName: z
      .string()
      .trim()
      .min(1, { message: "Ange utföraren." })
      .max(200, { message: "Utförarens namn får vara högst 200 tecken." })
      .optional()
      .meta({ description: "Defaults to the operator of the stay's place" }),
    reference: z
      .string()
      .trim()
      .max(100, { message: "Fakturanumret får vara högst 100 tecken." })
      .optional(),
    periodFrom: isoDate({ message: "Ange periodens första dag." }),
    periodTo: isoDate({ message: "Ange periodens sista dag." }),
    amount: z
      .number({ message: "Ange beloppet i kronor." })
      .min(0, { message: "Beloppet kan inte vara negativt." })
      .max(1_000_000_000, { message: "Beloppet får vara högst 1 000 000 000 kr." })
      .refine(hasAtMostTwoDecimals, { message: "Ange beloppet med högst två decimaler." }),
  })
  .strict()
  .check(dayNotBefore("periodTo", "periodFrom", "periodEndBeforeStart"));
export type InvoiceInput = z.infer<typeof InvoiceInput>;

export const Invoice = z
  .object({
    id: z.uuid(),
    operatorName: z.string(),
    reference: z.string().nullable(),
    periodFrom: z.string(),
    periodTo: z.string(),
    amount: kronor,
    recordedAt: z.string(),
  })
  .meta({ id: "StayInvoice" });
export type Invoice = z.infer<typeof Invoice>;

export const StayCostMonth = z.object({
  month: z.string().meta({ description: "YYYY-MM" }),
  adultNights: z.number().int(),
  childNights: z.number().int(),
  computed: kronor,
  invoiced: kronor,
  difference: kronor.meta({ description: "invoiced − computed" }),
});

export const StayCosts = z
  .object({
    stayId: z.uuid(),
    until: z
      .string()
      .meta({ description: "Ongoing nights are counted up to (not including) this day" }),
    months: z.array(StayCostMonth),
    totals: z.object({ computed: kronor, invoiced: kronor, difference: kronor }),
    invoices: z.array(Invoice),
    defaultOperatorName: z.string().nullable(),
  })
  .meta({ id: "StayCosts" });
export type StayCosts = z.infer<typeof StayCosts>;

export const month = () =>
  z
    .string({ message: "Ange månaden som ÅÅÅÅ-MM." })
    .regex(/^(19|2\d)\d{2}-(0[1-9]|1[0-2])$/, { message: "Ange månaden som ÅÅÅÅ-MM." });

export const CostReportQuery = z.object({ month: month(), unitId: z.uuid().optional() }).strict();
export type CostReportQuery = z.infer<typeof CostReportQuery>;

const figures = {
  adultNights: z.number().int(),
  childNights: z.number().int(),
  computed: kronor,
  invoiced: kronor,
};

export const CostReport = z
  .object({
    month: z.string(),
    unitId: z.uuid().nullable(),
    stays: z.number().int().meta({ description: "Stays counted (no person is named)" }),
    units: z.array(z.object({ unitId: z.uuid(), unitName: z.string(), ...figures })),
    places: z.array(
      z.object({ placeId: z.uuid(), placeName: z.string(), operatorName: z.string(), ...figures }),
    ),
    operators: z.array(z.object({ operatorName: z.string(), ...figures })),
    totals: z.object(figures),
  })
  .meta({ id: "CostReport" });
export type CostReport = z.infer<typeof CostReport>;
export type CostFigures = CostReport["totals"];
