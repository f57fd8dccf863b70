import {
  type AddActivityBody,
  type CreatePlanBody,
  type FollowUpGoalBody,
  type GoalBody,
  IndicatorValues,
  PlanList,
  PlanView,
} from "../../../shared/api/action-plan";
import type { Transport } from "../../api/transport";

export type ActionPlanList = PlanList;
export type ActionPlanView = PlanView;
export type ActionPlanArea = PlanView["areas"][number];
export type ActionPlanGoal = ActionPlanArea["goals"][number];
export type ActionPlanActivity = ActionPlanGoal["activities"][number];
export type ActionPlanIndicatorValues = IndicatorValues;
export type ActionPlanInput = CreatePlanBody;
export type ActionPlanGoalInput = GoalBody;
export type ActionPlanActivityInput = AddActivityBody;
export type ActionPlanFollowUpInput = FollowUpGoalBody;

/** The action plan (handlingsplan); api/endpoints.ts assembles every feature's. */
export function actionPlanApi({ get, post, put, id }: Transport) {
  const plan = (planId: string) => `/api/action-plans/${id(planId)}`;
  return {
    actionPlans: (signal?: AbortSignal) => get("/api/action-plans", PlanList, signal),
    createActionPlan: (input: ActionPlanInput) => post("/api/action-plans", input, PlanView),
    actionPlan: (planId: string, signal?: AbortSignal) => get(plan(planId), PlanView, signal),
    indicatorValues: (planId: string, year: number, signal?: AbortSignal) =>
      get(
        `${plan(planId)}/indicator-values?${new URLSearchParams({ year: String(year) })}`,
        IndicatorValues,
        signal,
      ),
    addActionPlanArea: (planId: string, input: { title: string; version: number }) =>
      post(`${plan(planId)}/areas`, input, PlanView),
    changeActionPlan: (planId: string, input: { plan: ActionPlanInput; version: number }) =>
      put(plan(planId), input, PlanView),
    renameActionPlanArea: (
      planId: string,
      areaId: string,
      input: { title: string; version: number },
    ) => put(`${plan(planId)}/areas/${id(areaId)}`, input, PlanView),
    changeActionPlanGoal: (planId: string, goalId: string, input: ActionPlanGoalInput) =>
      put(`${plan(planId)}/goals/${id(goalId)}`, input, PlanView),
    addActionPlanGoal: (planId: string, input: ActionPlanGoalInput) =>
      post(`${plan(planId)}/goals`, input, PlanView),
    addActionPlanActivity: (planId: string, input: ActionPlanActivityInput) =>
      post(`${plan(planId)}/activities`, input, PlanView),
    changeActionPlanActivity: (
      planId: string,
      activityId: string,
      input: Omit<ActionPlanActivityInput, "goalId">,
    ) => put(`${plan(planId)}/activities/${id(activityId)}`, input, PlanView),
    followUpActionPlanGoal: (
      planId: string,
      goalId: string,
      year: number,
      input: ActionPlanFollowUpInput,
    ) => put(`${plan(planId)}/goals/${id(goalId)}/follow-ups/${year}`, input, PlanView),
  };
}
