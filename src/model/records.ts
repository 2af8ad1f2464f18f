/**
 * Field rules for every record the graph holds, as class-validator classes. The seed loader validates the
 * seed files with them, and the write API's inputs reuse them: one set of rules, not two.
 * Folder model/ (repositories layer): vocabularies, records and rules shared by reads and writes; imports nothing above it.
 */
import {
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
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
  EvidenceQuality,
  Phase,
  RecommendationKind,
  TherapyLine,
  TreatmentIntent,
  SynonymKind,
} from "./enums";

/** type:slug — lowercase letters, digits and hyphens after the type prefix. */
export const idPattern = (prefix: string) => new RegExp(`^${prefix}:[a-z0-9]+(-[a-z0-9]+)*$`);
const ANY_SOURCE_ID = /^(source|guideline):[a-z0-9]+(-[a-z0-9]+)*$/;
/** A guideline row (R001) or a row of the reference's December 2026 addendum (A01). */
const REF_ROW = /^(R[0-9]{3}|A[0-9]{2})$/;

/** An ICHD-3 overuse threshold of medication-overuse headache, with its patient-safety row. */
export class OveruseThresholdRecord {
  @Matches(/^P[0-9]{3}$/) refRow!: string;
  @IsEnum(ConfirmationStatus) status!: ConfirmationStatus;
  @IsString() @MinLength(3) medication!: string;
  @IsInt() @Min(1) @Max(31) daysPerMonth!: number;
  @IsInt() @Min(1) @Max(24) months!: number;
  @IsString() @MinLength(10) statement!: string;
}

export class ConditionGroupRecord {
  @Matches(idPattern("group")) id!: string;
  @IsString() @MinLength(3) @MaxLength(120) name!: string;
  @IsString() @MinLength(10) description!: string;
  @IsInt() @Min(1) @Max(7) articleOrder!: number;
}

export class PrevalenceRecord {
  @IsString() @MinLength(5) text!: string;
  @IsArray() @ArrayNotEmpty() @Matches(ANY_SOURCE_ID, { each: true }) sourceIds!: string[];
  @IsEnum(ConfirmationStatus) status!: ConfirmationStatus;
}

export class ConditionRecord {
  @Matches(idPattern("condition")) id!: string;
  @IsOptional() @Matches(/^C[0-9]{2}$/) refId?: string | null;
  @IsString() @MinLength(3) @MaxLength(160) name!: string;
  @IsArray() @IsString({ each: true }) @MinLength(2, { each: true }) aliases!: string[];
  @IsString() @MinLength(10) description!: string;
  @IsEnum(ConditionCategory) category!: ConditionCategory;
  @IsArray() @IsString({ each: true }) icd10Codes!: string[];
  @IsArray() @IsString({ each: true }) snomedCodes!: string[];
  @IsArray() @Matches(idPattern("group"), { each: true }) groupIds!: string[];
  @IsOptional() prevalence?: PrevalenceRecord | null;
  @IsEnum(ConfirmationStatus) status!: ConfirmationStatus;
  /** Broader conditions this one is a kind of (fibromyalgia is a chronic primary pain): their statements reach it. */
  @IsOptional() @IsArray() @Matches(idPattern("condition"), { each: true }) parentIds?: string[];
  /** Treated two ways, acute (an attack) or preventive: migraine, cluster and tension-type headache. */
  @IsOptional() @IsBoolean() attackDisorder?: boolean;
  /** Generic codes under which the condition may be filed but which do not identify it (searchable only). */
  @IsOptional() @IsArray() @IsString({ each: true }) relatedCodes?: string[];
  @IsOptional() @IsArray() overuseThresholds?: OveruseThresholdRecord[];
}

export class ModalityRecord {
  @Matches(idPattern("modality")) id!: string;
  @IsString() @MinLength(3) name!: string;
  @IsString() @MinLength(10) description!: string;
  @IsArray() @IsString({ each: true }) articleExamples!: string[];
  @IsBoolean() fromArticle!: boolean;
}

export class TreatmentRecord {
  @Matches(idPattern("treatment")) id!: string;
  @IsOptional() @Matches(/^T[0-9]{2}$/) refId?: string | null;
  @IsString() @MinLength(2) @MaxLength(160) name!: string;
  @IsArray() @IsString({ each: true }) aliases!: string[];
  @IsString() @MinLength(10) description!: string;
  @IsArray() @IsString({ each: true }) examples!: string[];
  @IsBoolean() opioid!: boolean;
  @IsInt() @Min(0) @Max(3) invasivenessMin!: number;
  @IsInt() @Min(0) @Max(3) invasivenessMax!: number;
  @IsArray() @Matches(idPattern("modality"), { each: true }) modalityIds!: string[];
  @IsBoolean() isClass!: boolean;
  @IsArray() @Matches(idPattern("treatment"), { each: true }) memberOfIds!: string[];
}

export class CareProviderRecord {
  @Matches(/^(discipline|profession):[a-z0-9]+(-[a-z0-9]+)*$/) id!: string;
  @IsString() @MinLength(3) name!: string;
  @IsArray() @IsString({ each: true }) aliases!: string[];
  @IsString() @MinLength(10) description!: string;
  @IsBoolean() fromArticle!: boolean;
  @IsArray() @Matches(ANY_SOURCE_ID, { each: true }) sourceIds!: string[];
}

export class CareLinkRecord {
  @Matches(/^(discipline|profession):/) from!: string;
  @IsEnum(CareLinkType) type!: CareLinkType;
  @IsString() to!: string;
  @IsEnum(LinkBasis) basis!: LinkBasis;
  @IsArray() @Matches(ANY_SOURCE_ID, { each: true }) sourceIds!: string[];
  @IsOptional() @IsString() note?: string | null;
}

export class GuidelineRecord {
  @Matches(idPattern("guideline")) id!: string;
  @IsString() @MinLength(2) refId!: string;
  @IsString() @MinLength(5) title!: string;
  @IsString() @MinLength(2) publisher!: string;
  @IsInt() @Min(1950) @Max(2100) year!: number;
  @IsOptional() @IsString() url?: string | null;
  @IsOptional() @Matches(/^10\.\d{4,9}\/\S+$/) doi?: string | null;
  @IsString() gradingSystem!: string;
  @IsEnum(GradingScheme) gradingScheme!: GradingScheme;
  @IsEnum(DocumentType) documentType!: DocumentType;
  @IsEnum(Jurisdiction) jurisdiction!: Jurisdiction;
  @IsOptional() @Matches(idPattern("guideline")) supersededById?: string | null;
  @IsEnum(ConfirmationStatus) status!: ConfirmationStatus;
}

export class SourceRecord {
  @Matches(idPattern("source")) id!: string;
  /** The reference's §1 id; null for the few sources cited only inside a row. */
  @IsOptional() @IsString() @MinLength(2) refId?: string | null;
  @IsString() @MinLength(5) title!: string;
  @IsOptional() @IsInt() @Min(1950) @Max(2100) year?: number | null;
  @IsOptional() @IsString() url?: string | null;
  @IsOptional() @Matches(/^10\.\d{4,9}\/\S+$/) doi?: string | null;
  @IsEnum(ConfirmationStatus) status!: ConfirmationStatus;
}

export class RecommendationRecord {
  @Matches(idPattern("recommendation")) id!: string;
  @Matches(REF_ROW) refRow!: string;
  @IsEnum(ConfirmationStatus) refStatus!: ConfirmationStatus;
  @Matches(idPattern("guideline")) guidelineId!: string;
  @Matches(idPattern("treatment")) treatmentId!: string;
  @Matches(idPattern("condition")) conditionId!: string;
  @IsEnum(Direction) direction!: Direction;
  @IsString() @MaxLength(200) rawGrade!: string;
  @IsEnum(RecommendationKind) kind!: RecommendationKind;
  @IsOptional() @IsInt() @Min(1) @Max(5) lineOfTherapy?: number | null;
  @IsOptional() @IsString() lineNote?: string | null;
  @IsArray() @ArrayNotEmpty() @IsEnum(Phase, { each: true }) phases!: Phase[];
  @IsOptional() @IsString() population?: string | null;
  @IsArray() @IsString({ each: true }) prerequisites!: string[];
  @IsBoolean() adjunctOnly!: boolean;
  @IsString() @MinLength(10) statement!: string;
  @IsOptional() @IsEnum(TherapyLine) line?: TherapyLine | null;
  /** Treatments this one follows (after their failure, or as their adjunct), as the statement names them. */
  @IsOptional() @IsArray() @Matches(idPattern("treatment"), { each: true }) followsTreatmentIds?: string[];
  /** Only after non-opioid therapy (CDC 2022 Rec 1 and 2). */
  @IsOptional() @IsBoolean() followsNonOpioids?: boolean;
  /** Members of the treated class that the statement leaves out ("opioids other than tramadol"). */
  @IsOptional() @IsArray() @Matches(idPattern("treatment"), { each: true }) excludedMemberIds?: string[];
  @IsOptional() @IsEnum(EvidenceQuality) evidenceQuality?: EvidenceQuality | null;
  @IsOptional() @IsEnum(TreatmentIntent) intent?: TreatmentIntent | null;
  /** The statement that replaces this one (supersession is per statement, not per guideline). */
  @IsOptional() @Matches(idPattern("recommendation")) supersededById?: string | null;
  /** A narrower population than the condition (e.g. spinal stenosis within sciatica); it does not count for all of it. */
  @IsOptional() @IsString() @MinLength(3) subpopulation?: string | null;
  /** The youngest age the statement covers (CDC 2022: adults; NICE: 16 and over). */
  @IsOptional() @IsInt() @Min(0) @Max(120) minAgeYears?: number | null;
}

export class MythFactRecord {
  @IsString() @MinLength(10) text!: string;
  @IsArray() @ArrayNotEmpty() @Matches(ANY_SOURCE_ID, { each: true }) sourceIds!: string[];
  @IsIn(["V", "V2", "DERIVED"]) status!: "V" | "V2" | "DERIVED";
}

export class MythRecord {
  @Matches(idPattern("myth")) id!: string;
  @IsString() @MinLength(5) myth!: string;
  @IsEnum(MythVerdict) verdict!: MythVerdict;
  @IsString() @MinLength(10) correction!: string;
  @IsOptional() @IsString() nuance?: string | null;
  @IsArray() @ArrayNotEmpty() facts!: MythFactRecord[];
}

export class StatisticRecord {
  @Matches(idPattern("statistic")) id!: string;
  @IsInt() @Min(1950) @Max(2100) year!: number;
  @IsString() @MinLength(3) metric!: string;
  @IsString() @MinLength(1) value!: string;
  @ValidateIf((_, value) => value !== null) @IsNumber() @Min(0) @Max(100) percent!: number | null;
  @ValidateIf((_, value) => value !== null) @IsInt() @Min(0) count!: number | null;
  @IsString() population!: string;
  @IsOptional() @IsString() definition?: string | null;
  @Matches(ANY_SOURCE_ID) sourceId!: string;
  @IsEnum(ConfirmationStatus) status!: ConfirmationStatus;
}

/** A reference row or source id (R091, P051, C03, FDA-SCS-PDN), a drug label ("label:…"), or "curated". */
export const SYNONYM_SOURCE = /^([A-Z][A-Z0-9]*(-[A-Z0-9]+)*|label:.{3,}|curated)$/;

export class SynonymRecord {
  @IsString() @MinLength(2) @MaxLength(80) term!: string;
  @IsEnum(SynonymKind) kind!: SynonymKind;
  @Matches(SYNONYM_SOURCE) source!: string;
  /** Why a curated synonym is right; required when source is "curated". */
  @ValidateIf((record: SynonymRecord) => record.source === "curated")
  @IsString()
  @MinLength(5)
  reason?: string | null;
}

/** The search vocabulary of one entity: its curated synonyms by kind, each with its source. */
export class EntitySynonymsRecord {
  @Matches(/^(condition|treatment):[a-z0-9]+(-[a-z0-9]+)*$/) entityId!: string;
  @IsArray() @ArrayNotEmpty() synonyms!: SynonymRecord[];
}
