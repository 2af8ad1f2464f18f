/**
 * The operation an explorer opens with: the recommendation example, so a first visit runs a real question
 * (fibromyalgia, no opioids, at most a needle) instead of an empty editor.
 */
export const LANDING_OPERATION = {
  document: `# Treatments for a condition, best guideline evidence first, with citations and who delivers them.
# PainGraph informs; it does not prescribe: show the disclaimer with the answer.
query RecommendTreatments($code: String!, $excludeOpioids: Boolean, $maxInvasiveness: Int) {
  recommendTreatments(
    input: {
      conditionCodes: [{ system: ICD10CM, code: $code }]
      excludeOpioids: $excludeOpioids
      maxInvasiveness: $maxInvasiveness
      first: 5
    }
  ) {
    conditions { condition { name } phase }
    items {
      rank
      score
      treatment { name }
      conflict
      supporting { rawGrade strength guideline { publisher year url doi } }
      opposing { rawGrade guideline { publisher year } }
      deliveredBy { basis provider { name } }
      warnings { kind statement }
    }
    excluded { reason treatment { name } }
    disclaimer
  }
}
`,
  variables: { code: "M79.7", excludeOpioids: true, maxInvasiveness: 1 },
} as const;
