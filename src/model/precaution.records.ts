/**
 * Safety statements (seed/data/precautions.json): one record per reference row, kind and treatment node, with the
 * patient factors stored as the source combines them: an OR of AND-groups.
 */
import {
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from "class-validator";
import { ConfirmationStatus, PatientFactorKind, PatientRisk, Phase, PrecautionKind } from "./enums";
import { idPattern } from "./records";

/**
 * One condition of a statement. AGE_AT_LEAST/AGE_BELOW/EGFR_BELOW use value; PREGNANT may give value as the
 * first pregnancy week it applies from; RISK names a risk; TAKING names treatments (or their classes) the person
 * takes, at least `value` of them (default 1); OTHER is a factor the input cannot state, kept as text.
 */
export class PatientFactorRecord {
  @IsEnum(PatientFactorKind) kind!: PatientFactorKind;
  @ValidateIf((f: PatientFactorRecord) =>
    [PatientFactorKind.AGE_AT_LEAST, PatientFactorKind.AGE_BELOW, PatientFactorKind.EGFR_BELOW].includes(
      f.kind,
    ),
  )
  @IsNumber()
  @Min(0)
  @Max(200)
  value?: number | null;
  @ValidateIf((f: PatientFactorRecord) => f.kind === PatientFactorKind.RISK)
  @IsEnum(PatientRisk)
  risk?: PatientRisk | null;
  @ValidateIf((f: PatientFactorRecord) => f.kind === PatientFactorKind.TAKING)
  @IsArray()
  @Matches(idPattern("treatment"), { each: true })
  treatmentIds?: string[] | null;
  @ValidateIf((f: PatientFactorRecord) => f.kind === PatientFactorKind.OTHER)
  @IsString()
  @MinLength(3)
  text?: string | null;
}

export class PrecautionRecord {
  @Matches(idPattern("precaution")) id!: string;
  /** The patient-safety reference's row (P001–P063). */
  @Matches(/^P[0-9]{3}$/) refRow!: string;
  @IsEnum(ConfirmationStatus) refStatus!: ConfirmationStatus;
  @IsEnum(PrecautionKind) kind!: PrecautionKind;
  /** The treatment or class it is filed on; class statements pass down to members. */
  @Matches(idPattern("treatment")) treatmentId!: string;
  /** Members of the class the statement does not concern (e.g. topical NSAIDs for a systemic-NSAID label). */
  @IsArray() @Matches(idPattern("treatment"), { each: true }) excludedMemberIds!: string[];
  /** The drugs the statement names, when narrower than the node (ketorolac within oral NSAIDs). */
  @IsArray() @IsString({ each: true }) drugs!: string[];
  /** The node and members every drug of which the statement covers: only these can it exclude. */
  @IsArray() @Matches(idPattern("treatment"), { each: true }) coversTreatmentIds!: string[];
  /** The reference's own words for the factor. */
  @IsString() @MinLength(3) factorText!: string;
  /** OR of AND-groups; empty: it concerns everyone who takes the treatment. */
  @IsArray() factorGroups!: PatientFactorRecord[][];
  @IsString() @MinLength(10) statement!: string;
  @IsString() @MinLength(3) @MaxLength(300) source!: string;
  @IsOptional() @IsInt() @Min(1950) @Max(2100) year?: number | null;
  /** The year as the reference gives it ("BW 2005; current PI"). */
  @IsString() @MinLength(1) yearText!: string;
  @IsArray() @IsString({ each: true }) urls!: string[];
  /** The reference marks it low quality: shown, never excludes. */
  @IsBoolean() lowQuality!: boolean;
  /** Scoped to adults (e.g. CDC 2022): does not count for anyone under 18. */
  @IsBoolean() adultsOnly!: boolean;
  /** Phases where the source makes an exception ("except severe acute pain"): there it is shown, not applied. */
  @IsArray() @IsEnum(Phase, { each: true }) exceptPhases!: Phase[];
  @IsOptional() @IsString() note?: string | null;
}
