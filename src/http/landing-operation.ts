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

/**
 * The condition picker (#19): what a patient types, completed from the second letter, then the ranking for the
 * condition picked. Two operations in one document: run SuggestConditions, copy a hit's id into conditionId, run
 * RankPickedCondition.
 */
export const PICKER_OPERATION = {
  document: `# A condition picker: completes what a person types (names, lay terms, brand names, common misspellings)
# from the second letter, conditions first. matchedText is the name or synonym that matched.
query SuggestConditions($prefix: String!) {
  suggest(prefix: $prefix, types: [CONDITION], first: 8) {
    matchedText
    matchedField
    node { ... on Condition { id name } }
  }
}

# Then rank treatments for the condition picked: put its id in conditionId and run this operation.
query RankPickedCondition($conditionId: ID!) {
  recommendTreatments(input: { conditionIds: [$conditionId], first: 5 }) {
    conditions { condition { name } phase }
    items { rank treatment { name } supporting { rawGrade guideline { publisher year } } }
    disclaimer
  }
}
`,
  variables: { prefix: "fibro", conditionId: "condition:fibromyalgia" },
} as const;
