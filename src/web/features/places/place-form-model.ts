import type { OperatorKind, PlaceBody, PlaceKind, PlaceView } from "../../../shared/api/places";
import type { PlainMessageKey } from "../../i18n/messages";

/*
 * The register form (Ny plats, Ändra): the draft as the fields hold it (text for numbers, so
 * a half-typed price is kept as typed) and the check that turns it into the API's body.
 * Only what the server cannot tell apart from a wrong value is checked here (an empty or
 * unreadable number); every rule of the register is the server's, shown at its field.
 */
export const placeKinds: readonly PlaceKind[] = [
  "emergency_flat",
  "sheltered_housing",
  "other_housing",
];
export const operatorKinds: readonly OperatorKind[] = [
  "own",
  "voluntary_shelter",
  "other_municipality",
  "private_operator",
];

/** The yes/no questions of "who is accepted", in the order the form asks them. */
export const acceptFlags = [
  "acceptsWomen",
  "acceptsMen",
  "acceptsNonBinary",
  "acceptsChildren",
  "acceptsPets",
  "acceptsSubstanceUse",
  "wheelchairAccess",
] as const;
type AcceptFlag = (typeof acceptFlags)[number];

export type PlaceDraft = Record<AcceptFlag, boolean> & {
  name: string;
  kind: PlaceKind | "";
  unitId: string;
  shelterUnitId: string;
  operatorKind: OperatorKind | "";
  operatorName: string;
  ivoPermitNumber: string;
  ivoPermitExpiresOn: string;
  places: string;
  rooms: string;
  boysAgeLimit: string;
  accessibilityNotes: string;
  staffLanguages: string;
  priceAdult: string;
  priceChild: string;
  holdHours: string;
};

/** Every field the server may name in a 400, so its message is shown at the field. */
export const placeFields = [
  "name",
  "kind",
  "unitId",
  "shelterUnitId",
  "operatorKind",
  "operatorName",
  "ivoPermitNumber",
  "ivoPermitExpiresOn",
  "places",
  "rooms",
  ...acceptFlags,
  "boysAgeLimit",
  "accessibilityNotes",
  "staffLanguages",
  "priceAdult",
  "priceChild",
  "holdHours",
] as const;

export function emptyPlaceDraft(unitId: string): PlaceDraft {
  return {
    name: "",
    kind: "",
    unitId,
    shelterUnitId: "",
    operatorKind: "",
    operatorName: "",
    ivoPermitNumber: "",
    ivoPermitExpiresOn: "",
    places: "",
    rooms: "",
    acceptsWomen: true,
    acceptsMen: false,
    acceptsNonBinary: false,
    acceptsChildren: true,
    boysAgeLimit: "",
    acceptsPets: false,
    acceptsSubstanceUse: false,
    wheelchairAccess: false,
    accessibilityNotes: "",
    staffLanguages: "",
    priceAdult: "",
    priceChild: "",
    holdHours: "24",
  };
}

const text = (n: number | null) => (n === null ? "" : String(n));
/** Kronor as a Swede writes them: a decimal comma. */
const kronorText = (n: number) =>
  Number.isInteger(n) ? String(n) : n.toFixed(2).replace(".", ",");

export function placeDraftOf(p: PlaceView): PlaceDraft {
  return {
    name: p.name,
    kind: p.kind,
    unitId: p.unitId,
    shelterUnitId: p.shelterUnitId ?? "",
    operatorKind: p.operatorKind,
    operatorName: p.operatorName,
    ivoPermitNumber: p.ivoPermitNumber ?? "",
    ivoPermitExpiresOn: p.ivoPermitExpiresOn ?? "",
    places: text(p.places),
    rooms: text(p.rooms),
    acceptsWomen: p.acceptsWomen,
    acceptsMen: p.acceptsMen,
    acceptsNonBinary: p.acceptsNonBinary,
    acceptsChildren: p.acceptsChildren,
    boysAgeLimit: text(p.boysAgeLimit),
    acceptsPets: p.acceptsPets,
    acceptsSubstanceUse: p.acceptsSubstanceUse,
    wheelchairAccess: p.wheelchairAccess,
    accessibilityNotes: p.accessibilityNotes ?? "",
    staffLanguages: p.staffLanguages.join(", "),
    priceAdult: kronorText(p.priceAdult),
    priceChild: kronorText(p.priceChild),
    holdHours: String(p.holdHours),
  };
}

type Fields = Partial<Record<string, PlainMessageKey>>;
export type PlaceCheck = { ok: true; body: PlaceBody } | { ok: false; fields: Fields };

/** A whole number, a decimal number (comma or point), or null for an empty field. */
function numberOf(value: string, decimals: boolean): number | null | "bad" {
  const trimmed = value.trim().replace(/\s/g, "").replace(",", ".");
  if (trimmed === "") return null;
  const pattern = decimals ? /^\d+(\.\d+)?$/ : /^\d+$/;
  return pattern.test(trimmed) ? Number(trimmed) : "bad";
}

export function checkPlaceDraft(draft: PlaceDraft): PlaceCheck {
  const fields: Fields = {};
  const required = (name: keyof PlaceDraft, decimals: boolean) => {
    const n = numberOf(String(draft[name]), decimals);
    if (n === null) fields[name] = "placeForm.required";
    else if (n === "bad")
      fields[name] = decimals ? "placeForm.notKronor" : "placeForm.notWholeNumber";
    return typeof n === "number" ? n : 0;
  };
  const optional = (name: keyof PlaceDraft) => {
    const n = numberOf(String(draft[name]), false);
    if (n === "bad") fields[name] = "placeForm.notWholeNumber";
    return typeof n === "number" ? n : null;
  };
  if (draft.name.trim() === "") fields.name = "placeForm.required";
  if (draft.operatorName.trim() === "") fields.operatorName = "placeForm.required";
  if (draft.kind === "") fields.kind = "placeForm.chooseKind";
  if (draft.operatorKind === "") fields.operatorKind = "placeForm.chooseOperator";
  if (draft.unitId === "") fields.unitId = "placeForm.chooseUnit";
  const places = required("places", false);
  const priceAdult = required("priceAdult", true);
  const priceChild = required("priceChild", true);
  const holdHours = required("holdHours", false);
  const rooms = optional("rooms");
  const boysAgeLimit = optional("boysAgeLimit");
  if (Object.keys(fields).length > 0 || draft.kind === "" || draft.operatorKind === "")
    return { ok: false, fields };
  return {
    ok: true,
    body: {
      name: draft.name,
      kind: draft.kind,
      unitId: draft.unitId,
      shelterUnitId: draft.shelterUnitId === "" ? null : draft.shelterUnitId,
      operatorKind: draft.operatorKind,
      operatorName: draft.operatorName,
      ivoPermitNumber: draft.ivoPermitNumber,
      ivoPermitExpiresOn: draft.ivoPermitExpiresOn === "" ? null : draft.ivoPermitExpiresOn,
      places,
      rooms,
      acceptsWomen: draft.acceptsWomen,
      acceptsMen: draft.acceptsMen,
      acceptsNonBinary: draft.acceptsNonBinary,
      acceptsChildren: draft.acceptsChildren,
      boysAgeLimit: draft.acceptsChildren ? boysAgeLimit : null,
      acceptsPets: draft.acceptsPets,
      acceptsSubstanceUse: draft.acceptsSubstanceUse,
      wheelchairAccess: draft.wheelchairAccess,
      accessibilityNotes: draft.accessibilityNotes.trim() === "" ? null : draft.accessibilityNotes,
      staffLanguages: draft.staffLanguages
        .split(",")
        .map((l) => l.trim())
        .filter((l) => l !== ""),
      priceAdult,
      priceChild,
      holdHours,
    },
  };
}
