/** PatientInput: the person's factors for one ranking. Health data: accepted only in a POST body, never cached or logged. */
import { Field, Float, ID, InputType, Int } from "type-graphql";
import { PatientRisk } from "../model/enums";

@InputType("PatientInput", {
  description:
    "Factors of the person the ranking is for. They only remove treatments (CONTRAINDICATED, AVOID_FOR_PATIENT) or " +
    "add precautions; they never reorder the rest. Health data: send it only in a POST body (a GET carrying it is " +
    "refused), as variables; an answer to it is never cached and is sent Cache-Control: private, no-store.",
})
export class PatientInput {
  @Field(() => Int, {
    nullable: true,
    description: "Age in whole years (0–130). Under 18, statements scoped to adults do not count.",
  })
  ageYears?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Pregnant. Without pregnancyWeek, every pregnancy statement applies.",
  })
  pregnant?: boolean | null;

  @Field(() => Int, { nullable: true, description: "Week of pregnancy (0–45); needs pregnant: true." })
  pregnancyWeek?: number | null;

  @Field(() => Boolean, { nullable: true, description: "Breastfeeding." })
  breastfeeding?: boolean | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "eGFR in mL/min/1.73 m² (0–200); it also stands in for creatinine clearance. Below 60 counts as chronic " +
      "kidney disease.",
  })
  egfr?: number | null;

  @Field(() => [PatientRisk], { nullable: true, description: "Risks that apply to the person." })
  risks?: PatientRisk[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: "Treatments the person already takes (e.g. treatment:benzodiazepines); each must exist.",
  })
  currentTreatmentIds?: string[] | null;
}
