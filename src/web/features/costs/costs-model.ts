import type { PlainMessageKey } from "../../i18n/messages";
import type { InvoiceBody } from "./api";

/**
 * The costs screens' rules without React: a month as the API takes it, an amount as a person
 * types it (Swedish decimal comma, spaces between thousands), and an invoice form's draft
 * checked before it is sent (the server checks the same again).
 */

export const monthPattern = /^(19|2\d)\d{2}-(0[1-9]|1[0-2])$/;

/** The month of a day, YYYY-MM. */
export const monthOf = (day: Date) =>
  `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, "0")}`;

/** "14 505,50", "14505.5", "1450" → kronor; null when it is not an amount with ≤ 2 decimals. */
export function parseKronor(text: string): number | null {
  const plain = text.replace(/[\s\u00a0]/g, "").replace(",", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(plain)) return null;
  return Number(plain);
}

export interface InvoiceDraft {
  operatorName: string;
  reference: string;
  periodFrom: string;
  periodTo: string;
  amount: string;
}

export const emptyInvoiceDraft: InvoiceDraft = {
  operatorName: "",
  reference: "",
  periodFrom: "",
  periodTo: "",
  amount: "",
};

export const invoiceFields = ["operatorName", "reference", "periodFrom", "periodTo", "amount"];

export function checkInvoice(
  draft: InvoiceDraft,
): { ok: true; body: InvoiceBody } | { ok: false; fields: Record<string, PlainMessageKey> } {
  const fields: Record<string, PlainMessageKey> = {};
  const amount = parseKronor(draft.amount);
  if (amount === null) fields.amount = "costs.errorAmount";
  if (!draft.periodFrom) fields.periodFrom = "costs.errorPeriodFrom";
  if (!draft.periodTo) fields.periodTo = "costs.errorPeriodTo";
  if (Object.keys(fields).length > 0 || amount === null) return { ok: false, fields };
  const body: InvoiceBody = { periodFrom: draft.periodFrom, periodTo: draft.periodTo, amount };
  if (draft.operatorName.trim()) body.operatorName = draft.operatorName.trim();
  if (draft.reference.trim()) body.reference = draft.reference.trim();
  return { ok: true, body };
}

/** Kronor as a Swedish (or English) reader expects them, always two decimals. */
export function formatKronor(kronor: number, lang: "sv" | "en"): string {
  const text = kronor.toLocaleString(lang === "sv" ? "sv-SE" : "en-GB", {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return `${text} kr`;
}
