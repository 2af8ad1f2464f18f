/** GraphQL enums of the ranking: its factors and the reasons a treatment is left out. */
import { registerEnumType } from "type-graphql";
import { ExclusionReason, RankingFactor } from "./ranking.model";

registerEnumType(RankingFactor, {
  name: "RankingFactor",
  description:
    "A factor of the ranking score (docs/recommendations.md). Stated lines of therapy come before every factor; then the " +
    "evidence factors, compared exactly; the preference factors only order treatments of equal evidence.",
  valuesConfig: {
    STRENGTH: { description: "Evidence: best supporting strength, STRONG 3, CONDITIONAL 2, UNGRADED 1." },
    BALANCE: {
      description:
        "Evidence: (for − against) / (for + against), each side summing its guidelines' best levels; −1 to 1.",
    },
    BREADTH: {
      description:
        "Evidence: distinct supporting guidelines, capped at five, as a share (0.2 per guideline).",
    },
    EVIDENCE_QUALITY: {
      description:
        "Evidence: best quality a supporting statement states (high 1, moderate 2/3, low 1/3, unstated 0).",
    },
    LINE_OF_THERAPY: {
      description:
        "Evidence: earliest stated line (first 1, second 0.5, later or after failure 0.25, rescue or adjunct 0.1, " +
        "unstated 0). Weight 0 by default: stated lines already order the list as a precedence.",
    },
    COVERAGE: { description: "Preference: share of the requested conditions this treatment helps." },
    OPIOID_SPARING: { description: "Preference: 1 for a non-opioid, 0 for an opioid." },
    LEAST_INVASIVE: { description: "Preference: (3 − invasivenessMax) / 3." },
  },
});

registerEnumType(ExclusionReason, {
  name: "ExclusionReason",
  description:
    "Why a treatment with statements about the requested conditions is not among the ranked items.",
  valuesConfig: {
    RECOMMENDED_AGAINST: { description: "Guidelines only recommend against it here (see recommendations)." },
    OPIOID_EXCLUDED: { description: "It is an opioid and excludeOpioids was set." },
    TOO_INVASIVE: { description: "Its most invasive form exceeds maxInvasiveness." },
    ALREADY_TRIED: { description: "It was listed in excludeTreatmentIds." },
    BELOW_MIN_STRENGTH: { description: "Its best support is weaker than minStrength." },
    OUT_OF_SCOPE: {
      description:
        "Its only support is for another phase of pain, or for a narrower population than the condition (e.g. " +
        "spinal stenosis within sciatica).",
    },
    OTHER_INTENT: {
      description: "Its only support is for the other intent (acute vs preventive), or does not say which.",
    },
    SHOWN_AS_MEMBERS: {
      description: "A class whose statements all appear on its members, which are listed as items instead.",
    },
    NO_RECOMMENDATION: {
      description: "Only neutral statements, evidence summaries, warnings or approvals exist for it.",
    },
    CONTRAINDICATED: {
      description:
        "A CONTRAINDICATION matches the patient's factors and covers every drug it stands for (see precautions).",
    },
    AVOID_FOR_PATIENT: {
      description:
        "An AVOID statement matches the patient's factors and covers every drug it stands for; includeAvoided keeps " +
        "it, ranked last.",
    },
  },
});
