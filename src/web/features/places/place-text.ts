import type { PlaceView } from "../../api/endpoints";
import type { useT } from "../../i18n/useT";

/** "Who the place takes" in words, as the register and a place's page show it. */
export function acceptedText(p: PlaceView, t: ReturnType<typeof useT>["t"]): string {
  const parts: string[] = [];
  if (p.acceptsWomen) parts.push(t("places.accept.women"));
  if (p.acceptsMen) parts.push(t("places.accept.men"));
  if (p.acceptsNonBinary) parts.push(t("places.accept.nonBinary"));
  if (p.acceptsChildren) parts.push(t("places.accept.children"));
  if (p.acceptsChildren && p.boysAgeLimit !== null)
    parts.push(t("places.accept.boysLimit", { age: p.boysAgeLimit }));
  if (p.acceptsPets) parts.push(t("places.accept.pets"));
  if (p.acceptsSubstanceUse) parts.push(t("places.accept.substanceUse"));
  if (p.wheelchairAccess) parts.push(t("places.accept.wheelchair"));
  return parts.join(", ");
}

/** Kronor as the language writes them (1 450,50 in Swedish), whole kronor without decimals. */
export function kronorText(amount: number, lang: string): string {
  return new Intl.NumberFormat(lang === "sv" ? "sv-SE" : "en-GB", {
    minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(amount);
}
