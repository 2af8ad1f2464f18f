/** The graph's controlled vocabularies, shared by the seed rules, the repositories and the GraphQL types. */

export enum ConditionCategory {
  ACUTE = "ACUTE",
  CHRONIC = "CHRONIC",
  EITHER = "EITHER",
}

export enum Phase {
  ACUTE = "ACUTE",
  SUBACUTE = "SUBACUTE",
  CHRONIC = "CHRONIC",
  ANY = "ANY",
}

export enum Direction {
  FOR = "FOR",
  AGAINST = "AGAINST",
  NEUTRAL = "NEUTRAL",
}

export enum Strength {
  STRONG = "STRONG",
  CONDITIONAL = "CONDITIONAL",
  UNGRADED = "UNGRADED",
}

export enum RecommendationKind {
  RECOMMENDATION = "RECOMMENDATION",
  CONSENSUS = "CONSENSUS",
  EVIDENCE_SUMMARY = "EVIDENCE_SUMMARY",
  PRESCRIBING_PRACTICE = "PRESCRIBING_PRACTICE",
  REGULATORY = "REGULATORY",
  SAFETY_WARNING = "SAFETY_WARNING",
}

export enum Jurisdiction {
  US = "US",
  UK = "UK",
  EU = "EU",
  CA = "CA",
  INTERNATIONAL = "INTERNATIONAL",
}

/** How a guideline grades its statements; decides how a raw grade maps to a Strength. */
export enum GradingScheme {
  CDC_CATEGORY = "CDC_CATEGORY",
  ACP = "ACP",
  GRADE = "GRADE",
  AAN_LEVEL = "AAN_LEVEL",
  NICE_WORDING = "NICE_WORDING",
  NICE_TA = "NICE_TA",
  ASIPP = "ASIPP",
  ASCO = "ASCO",
  EFNS = "EFNS",
  EULAR_2008 = "EULAR_2008",
  CONSENSUS = "CONSENSUS",
  REGULATORY = "REGULATORY",
  EVIDENCE_REVIEW = "EVIDENCE_REVIEW",
  NONE = "NONE",
}

export enum DocumentType {
  GUIDELINE = "GUIDELINE",
  CONSENSUS_STATEMENT = "CONSENSUS_STATEMENT",
  REGULATORY = "REGULATORY",
  SYSTEMATIC_REVIEW = "SYSTEMATIC_REVIEW",
  CLINICAL_REFERENCE = "CLINICAL_REFERENCE",
  REVIEW_ARTICLE = "REVIEW_ARTICLE",
}

/** Whether a care link is backed by a cited source or is a documented project convention. */
export enum LinkBasis {
  CITED = "CITED",
  CONVENTION = "CONVENTION",
}

export enum CareLinkType {
  DELIVERS = "DELIVERS",
  MANAGES = "MANAGES",
  WORKS_WITH = "WORKS_WITH",
}

/** Confirmation status of a reference row: V primary source, V2 secondary source reproducing it. */
export enum ConfirmationStatus {
  V = "V",
  V2 = "V2",
}

export enum MythVerdict {
  FALSE = "FALSE",
  PARTLY_TRUE = "PARTLY_TRUE",
}

export enum CodeSystem {
  ICD10CM = "ICD10CM",
  SNOMEDCT = "SNOMEDCT",
}

/** A line of therapy as the guideline states it; null on a statement that states none. */
export enum TherapyLine {
  FIRST = "FIRST",
  SECOND = "SECOND",
  LATER = "LATER",
  AFTER_FAILURE = "AFTER_FAILURE",
  ADJUNCT_ONLY = "ADJUNCT_ONLY",
  RESCUE = "RESCUE",
}

/** Quality (certainty) of the evidence behind one treatment in a statement, where the guideline grades it. */
export enum EvidenceQuality {
  HIGH = "HIGH",
  MODERATE = "MODERATE",
  LOW = "LOW",
}

/** For attack disorders (migraine, cluster and tension-type headache): stopping an attack or preventing attacks. */
export enum TreatmentIntent {
  ACUTE = "ACUTE",
  PREVENTIVE = "PREVENTIVE",
}

/** What kind of word a synonym is: how clinicians, patients or packs name the thing, or how people misspell it. */
export enum SynonymKind {
  CLINICAL = "clinical",
  LAY = "lay",
  BRAND = "brand",
  MISSPELLING = "misspelling",
}

/** How strongly a safety statement speaks (patient-safety reference, kind key). */
export enum PrecautionKind {
  CONTRAINDICATION = "CONTRAINDICATION",
  AVOID = "AVOID",
  PRECAUTION = "PRECAUTION",
  BOXED_WARNING = "BOXED_WARNING",
}

/** A patient risk a caller can state; spelled as issue #13 lists them. */
export enum PatientRisk {
  GI_BLEEDING_HISTORY = "GI_BLEEDING_HISTORY",
  CARDIOVASCULAR_DISEASE = "CARDIOVASCULAR_DISEASE",
  RECENT_MYOCARDIAL_INFARCTION = "RECENT_MYOCARDIAL_INFARCTION",
  RECENT_CABG = "RECENT_CABG",
  HEART_FAILURE = "HEART_FAILURE",
  HEART_CONDUCTION_DISORDER = "HEART_CONDUCTION_DISORDER",
  UNCONTROLLED_HYPERTENSION = "UNCONTROLLED_HYPERTENSION",
  HEPATIC_IMPAIRMENT = "HEPATIC_IMPAIRMENT",
  RESPIRATORY_DISEASE = "RESPIRATORY_DISEASE",
  SLEEP_APNEA = "SLEEP_APNEA",
  SUBSTANCE_USE_DISORDER = "SUBSTANCE_USE_DISORDER",
  FALLS_HISTORY = "FALLS_HISTORY",
  FREQUENT_ACUTE_MEDICATION_USE = "FREQUENT_ACUTE_MEDICATION_USE",
  CYP2D6_ULTRARAPID_METABOLIZER = "CYP2D6_ULTRARAPID_METABOLIZER",
  HLA_B1502 = "HLA_B1502",
  HEMIPLEGIC_OR_BASILAR_MIGRAINE = "HEMIPLEGIC_OR_BASILAR_MIGRAINE",
  CHILDBEARING_POTENTIAL = "CHILDBEARING_POTENTIAL",
  TAKING_ANTICOAGULANT_OR_ANTIPLATELET = "TAKING_ANTICOAGULANT_OR_ANTIPLATELET",
  TAKING_CORTICOSTEROID = "TAKING_CORTICOSTEROID",
  TAKING_STRONG_CYP3A4_INHIBITOR = "TAKING_STRONG_CYP3A4_INHIBITOR",
  TAKING_MAO_INHIBITOR = "TAKING_MAO_INHIBITOR",
}

/** One condition of a safety statement, as stored: a factor the input can state, or OTHER (shown, never decisive). */
export enum PatientFactorKind {
  AGE_AT_LEAST = "AGE_AT_LEAST",
  AGE_BELOW = "AGE_BELOW",
  PREGNANT = "PREGNANT",
  BREASTFEEDING = "BREASTFEEDING",
  EGFR_BELOW = "EGFR_BELOW",
  RISK = "RISK",
  TAKING = "TAKING",
  OTHER = "OTHER",
}
