import { z } from "zod";
import { boundedNumber, int4, isoDate, multiline } from "./fields.ts";
import { caseworkRoles, type Role } from "./roles.ts";

/**
 * The social welfare committee's action plan against violence in close relationships (issue
 * 20, item 1; seed 003, Ekerö): areas, goals with an indicator and a target, activities with
 * owners and days, and each goal's follow-up per year. Every change names the plan's
 * `version` it was made from (stale: 409).
 */
export const fixedAreaKinds = [
  "collaboration",
  "competence_development",
  "mapping",
  "investigation_methods",
  "statistics",
] as const;
export const areaKinds = [...fixedAreaKinds, "own"] as const;
export type AreaKind = (typeof areaKinds)[number];

export const activityStatuses = ["planned", "ongoing", "done", "cancelled"] as const;
export type ActivityStatus = (typeof activityStatuses)[number];
/**
 * Who may own an activity: staff who work cases or manage a unit — not an analyst-only or
 * administrator-only account (the server's check and the page's list of owners, both from here).
 */
export const activityOwnerRoles: readonly Role[] = [...caseworkRoles, "unit_manager"];
export const followUpStatuses = ["reached", "partly_reached", "not_reached", "ongoing"] as const;
export type GoalFollowUpStatus = (typeof followUpStatuses)[number];

/** The computed indicators' codes (the catalogue with names: server/modules/action-plan/indicators.ts). */
export const indicatorCodes = [
  "persons_investigated",
  "accompanying_children",
  "risk_assessments_completed",
  "trainings_held",
  "training_participants",
  "agreements_followed_up",
  "consultations_given",
] as const;
export type IndicatorCode = (typeof indicatorCodes)[number];

const text = (what: string, max: number) =>
  z
    .string({ error: `Ange ${what}.` })
    .trim()
    .min(1, { error: `Ange ${what}.` })
    .max(max, { error: `Högst ${max} tecken.` });
const planYear = (what: string) =>
  z
    .number({ error: `Ange ${what} som ett årtal.` })
    .int({ error: `Ange ${what} som ett årtal.` })
    .min(2000, { error: "Ange ett år mellan 2000 och 2100." })
    .max(2100, { error: "Ange ett år mellan 2000 och 2100." });
const version = () =>
  int4().min(1).meta({ description: "The plan's version the change was made from (stale: 409)" });

export const PlanHeadBody = z
  .object({
    title: text("planens namn", 200),
    adoptedBy: text("vem som antog planen, t.ex. Socialnämnden", 200),
    adoptedOn: isoDate({ error: "Ange när planen antogs." }),
    fromYear: planYear("första året"),
    toYear: planYear("sista året"),
  })
  .strict()
  .refine((b) => b.toYear >= b.fromYear && b.toYear - b.fromYear <= 10, {
    path: ["toYear"],
    message: "Planens sista år ligger på eller efter det första, och planen gäller högst elva år.",
  });
export const CreatePlanBody = PlanHeadBody.meta({ id: "ActionPlanCreateBody" });
export type CreatePlanBody = z.input<typeof CreatePlanBody>;
export const UpdatePlanBody = z
  .object({ plan: PlanHeadBody, version: version() })
  .strict()
  .meta({ id: "ActionPlanUpdateBody" });

export const AddAreaBody = z
  .object({ title: text("områdets namn", 200), version: version() })
  .strict()
  .meta({ id: "ActionPlanAreaBody" });

const Indicator = z
  .object({
    name: text("vad indikatorn mäter", 200),
    unit: text("enheten, t.ex. personer eller procent", 50),
    target: boundedNumber().min(0, { error: "Målvärdet kan inte vara negativt." }),
    code: z
      .enum(indicatorCodes, { error: "Välj en av Frids beräknade indikatorer, eller ingen." })
      .nullable()
      .meta({ description: "A computed indicator of the catalogue; null: entered by hand" }),
  })
  .strict();

export const GoalBody = z
  .object({
    areaId: z.uuid({ error: "Välj vilket område målet hör till." }),
    title: text("målet", 200),
    description: multiline(z.string().trim().max(4000, { error: "Högst 4000 tecken." })).default(
      "",
    ),
    indicator: Indicator,
    version: version(),
  })
  .strict()
  .meta({ id: "ActionPlanGoalBody" });
export type GoalBody = z.input<typeof GoalBody>;

const ActivityFields = {
  title: text("aktiviteten", 200),
  ownerId: z.uuid({ error: "Välj vem som ansvarar för aktiviteten." }),
  dueOn: isoDate({ error: "Ange när aktiviteten ska vara klar." }),
  status: z.enum(activityStatuses, { error: "Välj planerad, pågår, klar eller inställd." }),
  version: version(),
};
export const AddActivityBody = z
  .object({ goalId: z.uuid({ error: "Välj målet." }), ...ActivityFields })
  .strict()
  .meta({ id: "ActionPlanActivityBody" });
export type AddActivityBody = z.input<typeof AddActivityBody>;
export const UpdateActivityBody = z
  .object(ActivityFields)
  .strict()
  .meta({ id: "ActionPlanActivityUpdateBody" });

export const FollowUpGoalBody = z
  .object({
    status: z.enum(followUpStatuses, {
      error: "Välj uppnått, delvis uppnått, inte uppnått eller pågår.",
    }),
    done: multiline(text("vad som gjordes under året", 4000)),
    value: boundedNumber()
      .nullable()
      .default(null)
      .meta({ description: "Only for a manual indicator; a computed one is counted by Frid" }),
    version: version(),
  })
  .strict()
  .meta({ id: "ActionPlanFollowUpBody" });
export type FollowUpGoalBody = z.input<typeof FollowUpGoalBody>;

export const PlanParams = z.object({ planId: z.uuid({ error: "Planen finns inte." }) }).strict();
export const AreaParams = PlanParams.extend({ areaId: z.uuid({ error: "Området finns inte." }) });
export const GoalParams = PlanParams.extend({ goalId: z.uuid({ error: "Målet finns inte." }) });
export const ActivityParams = PlanParams.extend({
  activityId: z.uuid({ error: "Aktiviteten finns inte." }),
});
export const FollowUpParams = GoalParams.extend({
  year: z.coerce
    .number({ error: "Ange året som ett årtal." })
    .int({ error: "Ange året som ett årtal." })
    .min(2000, { error: "Ange ett år mellan 2000 och 2100." })
    .max(2100, { error: "Ange ett år mellan 2000 och 2100." }),
});
export const YearQuery = FollowUpParams.pick({ year: true }).strict();

export const FollowUpView = z.object({
  year: z.number(),
  status: z.enum(followUpStatuses),
  done: z.string(),
  value: z.number().nullable(),
  computed: z.boolean(),
  computedAt: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});
export const ActivityView = z.object({
  id: z.uuid(),
  title: z.string(),
  ownerId: z.uuid(),
  ownerName: z.string(),
  dueOn: z.string(),
  status: z.enum(activityStatuses),
  overdue: z.boolean(),
});
export const GoalView = z.object({
  id: z.uuid(),
  areaId: z.uuid(),
  title: z.string(),
  description: z.string(),
  indicator: z.object({
    name: z.string(),
    unit: z.string(),
    target: z.number(),
    code: z.enum(indicatorCodes).nullable(),
    codeName: z.string().nullable(),
  }),
  activities: z.array(ActivityView),
  followUps: z.array(FollowUpView),
});
export const AreaView = z.object({
  id: z.uuid(),
  kind: z.enum(areaKinds),
  title: z.string().nullable(),
  goals: z.array(GoalView),
});
export const PlanSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  adoptedBy: z.string(),
  adoptedOn: z.string(),
  fromYear: z.number(),
  toYear: z.number(),
  version: z.number(),
});
export const PlanList = z
  .object({ plans: z.array(PlanSummary), mayCreate: z.boolean() })
  .meta({ id: "ActionPlanList" });
export const PlanView = PlanSummary.extend({
  areas: z.array(AreaView),
  abilities: z.object({ change: z.boolean() }),
  indicators: z.array(
    z.object({ code: z.enum(indicatorCodes), name: z.string(), unit: z.string() }),
  ),
  staff: z.array(z.object({ id: z.uuid(), name: z.string() })),
}).meta({ id: "ActionPlanView" });
export type PlanView = z.infer<typeof PlanView>;
export type PlanList = z.infer<typeof PlanList>;

export const IndicatorValues = z
  .object({
    year: z.number(),
    computable: z.boolean().meta({
      description: "false: the caller reports on no unit (an administrator), so nothing is counted",
    }),
    values: z.array(
      z.object({ goalId: z.uuid(), code: z.enum(indicatorCodes), value: z.number() }),
    ),
  })
  .meta({ id: "ActionPlanIndicatorValues" });
export type IndicatorValues = z.infer<typeof IndicatorValues>;

/** The plan's year as the yearly report reads it (issue 20, item 4): no personal data. */
export interface ActionPlanYear {
  year: number;
  plan: {
    id: string;
    title: string;
    adoptedBy: string;
    adoptedOn: string;
    fromYear: number;
    toYear: number;
  } | null;
  areas: {
    kind: AreaKind;
    title: string | null;
    goals: {
      title: string;
      indicator: { name: string; unit: string; target: number; code: IndicatorCode | null };
      followUp: {
        status: GoalFollowUpStatus;
        done: string;
        value: number | null;
        computed: boolean;
        computedAt: string | null;
      } | null;
    }[];
  }[];
}
