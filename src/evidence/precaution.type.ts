/** A cited safety statement about a treatment or class (patient-safety reference): kind, factors, source and row. */
import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { ConfirmationStatus, PatientFactorKind, PatientRisk, Phase, PrecautionKind } from "../model/enums";
import { Node } from "../node/node.type";
import type { PrecautionNode } from "../graph/node.records";

registerEnumType(PrecautionKind, {
  name: "PrecautionKind",
  description: "How strongly a safety statement speaks, as its source does.",
  valuesConfig: {
    CONTRAINDICATION: { description: "Do not use. A match excludes the treatment (CONTRAINDICATED)." },
    AVOID: {
      description:
        "Avoid, or not recommended, unless there is no alternative. A match excludes it (AVOID_FOR_PATIENT).",
    },
    PRECAUTION: { description: "Use with caution or monitoring. Shown, never excludes." },
    BOXED_WARNING: {
      description: "FDA boxed warning text. Shown to everyone, with or without patient factors.",
    },
  },
});

registerEnumType(PatientRisk, {
  name: "PatientRisk",
  description: "A risk a caller can state about the person (PatientInput.risks).",
  valuesConfig: {
    GI_BLEEDING_HISTORY: { description: "Past gastrointestinal bleeding or peptic ulcer." },
    CARDIOVASCULAR_DISEASE: {
      description:
        "Established cardiovascular disease: ischaemic heart disease, stroke or TIA, peripheral vascular disease.",
    },
    RECENT_MYOCARDIAL_INFARCTION: { description: "A recent heart attack (acute recovery phase)." },
    RECENT_CABG: { description: "Coronary artery bypass graft surgery, in its setting." },
    HEART_FAILURE: { description: "Heart failure." },
    HEART_CONDUCTION_DISORDER: { description: "Arrhythmia, heart block or another conduction disturbance." },
    UNCONTROLLED_HYPERTENSION: { description: "High blood pressure that is not controlled." },
    HEPATIC_IMPAIRMENT: { description: "Impaired liver function or chronic liver disease." },
    RESPIRATORY_DISEASE: { description: "Lung disease that reduces breathing reserve (e.g. COPD)." },
    SLEEP_APNEA: { description: "Obstructive sleep apnea." },
    SUBSTANCE_USE_DISORDER: { description: "A history of substance use disorder." },
    FALLS_HISTORY: { description: "A history of falls or fractures." },
    FREQUENT_ACUTE_MEDICATION_USE: {
      description:
        "Frequent use of acute headache medicines (the medication-overuse thresholds of ICHD-3 8.2).",
    },
    CYP2D6_ULTRARAPID_METABOLIZER: { description: "Known CYP2D6 ultra-rapid metabolizer." },
    HLA_B1502: {
      description: "Carries HLA-B*1502 (or ancestry where it is common, per the carbamazepine label).",
    },
    HEMIPLEGIC_OR_BASILAR_MIGRAINE: { description: "Hemiplegic or basilar migraine." },
    CHILDBEARING_POTENTIAL: { description: "Could become pregnant." },
    TAKING_ANTICOAGULANT_OR_ANTIPLATELET: {
      description: "Takes an anticoagulant or antiplatelet (e.g. warfarin, clopidogrel).",
    },
    TAKING_CORTICOSTEROID: { description: "Takes an oral corticosteroid (e.g. prednisone)." },
    TAKING_STRONG_CYP3A4_INHIBITOR: {
      description: "Takes a strong CYP3A4 inhibitor (e.g. protease inhibitors, macrolide antibiotics).",
    },
    TAKING_MAO_INHIBITOR: { description: "Takes, or stopped within two weeks, an MAO inhibitor." },
  },
});

registerEnumType(PatientFactorKind, {
  name: "PatientFactorKind",
  description: "One factor of a safety statement.",
  valuesConfig: {
    AGE_AT_LEAST: { description: "ageYears ≥ value." },
    AGE_BELOW: { description: "ageYears < value." },
    PREGNANT: { description: "pregnant; from pregnancy week `value` when given." },
    BREASTFEEDING: { description: "breastfeeding." },
    EGFR_BELOW: { description: "egfr < value (also read as creatinine clearance)." },
    RISK: { description: "risks includes `risk`." },
    TAKING: {
      description:
        "currentTreatmentIds has at least `value` (default 1) of `treatmentIds`, or their members.",
    },
    OTHER: {
      description: "A factor the input cannot state (`text`): the statement is shown, never applied.",
    },
  },
});

@ObjectType("PatientFactor", { description: "One factor of a safety statement." })
export class PatientFactor {
  @Field(() => PatientFactorKind, { description: "What is compared." })
  kind!: PatientFactorKind;

  @Field(() => Float, { nullable: true, description: "Age, eGFR, pregnancy week or count, by kind." })
  value!: number | null;

  @Field(() => PatientRisk, { nullable: true, description: "For RISK." })
  risk!: PatientRisk | null;

  @Field(() => [ID], { nullable: true, description: "For TAKING: treatments or classes." })
  treatmentIds!: string[] | null;

  @Field(() => String, { nullable: true, description: "For OTHER: the factor in the source's words." })
  text!: string | null;
}

@ObjectType("PatientFactorGroup", { description: "Factors that must all hold (AND)." })
export class PatientFactorGroup {
  @Field(() => [PatientFactor], { description: "All of these." })
  factors!: PatientFactor[];
}

@ObjectType("Precaution", {
  implements: Node,
  description:
    "A cited safety statement (contraindication, avoid, precaution or FDA boxed warning) about a treatment or class, " +
    "with the patient factors it names. Class statements pass down to members. Seeded from confirmed (V/V2) rows only.",
})
export class Precaution extends Node implements Partial<PrecautionNode> {
  @Field(() => PrecautionKind, { description: "Contraindication, avoid, precaution or boxed warning." })
  kind!: PrecautionKind;

  @Field({ description: "The statement, exact or a close paraphrase of the source." })
  statement!: string;

  @Field({ description: "The patient factor as the source states it." })
  factorText!: string;

  @Field(() => [String], {
    description: "The drugs it names when narrower than the treatment (e.g. ketorolac within oral NSAIDs).",
  })
  drugs!: string[];

  @Field(() => [ID], {
    description:
      "Treatments every drug of which it covers: only these can it exclude. Empty: it is shown, never applied.",
  })
  coversTreatmentIds!: string[];

  @Field(() => [ID], { description: "Members of the class it does not concern (e.g. topical NSAIDs)." })
  excludedMemberIds!: string[];

  @Field({ description: "The issuer and document." })
  source!: string;

  @Field(() => Int, { nullable: true, description: "The year of the statement, when the source gives one." })
  year!: number | null;

  @Field({ description: "The year as the reference gives it (e.g. 'BW 2005; current PI')." })
  yearText!: string;

  @Field(() => [String], { description: "Where it was read." })
  urls!: string[];

  @Field({ description: "The patient-safety reference's row id (P001–P063)." })
  refRow!: string;

  @Field(() => ConfirmationStatus, {
    description: "V: read in the issuer's own document; V2: secondary source.",
  })
  refStatus!: ConfirmationStatus;

  @Field({ description: "The reference marks it low quality: shown, never excludes." })
  lowQuality!: boolean;

  @Field({ description: "Scoped to adults: it does not count for anyone under 18." })
  adultsOnly!: boolean;

  @Field(() => [Phase], {
    description:
      "Phases where the source makes an exception (e.g. severe acute pain): shown there, not applied.",
  })
  exceptPhases!: Phase[];

  @Field(() => String, { nullable: true, description: "How PainGraph reads it, where that needs saying." })
  note!: string | null;
}
