import { z } from "zod";
import { hasAtMostTwoDecimals } from "../stay-costs.ts";
import { fieldRule, int4, int4Param, isoDate, multiline } from "./fields.ts";

/**
 * Places (issue 16): the register of emergency flats and shelters, the vacancy board, and a
 * case's holds and enquiries. A place's address is never part of these views: it has its
 * own route (`PlaceAddress`), readable by few and audited at every reading.
 */
export const PlaceKind = z.enum(["emergency_flat", "sheltered_housing", "other_housing"]);
export type PlaceKind = z.infer<typeof PlaceKind>;
export const OperatorKind = z.enum([
  "own",
  "voluntary_shelter",
  "other_municipality",
  "private_operator",
]);
export type OperatorKind = z.infer<typeof OperatorKind>;

/** Kronor with at most two decimals (stored as öre: the server converts at the edge). */
export const kronor = () =>
  z
    .number()
    .min(0)
    .max(100_000)
    .refine(hasAtMostTwoDecimals, { message: "Ange kronor med högst två decimaler." });

const name = z.string().trim().min(1).max(200);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((v) => (v === "" ? null : v));

export const PlaceBody = z
  .object({
    name,
    kind: PlaceKind,
    unitId: z.uuid().meta({ description: "The unit that administers the place and pays for it" }),
    shelterUnitId: z
      .uuid()
      .nullable()
      .default(null)
      .meta({ description: "A shelter unit of the organisation that runs the place" }),
    operatorKind: OperatorKind,
    operatorName: name,
    ivoPermitNumber: optionalText(100).default(null),
    ivoPermitExpiresOn: isoDate().nullable().default(null),
    places: int4().min(1).max(500).meta({ description: "Capacity in persons" }),
    rooms: int4().min(1).max(500).nullable().default(null),
    acceptsWomen: z.boolean(),
    acceptsMen: z.boolean(),
    acceptsNonBinary: z.boolean(),
    acceptsChildren: z.boolean(),
    boysAgeLimit: int4()
      .min(0)
      .max(25)
      .nullable()
      .default(null)
      .meta({ description: "Boys older than this are not taken (null: no limit)" }),
    acceptsPets: z.boolean(),
    acceptsSubstanceUse: z.boolean(),
    wheelchairAccess: z.boolean(),
    accessibilityNotes: multiline(z.string().trim().max(2000)).nullable().default(null),
    staffLanguages: z.array(z.string().trim().min(1).max(50)).max(30).default([]),
    priceAdult: kronor().meta({ description: "Price per day for an adult, in kronor" }),
    priceChild: kronor().meta({ description: "Price per day for a child, in kronor" }),
    holdHours: int4().min(1).max(168).default(24),
  })
  .strict()
  .check(
    fieldRule(
      "permitExpiryWithoutNumber",
      "ivoPermitNumber",
      (b) =>
        b.ivoPermitExpiresOn == null ||
        (typeof b.ivoPermitNumber === "string" && b.ivoPermitNumber.trim() !== ""),
    ),
  )
  .meta({ id: "PlaceBody" });
export type PlaceBody = z.input<typeof PlaceBody>;

export const UpdatePlaceBody = z
  .object({
    ...PlaceBody.shape,
    version: int4()
      .min(1)
      .meta({ description: "The version the change was made from; a stale one answers 409" }),
  })
  .strict()
  .meta({ id: "UpdatePlaceBody" });

export const ClosePlaceBody = z
  .object({ closedOn: isoDate() })
  .strict()
  .meta({ id: "ClosePlaceBody" });

export const PlaceContactBody = z
  .object({
    name,
    role: optionalText(200).default(null),
    phone: optionalText(50).default(null),
    email: z.email().max(254).nullable().default(null),
  })
  .strict()
  .meta({ id: "PlaceContactBody" });

export const PlaceContact = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

/** "expired": the permit has run out; "expires_soon": within 60 days. */
export const IvoWarning = z.enum(["expired", "expires_soon"]).nullable();
export type IvoWarning = z.infer<typeof IvoWarning>;

export const PlaceView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: PlaceKind,
    unitId: z.uuid(),
    unitName: z.string(),
    shelterUnitId: z.uuid().nullable(),
    operatorKind: OperatorKind,
    operatorName: z.string(),
    ivoPermitNumber: z.string().nullable(),
    ivoPermitExpiresOn: z.string().nullable(),
    ivoWarning: IvoWarning,
    places: z.number().int(),
    rooms: z.number().int().nullable(),
    acceptsWomen: z.boolean(),
    acceptsMen: z.boolean(),
    acceptsNonBinary: z.boolean(),
    acceptsChildren: z.boolean(),
    boysAgeLimit: z.number().int().nullable(),
    acceptsPets: z.boolean(),
    acceptsSubstanceUse: z.boolean(),
    wheelchairAccess: z.boolean(),
    accessibilityNotes: z.string().nullable(),
    staffLanguages: z.array(z.string()),
    priceAdult: z.number(),
    priceChild: z.number(),
    holdHours: z.number().int(),
    closedOn: z.string().nullable(),
    version: z.number().int(),
    contacts: z.array(PlaceContact),
    /** The caller may change the place (administers its unit). */
    mayAdminister: z.boolean(),
    /** The caller may read the address (its own route, audited). */
    mayReadAddress: z.boolean(),
  })
  .meta({ id: "Place" });
export type PlaceView = z.infer<typeof PlaceView>;

export const PlaceList = z
  .object({
    places: z.array(PlaceView),
    /** The units the caller may register a place for (empty: the form is not shown). */
    administeredUnits: z.array(z.object({ id: z.uuid(), name: z.string() })),
    /** The organisation's shelter units a place may be run by (only for those who administer). */
    shelterUnits: z.array(z.object({ id: z.uuid(), name: z.string() })),
  })
  .meta({ id: "PlaceList" });
export type PlaceList = z.infer<typeof PlaceList>;

export const PlaceAddressBody = z
  .object({
    street: z.string().trim().min(1).max(200),
    postalCode: z
      .string()
      .trim()
      .regex(/^[0-9]{3} ?[0-9]{2}$/, { message: "Ange postnumret som fem siffror, t.ex. 123 45." }),
    city: z.string().trim().min(1).max(100),
    directions: multiline(z.string().trim().max(2000)).nullable().default(null),
  })
  .strict()
  .meta({ id: "PlaceAddressBody" });

export const PlaceAddress = z
  .object({
    placeId: z.uuid(),
    address: z
      .object({
        street: z.string(),
        postalCode: z.string(),
        city: z.string(),
        directions: z.string().nullable(),
        updatedAt: z.string(),
      })
      .nullable()
      .meta({ description: "null: no address recorded yet" }),
  })
  .meta({ id: "PlaceAddress" });
export type PlaceAddress = z.infer<typeof PlaceAddress>;

export const PlaceParams = z.object({ placeId: z.uuid() });
export const PlaceContactParams = z.object({ placeId: z.uuid(), contactId: z.uuid() });

const flag = () =>
  z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true");

/** The household asked for on the vacancy board; every filter is optional. */
export const VacancyQuery = z
  .object({
    day: isoDate().optional().meta({ description: "Default: today (Swedish time)" }),
    persons: int4Param().min(1).max(20).optional(),
    women: int4Param().min(0).max(20).optional(),
    men: int4Param().min(0).max(20).optional(),
    nonBinary: int4Param().min(0).max(20).optional(),
    children: int4Param().min(0).max(20).optional(),
    boysAges: z
      .string()
      .regex(/^\d{1,2}(,\d{1,2}){0,19}$/, {
        message: "Ange pojkarnas åldrar som tal åtskilda med komma, t.ex. 4,12.",
      })
      .optional()
      .meta({ description: "Ages of the boys, comma separated" }),
    pets: flag(),
    substanceUse: flag(),
    wheelchair: flag(),
    language: z.string().trim().min(1).max(50).optional(),
  })
  .strict();
export type VacancyQuery = z.input<typeof VacancyQuery>;

export const Vacancy = z
  .object({
    placeId: z.uuid(),
    name: z.string(),
    kind: PlaceKind,
    operatorKind: OperatorKind,
    operatorName: z.string(),
    places: z.number().int(),
    occupied: z.number().int().meta({ description: "Persons in ongoing stays on the day" }),
    held: z.number().int().meta({ description: "Persons held by live holds" }),
    free: z.number().int(),
    full: z.boolean(),
    isHeld: z.boolean(),
    takesHousehold: z.boolean(),
    /** Why the place does not take the asked-for household (codes for the page's text). */
    mismatches: z.array(z.string()),
    ivoWarning: IvoWarning,
    holdHours: z.number().int(),
  })
  .meta({ id: "Vacancy" });
export type Vacancy = z.infer<typeof Vacancy>;
export const VacancyList = z
  .object({ day: z.string(), vacancies: z.array(Vacancy) })
  .meta({ id: "VacancyList" });
export type VacancyList = z.infer<typeof VacancyList>;

export const HoldBody = z
  .object({ placeId: z.uuid(), persons: int4().min(1).max(20) })
  .strict()
  .meta({ id: "HoldBody" });

export const HoldState = z.enum(["live", "expired", "released", "stay"]);
export const HoldView = z
  .object({
    id: z.uuid(),
    placeId: z.uuid(),
    placeName: z.string(),
    persons: z.number().int(),
    heldBy: z.string(),
    heldAt: z.string(),
    expiresAt: z.string(),
    state: HoldState,
  })
  .meta({ id: "Hold" });
export type HoldView = z.infer<typeof HoldView>;
export const HoldList = z.object({ holds: z.array(HoldView) }).meta({ id: "HoldList" });
export const HoldParams = z.object({ holdId: z.uuid() });

export const EnquiryOutcome = z.enum(["placed", "no_space", "declined_by_person", "not_suitable"]);
export type EnquiryOutcome = z.infer<typeof EnquiryOutcome>;
export const EnquiryBody = HoldBody.meta({ id: "EnquiryBody" });
export const EnquiryAnswerBody = z
  .object({
    outcome: EnquiryOutcome,
    reason: multiline(z.string().trim().max(2000)).nullable().default(null),
  })
  .strict()
  .check(
    fieldRule(
      "reasonRequired",
      "reason",
      (b) =>
        !(b.outcome === "declined_by_person" || b.outcome === "not_suitable") ||
        (typeof b.reason === "string" && b.reason.trim() !== ""),
    ),
  )
  .meta({ id: "EnquiryAnswerBody" });
export const EnquiryView = z
  .object({
    id: z.uuid(),
    placeId: z.uuid(),
    placeName: z.string(),
    operatorName: z.string(),
    persons: z.number().int(),
    askedBy: z.string(),
    askedAt: z.string(),
    outcome: EnquiryOutcome.nullable(),
    reason: z.string().nullable(),
    answeredAt: z.string().nullable(),
  })
  .meta({ id: "Enquiry" });
export type EnquiryView = z.infer<typeof EnquiryView>;
export const EnquiryList = z
  .object({ enquiries: z.array(EnquiryView) })
  .meta({ id: "EnquiryList" });
export const EnquiryParams = z.object({ enquiryId: z.uuid() });
export const CaseParams = z.object({ caseId: z.uuid() });
