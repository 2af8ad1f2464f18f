/** The connection types of the catalog and evidence lists. */
import { connectionOf } from "../pagination/connection.type";
import { Condition } from "./condition.type";
import { Treatment } from "./treatment.type";
import { Guideline } from "../evidence/guideline.type";

export const ConditionConnection = connectionOf(Condition, "Condition");
export const TreatmentConnection = connectionOf(Treatment, "Treatment");
export const GuidelineConnection = connectionOf(Guideline, "Guideline");
