import type {
  ChecklistItem,
  ConsultationKind,
  ConsultationOutcome,
  RevealReasonCode,
} from "../../shared/api/protection.ts";
import type { Narrow } from "./narrow.ts";
import type { DB } from "./schema.generated.ts";

/** Reveal with a reason and the protection officer's tables (issue 19, 0076), narrowed. */
export interface ProtectionTables {
  person_reveal: Narrow<DB["person_reveal"], { reason_code: RevealReasonCode }>;
  protection_consultation: Narrow<
    DB["protection_consultation"],
    { kind: ConsultationKind; outcome: ConsultationOutcome }
  >;
  protection_checklist: Narrow<DB["protection_checklist"], { item: ChecklistItem }>;
}
