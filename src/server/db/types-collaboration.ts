import type {
  AgencyKind,
  ConsentGiverKind,
  DisclosureChannel,
  DisclosureContext,
  DisclosureGround,
  PoliceIncidentCategory,
} from "../../shared/api/collaboration.ts";
import type {
  RestrainingOrderKind,
  RestrainingOrderStatus,
  SafetyAlarmKind,
} from "../../shared/api/police-collaboration.ts";
import type { RoutineArea, RoutineMediaType } from "../../shared/api/routines.ts";
import type { JsonColumn, Narrow, Replace } from "./narrow.ts";
import type { DB } from "./schema.generated.ts";
import type { ProtectionLevel } from "./types.ts";

/** Collaboration's tables (issue 18, 0063–0071) narrowed as db/types.ts narrows the rest. */
export interface CollaborationTables {
  // Collaboration's shared ground (0063)
  agency: Narrow<DB["agency"], { kind: AgencyKind }>;
  consent_giver: Narrow<DB["consent_giver"], { kind: ConsentGiverKind; form: "written" | "oral" }>;
  disclosure: Narrow<
    DB["disclosure"],
    {
      channel: DisclosureChannel;
      ground: DisclosureGround;
      context_kind: DisclosureContext;
      person_protection: ProtectionLevel;
    }
  >;
  police_incident: Narrow<DB["police_incident"], { crime_category: PoliceIncidentCategory }>;
  // Police collaboration and anonymised case consultations (0069)
  restraining_order: Narrow<
    DB["restraining_order"],
    { kind: RestrainingOrderKind; status: RestrainingOrderStatus }
  >;
  safety_alarm: Narrow<DB["safety_alarm"], { kind: SafetyAlarmKind }>;
  case_consultation: Narrow<DB["case_consultation"], { about: "child" | "adult" }>;
  // Referrals (0066)
  referral: Narrow<
    DB["referral"],
    {
      direction: "out" | "in";
      channel: DisclosureChannel | null;
      answer: "accepted" | "declined" | "other" | null;
    }
  >;
  // SIP (0067): the lists are validated by shared/api/coordinated-plans.ts
  coordinated_plan: Replace<
    DB["coordinated_plan"],
    {
      goals: JsonColumn<unknown, string | undefined>;
      participants: JsonColumn<unknown, string | undefined>;
      responsibilities: JsonColumn<unknown, string | undefined>;
      meetings: JsonColumn<unknown, string | undefined>;
    }
  >;
  // The routines register (0088)
  routine: Narrow<DB["routine"], { area: RoutineArea }>;
  routine_document: Narrow<DB["routine_document"], { media_type: RoutineMediaType }>;
}
