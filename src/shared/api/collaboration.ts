/**
 * The codes collaboration's records share (issue 18; migration 0063): the kinds of agency in
 * the directory, who gives a consent to share, how and on which ground information is
 * disclosed, what a disclosure was made for, and the police-reported incidents a risk
 * conference's escalation counts. The database checks the same lists; db/types.ts narrows the
 * columns to them. Each part's own request and answer schemas live in files of their own.
 */

export const agencyKinds = [
  "police",
  "health_centre",
  "psychiatry",
  "hospital",
  "region",
  "school",
  "preschool",
  "barnahus",
  "tax_agency",
  "migration_agency",
  "prison_probation",
  "social_insurance",
  "voluntary_shelter",
  "municipality",
  "court",
  "other",
] as const;
export type AgencyKind = (typeof agencyKinds)[number];

/** Who gives a consent to share: the person, or (for a child) each custodian. */
export const consentGiverKinds = ["self", "custodian"] as const;
export type ConsentGiverKind = (typeof consentGiverKinds)[number];

/** How information leaves social services. */
export const disclosureChannels = [
  "letter",
  "secure_email",
  "secure_digital",
  "phone",
  "meeting",
  "handed_over",
] as const;
export type DisclosureChannel = (typeof disclosureChannels)[number];

/** On which ground: a consent record, a secrecy-breaking rule (secrecy_rule table), a court's request. */
export const disclosureGrounds = ["consent", "secrecy_rule", "court_request"] as const;
export type DisclosureGround = (typeof disclosureGrounds)[number];

/** What a disclosure was made for: on its own, or for a referral, a SIP or a risk conference. */
export const disclosureContexts = [
  "direct",
  "referral",
  "coordinated_plan",
  "risk_conference",
] as const;
export type DisclosureContext = (typeof disclosureContexts)[number];

/** The crimes a police-reported incident is recorded as (the child police report's names where they meet). */
export const policeIncidentCategories = [
  "assault",
  "gross_violation_of_integrity",
  "unlawful_threat",
  "molestation",
  "stalking",
  "sexual_crime",
  "violation_of_restraining_order",
  "damage",
  "honour_oppression",
  "other",
] as const;
export type PoliceIncidentCategory = (typeof policeIncidentCategories)[number];
