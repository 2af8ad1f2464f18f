/** Registers the model's enums with GraphQL, each value documented for Apollo Sandbox. */
import { registerEnumType } from "type-graphql";
import {
  CareLinkType,
  CodeSystem,
  ConditionCategory,
  ConfirmationStatus,
  Direction,
  DocumentType,
  GradingScheme,
  Jurisdiction,
  LinkBasis,
  MythVerdict,
  Phase,
  RecommendationKind,
  Strength,
  TherapyLine,
  EvidenceQuality,
  TreatmentIntent,
} from "../model/enums";

registerEnumType(TherapyLine, {
  name: "TherapyLine",
  description: "A line of therapy as the guideline states it. Stated lines order a ranking before any score.",
  valuesConfig: {
    FIRST: { description: "First line (first choice)." },
    SECOND: { description: "Second line: after the first line." },
    LATER: { description: "Third line or later, or last resort: after the earlier lines." },
    AFTER_FAILURE: {
      description: "Only after the treatments it names (or the guideline's others) have failed.",
    },
    ADJUNCT_ONLY: { description: "Only together with the treatments it accompanies (e.g. with exercise)." },
    RESCUE: { description: "Only as rescue therapy, after the guideline's regular treatments." },
  },
});

registerEnumType(EvidenceQuality, {
  name: "EvidenceQuality",
  description: "Quality or certainty of the evidence for one treatment, as the guideline grades it.",
  valuesConfig: {
    HIGH: { description: "High quality (certainty)." },
    MODERATE: { description: "Moderate quality (certainty)." },
    LOW: { description: "Low quality (certainty)." },
  },
});

registerEnumType(TreatmentIntent, {
  name: "TreatmentIntent",
  description: "For attack disorders (migraine, cluster and tension-type headache): what a treatment is for.",
  valuesConfig: {
    ACUTE: { description: "Stopping an attack (e.g. triptans, NSAIDs, gepants such as ubrogepant, oxygen)." },
    PREVENTIVE: {
      description: "Fewer attacks (e.g. beta-blockers, topiramate, CGRP antibodies, verapamil).",
    },
  },
});

registerEnumType(ConditionCategory, {
  name: "ConditionCategory",
  description: "Whether a condition is typically acute, chronic, or seen in either form.",
  valuesConfig: {
    ACUTE: { description: "Typically short-lived (under about a month)." },
    CHRONIC: { description: "Typically lasting beyond three months." },
    EITHER: { description: "Seen both as acute and as chronic; recommendations state their own phase." },
  },
});

registerEnumType(Phase, {
  name: "Phase",
  description:
    "The phase of pain a recommendation is scoped to (CDC 2022: acute <1 month, subacute 1–3, chronic >3).",
  valuesConfig: {
    ACUTE: { description: "Acute pain, under about one month." },
    SUBACUTE: { description: "Subacute pain, about one to three months." },
    CHRONIC: {
      description: "Chronic pain, beyond three months (for headache disorders: preventive treatment).",
    },
    ANY: { description: "Not limited to a phase." },
  },
});

registerEnumType(Direction, {
  name: "Direction",
  description: "Whether a guideline statement speaks for or against a treatment.",
  valuesConfig: {
    FOR: { description: "Recommends the treatment (offer, consider, may use)." },
    AGAINST: { description: "Recommends against the treatment (do not offer, should not be used)." },
    NEUTRAL: { description: "Neither: a conditional statement, a warning or an evidence summary." },
  },
});

registerEnumType(Strength, {
  name: "Strength",
  description:
    "PainGraph's normalised strength, mapped from the guideline's own raw grade by a documented rule (docs/data-model.md, " +
    "'Strength mapping'); grades from different systems are compared only through it.",
  valuesConfig: {
    STRONG: {
      description: "Strong: e.g. GRADE strong, CDC category A, AAN level A, NICE 'offer' / 'do not offer'.",
    },
    CONDITIONAL: {
      description:
        "Conditional: e.g. GRADE weak/conditional, CDC category B, AAN level B/C, NICE 'consider'.",
    },
    UNGRADED: {
      description:
        "No grade: consensus, evidence summaries, regulatory and safety records, or grade not given.",
    },
  },
});

registerEnumType(RecommendationKind, {
  name: "RecommendationKind",
  description: "What sort of statement a recommendation record is.",
  valuesConfig: {
    RECOMMENDATION: { description: "A graded guideline recommendation." },
    CONSENSUS: { description: "A consensus or position statement, not a formal graded guideline." },
    EVIDENCE_SUMMARY: { description: "A summary of evidence, not a recommendation." },
    PRESCRIBING_PRACTICE: { description: "How to prescribe (dose, duration), not whether to." },
    REGULATORY: { description: "A regulatory decision such as an approval." },
    SAFETY_WARNING: { description: "A safety warning, e.g. an FDA label warning." },
  },
});

registerEnumType(Jurisdiction, {
  name: "Jurisdiction",
  description: "Where a guideline's issuing body is based.",
  valuesConfig: {
    US: { description: "United States." },
    UK: { description: "United Kingdom." },
    EU: { description: "Europe (European societies)." },
    CA: { description: "Canada." },
    INTERNATIONAL: { description: "International bodies such as WHO." },
  },
});

registerEnumType(GradingScheme, {
  name: "GradingScheme",
  description: "The family of grading system a guideline uses; decides how its raw grades map to Strength.",
  valuesConfig: Object.fromEntries(
    Object.values(GradingScheme).map((value) => [value, { description: `Grades of the ${value} family.` }]),
  ) as Record<GradingScheme, { description: string }>,
});

registerEnumType(DocumentType, {
  name: "DocumentType",
  description: "What kind of document a guideline (in the broad sense) is.",
  valuesConfig: {
    GUIDELINE: { description: "A clinical practice guideline." },
    CONSENSUS_STATEMENT: { description: "A consensus or position statement." },
    REGULATORY: { description: "A regulator's communication or decision." },
    SYSTEMATIC_REVIEW: { description: "A systematic review, e.g. Cochrane." },
    CLINICAL_REFERENCE: { description: "A clinical reference page from a public-health body." },
    REVIEW_ARTICLE: { description: "A narrative or clinical review article." },
  },
});

registerEnumType(LinkBasis, {
  name: "LinkBasis",
  description: "Why a care link (who delivers or manages what) is in the graph.",
  valuesConfig: {
    CITED: { description: "Backed by the cited sources." },
    CONVENTION: {
      description: "Usual US practice, a documented project convention rather than a cited fact.",
    },
  },
});

registerEnumType(CareLinkType, {
  name: "CareLinkType",
  description: "The kind of care link between a provider and something else.",
  valuesConfig: {
    DELIVERS: { description: "The provider delivers a treatment." },
    MANAGES: { description: "The provider manages a condition." },
    WORKS_WITH: { description: "The provider works with another provider." },
  },
});

registerEnumType(ConfirmationStatus, {
  name: "ConfirmationStatus",
  description: "How firmly a fact was confirmed in the reference the data was curated from.",
  valuesConfig: {
    V: { description: "Verified in the primary or official text." },
    V2: { description: "Verified through a secondary source that reproduces the primary." },
  },
});

registerEnumType(MythVerdict, {
  name: "MythVerdict",
  description: "How the evidence judges a common myth.",
  valuesConfig: {
    FALSE: { description: "The myth is false." },
    PARTLY_TRUE: { description: "The myth is partly true; see its nuance." },
  },
});

registerEnumType(CodeSystem, {
  name: "CodeSystem",
  description: "A clinical coding system.",
  valuesConfig: {
    ICD10CM: { description: "ICD-10-CM (US clinical modification); case and a missing dot are tolerated." },
    SNOMEDCT: { description: "SNOMED CT concept identifiers." },
  },
});
