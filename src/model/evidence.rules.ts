/** Cross-record rules of the evidence: guidelines, their graded statements, myths and statistics. */
import { Phase } from "./enums";
import type { RuleContext } from "./rule-context";
import { isRecognisedGrade } from "./strength.rules";

export function checkGuidelines(context: RuleContext): void {
  for (const guideline of context.set.guidelines) {
    if (guideline.supersededById === guideline.id) {
      context.problem("guidelines", guideline.id, "supersededById", "a guideline cannot supersede itself");
    } else {
      context.expect("guidelines", guideline.id, "supersededById", guideline.supersededById, ["guideline"]);
    }
  }
}

export function checkRecommendations(context: RuleContext): void {
  const guidelines = new Map(context.set.guidelines.map((guideline) => [guideline.id, guideline]));
  for (const rec of context.set.recommendations) {
    const hasGuideline = context.expect("recommendations", rec.id, "guidelineId", rec.guidelineId, [
      "guideline",
    ]);
    context.expect("recommendations", rec.id, "treatmentId", rec.treatmentId, ["treatment"]);
    context.expect("recommendations", rec.id, "conditionId", rec.conditionId, ["condition"]);
    if (rec.phases.includes(Phase.ANY) && rec.phases.length > 1) {
      context.problem("recommendations", rec.id, "phases", "ANY cannot be combined with other phases");
    }
    (rec.followsTreatmentIds ?? []).forEach((id, i) =>
      context.expect("recommendations", rec.id, `followsTreatmentIds[${i}]`, id, ["treatment"]),
    );
    (rec.excludedMemberIds ?? []).forEach((id, i) =>
      context.expect("recommendations", rec.id, `excludedMemberIds[${i}]`, id, ["treatment"]),
    );
    if (rec.supersededById) {
      if (!context.set.recommendations.some((other) => other.id === rec.supersededById))
        context.problem(
          "recommendations",
          rec.id,
          "supersededById",
          `unknown recommendation "${rec.supersededById}"`,
        );
      else if (rec.supersededById === rec.id)
        context.problem("recommendations", rec.id, "supersededById", "a statement cannot supersede itself");
    }
    if (new Set(rec.phases).size !== rec.phases.length) {
      context.problem("recommendations", rec.id, "phases", "a phase is listed twice");
    }
    const guideline = hasGuideline ? guidelines.get(rec.guidelineId) : undefined;
    if (guideline && !isRecognisedGrade(guideline.gradingScheme, rec.rawGrade, rec.kind)) {
      context.problem(
        "recommendations",
        rec.id,
        "rawGrade",
        `"${rec.rawGrade}" matches no grade of scheme ${guideline.gradingScheme} (see src/model/strength.rules.ts)`,
      );
    }
  }
}

export function checkMythsAndStatistics(context: RuleContext): void {
  for (const myth of context.set.myths) {
    myth.facts.forEach((fact, i) =>
      fact.sourceIds.forEach((id, j) =>
        context.expect("myths", myth.id, `facts[${i}].sourceIds[${j}]`, id, ["source", "guideline"]),
      ),
    );
  }
  for (const statistic of context.set.statistics) {
    context.expect("statistics", statistic.id, "sourceId", statistic.sourceId, ["source", "guideline"]);
  }
}
