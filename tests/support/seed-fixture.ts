/** A minimal valid SeedSet for rule tests: one of everything, all references resolved. */
import type { SeedSet } from "../../src/model/seed-set";
import {
  CareLinkType,
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
} from "../../src/model/enums";

export function minimalSeedSet(): SeedSet {
  return {
    conditionGroups: [
      {
        id: "group:fibromyalgia",
        name: "Fibromyalgia",
        description: "The article's group.",
        articleOrder: 3,
      },
    ],
    conditions: [
      {
        id: "condition:fibromyalgia",
        refId: "C07",
        name: "Fibromyalgia",
        aliases: ["fibro"],
        description: "Widespread pain with abnormal pain processing.",
        category: ConditionCategory.CHRONIC,
        icd10Codes: ["M79.7"],
        snomedCodes: ["203082005"],
        groupIds: ["group:fibromyalgia"],
        prevalence: {
          text: "About 2% of the population.",
          sourceIds: ["guideline:eular-2016"],
          status: ConfirmationStatus.V2,
        },
        status: ConfirmationStatus.V,
      },
    ],
    modalities: [
      {
        id: "modality:physical",
        name: "Physical therapy",
        description: "Exercise and rehabilitation.",
        articleExamples: [],
        fromArticle: true,
      },
    ],
    treatments: [
      {
        id: "treatment:exercise",
        refId: "T40",
        name: "Exercise",
        aliases: [],
        description: "Aerobic and strengthening exercise.",
        examples: [],
        opioid: false,
        invasivenessMin: 0,
        invasivenessMax: 0,
        modalityIds: ["modality:physical"],
        isClass: false,
        memberOfIds: [],
      },
    ],
    disciplines: [
      {
        id: "discipline:physiatry",
        name: "Physiatry",
        aliases: [],
        description: "Physical medicine and rehabilitation.",
        fromArticle: true,
        sourceIds: [],
      },
    ],
    professions: [
      {
        id: "profession:physical-therapists",
        name: "Physical therapists",
        aliases: [],
        description: "Licensed rehabilitation professionals.",
        fromArticle: true,
        sourceIds: [],
      },
    ],
    careLinks: [
      {
        from: "profession:physical-therapists",
        type: CareLinkType.DELIVERS,
        to: "treatment:exercise",
        basis: LinkBasis.CONVENTION,
        sourceIds: [],
        note: null,
      },
    ],
    guidelines: [
      {
        id: "guideline:eular-2016",
        refId: "EULAR2016",
        title: "EULAR revised recommendations for the management of fibromyalgia",
        publisher: "EULAR",
        year: 2016,
        url: null,
        doi: "10.1136/annrheumdis-2016-209724",
        gradingSystem: "GRADE strong/weak",
        gradingScheme: GradingScheme.GRADE,
        documentType: DocumentType.GUIDELINE,
        jurisdiction: Jurisdiction.EU,
        supersededById: null,
        status: ConfirmationStatus.V,
      },
    ],
    sources: [
      {
        id: "source:mmwr-2023",
        refId: "MMWR2023",
        title: "Chronic Pain Among Adults",
        year: 2023,
        url: null,
        doi: null,
        status: ConfirmationStatus.V,
      },
    ],
    recommendations: [
      {
        id: "recommendation:r066-exercise-fibromyalgia",
        refRow: "R066",
        refStatus: ConfirmationStatus.V,
        guidelineId: "guideline:eular-2016",
        treatmentId: "treatment:exercise",
        conditionId: "condition:fibromyalgia",
        direction: Direction.FOR,
        rawGrade: "Strong for (Ia, A)",
        kind: RecommendationKind.RECOMMENDATION,
        lineOfTherapy: 1,
        lineNote: "first",
        phases: [Phase.CHRONIC],
        population: null,
        prerequisites: [],
        adjunctOnly: false,
        statement: "Offer aerobic and strengthening exercise for fibromyalgia.",
      },
    ],
    myths: [
      {
        id: "myth:only-opioids",
        myth: "They only prescribe opioids",
        verdict: MythVerdict.FALSE,
        correction: "Nonopioid therapies are preferred for chronic pain.",
        nuance: null,
        facts: [
          { text: "CDC 2022 prefers nonopioid therapies.", sourceIds: ["source:mmwr-2023"], status: "V" },
        ],
      },
    ],
    statistics: [
      {
        id: "statistic:chronic-pain-2021",
        year: 2021,
        metric: "Chronic pain, adults",
        value: "20.9% = 51.6 million",
        percent: 20.9,
        count: 51_600_000,
        population: "U.S. adults",
        definition: null,
        sourceId: "source:mmwr-2023",
        status: ConfirmationStatus.V,
      },
    ],
    synonyms: [],
    precautions: [],
  };
}
