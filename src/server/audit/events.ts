import { z } from "zod";
import type { AuditActionCode } from "../../shared/api/audit-actions.ts";
import { caseworkEvents } from "./events/casework.ts";
import {
  identityProviderAdminEvents,
  logoutEvents,
  oidcLoginEvents,
  samlLoginEvents,
} from "./events/identity.ts";
import { none } from "./events/none.ts";
import { protectionEvents } from "./events/protection.ts";
import { serviceEvents } from "./events/services.ts";

const secondFactorMethod = z.enum(["totp", "webauthn"]);
/** Why a key was refused (auth/webauthn): never the key's answer itself. */
const keyRefusal = z.enum([
  "bad_password",
  "throttled",
  "no_challenge",
  "expired_challenge",
  "unknown_key",
  "counter_went_back",
  "already_registered",
  "not_verified",
  "key_only",
  "synced_key",
]);

/**
 * Every kind of audit event, with the schema of its `data`. Adding an action means adding
 * it here or in its family's file (events/: casework, the services around a case, protection
 * and review); recordAudit() accepts nothing else. Data never holds what the event is about
 * in clear text beyond ids and counts: the person is in person_id, the reason in reason.
 */
export const auditEventData = {
  "login.succeeded": none,
  "login.failed": z
    .object({
      why: z.enum([
        "bad_password",
        "unknown_user",
        "locked",
        "inactive",
        "throttled",
        "local_passwords_off",
        "break_glass_without_key",
      ]),
    })
    .strict(),
  // The method names the second factor: the one-time code or a key (auth/webauthn, 0104).
  "login.mfa_failed": z
    .object({ method: secondFactorMethod.optional(), why: keyRefusal.optional() })
    .strict(),
  "login.mfa_succeeded": z
    .object({ method: secondFactorMethod.optional(), keyId: z.uuid().optional() })
    .strict(),
  ...oidcLoginEvents,
  ...samlLoginEvents,
  ...logoutEvents,
  "mfa.enrolled": none,
  "mfa.key_registered": z.object({ keyId: z.uuid() }).strict(),
  "mfa.key_registration_failed": z.object({ why: keyRefusal }).strict(),
  "mfa.key_renamed": z.object({ keyId: z.uuid() }).strict(),
  "mfa.key_removed": z.object({ keyId: z.uuid() }).strict(),
  "mfa.key_denied": z
    .object({ keyId: z.uuid(), why: z.enum(["not_found", "last_second_factor"]) })
    .strict(),
  "password.changed": none,
  ...caseworkEvents,
  ...serviceEvents,
  ...protectionEvents,
  "admin.unit.create": none,
  "admin.unit.update": z.object({ fields: z.array(z.string()) }).strict(),
  "admin.instrument.import": z
    .object({ instrument: z.string(), outcome: z.enum(["stored", "already_there"]) })
    .strict(),
  "admin.user.create": none,
  "admin.user.update": z.object({ fields: z.array(z.string()) }).strict(),
  "admin.role.add": z.object({ role: z.string(), unitId: z.uuid().nullable() }).strict(),
  "admin.role.remove": z.object({ role: z.string(), unitId: z.uuid().nullable() }).strict(),
  "admin.mfa.reset": none,
  "admin.denied": z.object({ route: z.string() }).strict(),
  ...identityProviderAdminEvents,
  // The shared list and this table must name the same actions (missing or extra: a type error).
} as const satisfies Record<AuditActionCode, z.ZodObject>;

export type AuditAction = keyof typeof auditEventData;
export type AuditData<A extends AuditAction> = z.input<(typeof auditEventData)[A]>;

export const auditResourceTypes = [
  "session",
  "user",
  "unit",
  "person",
  "case",
  "barrier",
  "audit",
  "place",
  "agency",
  "agreement",
  // A risk conference's action, named so to its owner outside the case (issue 18, item 8).
  "conference_action",
  // A unit's log review plan, named so by a notice of its due review (issue 19, item 7).
  "log_review_plan",
  "consultation",
  "competence",
  "action_plan",
  "service_course",
  "survey",
  "chat_conversation",
  // A break-glass access under review, named so to a manager who may not see the case (issue 19).
  "break_glass",
  "retention",
  // A routine of the routines register (issue 20, item 2).
  "routine",
  // An organisation's OpenID Connect provider (issue 21).
  "identity_provider",
  // The organisation's login policy: are local passwords allowed (issue 21).
  "login_policy",
] as const;
export type AuditResourceType = (typeof auditResourceTypes)[number];
