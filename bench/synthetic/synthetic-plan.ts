/**
 * Pure, deterministic generator of a synthetic graph shaped like the curated one (same labels, relationship
 * types and properties, skewed fan-out), yielded as write-sized batches so 10^5 conditions stay in modest memory.
 */
import { icd10Display, icd10Key } from "../../src/model/codes";
import {
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
} from "../../src/model/enums";
import { strengthOf } from "../../src/model/strength.rules";
import {
  NODE_LABELS,
  RELATIONSHIP_TYPES,
  type GraphPlan,
  type NodeLabel,
  type NodeRow,
  type Props,
  type RelationshipRow,
  type RelationshipType,
} from "../../src/write-model/graph-plan";

/** Bump when the generator's output changes: a kept build is reused only when its version matches. */
export const SYNTHETIC_GENERATOR_VERSION = 1;
export const MAX_SYNTHETIC_CONDITIONS = 1_000_000;
export const DEFAULT_SYNTHETIC_SEED = 42;
// Fixed, not tied to the batch size: the same seed draws the same numbers whatever the batch size.
const CONDITIONS_PER_SECTION = 2_000;
const ROW_HASH = `synthetic-v${SYNTHETIC_GENERATOR_VERSION}`;
// Lomax (shifted Pareto) recommendations per condition: mean ≈ 8, about 0.5% of conditions with 100 or more.
const FAN_OUT = { scale: 6.3, shape: 1.8, max: 400 } as const;

export interface SyntheticOptions {
  conditions: number;
  seed: number;
}

export type SyntheticBatch = { conditionsDone: number } & (
  | { kind: "nodes"; label: NodeLabel; rows: NodeRow[] }
  | { kind: "relationships"; type: RelationshipType; rows: RelationshipRow[] }
);

export function syntheticChecksum({ conditions, seed }: SyntheticOptions): string {
  return `synthetic-${conditions}-${seed}-v${SYNTHETIC_GENERATOR_VERSION}`;
}

/** How many catalog nodes a build of that size holds. */
export function syntheticSizes(conditions: number) {
  return {
    treatments: Math.max(60, Math.round(conditions / 50)),
    guidelines: Math.max(20, Math.round(conditions / 200)),
    sources: Math.max(10, Math.round(conditions / 1000)),
  };
}

type Random = () => number;

/** mulberry32: a small, fast, seedable PRNG with values in [0, 1). */
function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(random: Random, values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
const chance = (random: Random, p: number) => random() < p;
export const syntheticId = (prefix: string, n: number, suffix = "") =>
  `${prefix}:synthetic-${String(n).padStart(6, "0")}${suffix}`;

/** Zipf-distributed indexes 0..count-1, ranks shuffled so the popular ones are spread over the ids. */
function zipf(random: Random, count: number, exponent: number): () => number {
  const cdf = new Float64Array(count);
  let total = 0;
  for (let rank = 0; rank < count; rank++) cdf[rank] = total += 1 / Math.pow(rank + 1, exponent);
  const byRank = Array.from({ length: count }, (_, index) => index);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [byRank[i], byRank[j]] = [byRank[j]!, byRank[i]!];
  }
  return () => {
    const target = random() * total;
    let [low, high] = [0, count - 1];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cdf[middle]! > target) high = middle;
      else low = middle + 1;
    }
    return byRank[low]!;
  };
}

function recommendationCount(random: Random): number {
  const draw = FAN_OUT.scale * (Math.pow(1 - random(), -1 / FAN_OUT.shape) - 1);
  return Math.min(FAN_OUT.max, 1 + Math.floor(draw));
}

// ICD-10-CM shape: a category (letter but U, digit, digit or A/B), a dot, then a 1–3 character suffix.
const LETTERS = "ABCDEFGHIJKLMNOPQRSTVWXYZ";
const SUFFIX_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTVWXYZ";
const CODE_SPACE = 3000 * (10 + 10 * 35 + 10 * 35 * 35);
const CODE_STRIDE = 1_000_003; // a prime coprime with CODE_SPACE: n → code is a bijection

/** The n-th code of a seed's sequence: distinct n (below CODE_SPACE) give distinct, well-formed codes. */
export function syntheticIcd10(n: number, seed: number): string {
  const scrambled = (n * CODE_STRIDE + (seed % CODE_SPACE)) % CODE_SPACE;
  const category = scrambled % 3000;
  const head = `${LETTERS[Math.floor(category / 120)]}${Math.floor(category / 12) % 10}${"0123456789AB"[category % 12]}`;
  let rest = Math.floor(scrambled / 3000);
  const length = rest < 10 ? 1 : rest < 360 ? 2 : 3;
  rest -= length === 1 ? 0 : length === 2 ? 10 : 360;
  let suffix = String(rest % 10);
  for (let i = 1, more = Math.floor(rest / 10); i < length; i++, more = Math.floor(more / 35))
    suffix += SUFFIX_CHARS[more % 35];
  return `${head}.${suffix}`;
}

/** Part of the plan: rows per label and type, yielded nodes first so every relationship's ends exist. */
class Fragment {
  readonly nodes = new Map<NodeLabel, NodeRow[]>();
  readonly relationships = new Map<RelationshipType, RelationshipRow[]>();

  node(label: NodeLabel, props: Props & { id: string }): string {
    if (!this.nodes.has(label)) this.nodes.set(label, []);
    this.nodes.get(label)!.push({ id: props.id, props: { ...props, synthetic: true }, hash: ROW_HASH });
    return props.id;
  }

  rel(type: RelationshipType, from: string, to: string, props: Props = {}): void {
    if (!this.relationships.has(type)) this.relationships.set(type, []);
    this.relationships.get(type)!.push({ from, to, props, hash: ROW_HASH });
  }

  *batches(size: number, conditionsDone: number): Generator<SyntheticBatch> {
    for (const label of NODE_LABELS)
      for (const rows of chunks(this.nodes.get(label) ?? [], size))
        yield { kind: "nodes", label, rows, conditionsDone };
    for (const type of RELATIONSHIP_TYPES)
      for (const rows of chunks(this.relationships.get(type) ?? [], size))
        yield { kind: "relationships", type, rows, conditionsDone };
  }
}

function* chunks<T>(rows: T[], size: number): Generator<T[]> {
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}

interface GuidelineRef {
  id: string;
  short: string;
  scheme: GradingScheme;
  gradingSystem: string;
}
interface Catalog {
  fragment: Fragment;
  groups: string[];
  sources: string[];
  disciplines: string[];
  professions: string[];
  treatments: Array<{ id: string; name: string }>;
  guidelines: GuidelineRef[];
  nextTreatment: () => number;
  nextGuideline: () => number;
}

const MODALITIES = [
  { name: "Medications", invasiveness: [0, 0] },
  { name: "Physical therapy", invasiveness: [0, 0] },
  { name: "Psychological therapies", invasiveness: [0, 0] },
  { name: "Interventional procedures", invasiveness: [1, 2] },
  { name: "Surgery", invasiveness: [3, 3] },
  { name: "Neuromodulation", invasiveness: [1, 3] },
  { name: "Complementary therapies", invasiveness: [0, 1] },
  { name: "Self-management", invasiveness: [0, 0] },
] as const;
const words = (list: string) => list.split("|");
const DRUG_STEMS = words("Gaba|Dulo|Lido|Napro|Keto|Trama|Pregaba|Milna|Cele|Amitri");
const DRUG_ENDINGS = words("pentin|xetine|caine|fen|rolac|dol|coxib|cipran|ptyline|zepam");
const TECHNIQUES = words("Graded|Targeted|Intensive|Guided|Pulsed|Supervised|Combined|Brief");
const DISCIPLINES = words("Anesthesiology|Physiatry|Neurology|Rheumatology|Psychiatry|Orthopedics");
const PROFESSIONS = words("Physical therapists|Psychologists|Nurses|Pharmacists|Occupational therapists");
const PUBLISHERS = words("ACP|NICE|CDC|EULAR|AAN|ASIPP|VA/DoD|EFIC|CPS|IASP");
const JURISDICTIONS = Object.values(Jurisdiction);
const QUALIFIERS = words("Chronic|Acute|Recurrent|Post-surgical|Neuropathic|Inflammatory|Myofascial");
const SITES = words("lumbar|cervical|thoracic|knee|hip|shoulder|pelvic|abdominal|facial|foot");
const FORMS = words("pain|pain syndrome|neuralgia|arthropathy|tendinopathy|radiculopathy|myalgia");
const POPULATIONS = words("adults ≥18|older adults ≥65|outpatient adults|adults with comorbid depression");

/** A grading scheme, repeated by weight (rough share among the curated guidelines), with raw grades per direction. */
const scheme = (scheme: GradingScheme, weight: number, system: string, grades: Record<Direction, string>) =>
  Array.from({ length: weight }, () => ({
    scheme,
    system,
    grades: { FOR: words(grades.FOR), AGAINST: words(grades.AGAINST), NEUTRAL: words(grades.NEUTRAL) },
  }));
const SCHEMES = [
  ...scheme(GradingScheme.GRADE, 4, "GRADE strong/conditional", {
    FOR: "Strong for|Conditional for|Weak for (Ib, A)",
    AGAINST: "Strong against|Conditional against",
    NEUTRAL: "evidence statement",
  }),
  ...scheme(GradingScheme.NICE_WORDING, 2, "NICE wording (offer / consider / do not offer)", {
    FOR: 'NICE "offer"|NICE "consider"',
    AGAINST: 'NICE "do not offer"|NICE "do not routinely offer"',
    NEUTRAL: 'NICE "consider"',
  }),
  ...scheme(GradingScheme.AAN_LEVEL, 2, "AAN Level A/B/C", {
    FOR: "Level A|Level B|Level C",
    AGAINST: "Level A|Level B",
    NEUTRAL: "Level U",
  }),
  ...scheme(GradingScheme.CDC_CATEGORY, 1, "Category A/B + evidence type 1–4", {
    FOR: "Category A, evidence type 2|Category B, evidence type 3",
    AGAINST: "Category A, evidence type 4",
    NEUTRAL: "Category B, evidence type 4",
  }),
  ...scheme(GradingScheme.ACP, 1, "ACP: strong/weak; evidence high/moderate/low", {
    FOR: "Strong recommendation, low-quality evidence|Weak recommendation, moderate-quality",
    AGAINST: "Strong recommendation, moderate-quality evidence",
    NEUTRAL: "evidence statement",
  }),
  ...scheme(GradingScheme.CONSENSUS, 1, "consensus", {
    FOR: "consensus (no grade)",
    AGAINST: "consensus (no grade)",
    NEUTRAL: "consensus",
  }),
];
const GRADES = new Map(SCHEMES.map((entry) => [entry.scheme, entry.grades]));
const OTHER_KINDS = Object.values(RecommendationKind).filter((k) => k !== RecommendationKind.RECOMMENDATION);

function planCatalog(random: Random, conditions: number): Catalog {
  const fragment = new Fragment();
  const sizes = syntheticSizes(conditions);
  const groups = Array.from({ length: 7 }, (_, i) =>
    fragment.node("ConditionGroup", {
      id: syntheticId("group", i + 1),
      name: `Synthetic condition group ${i + 1}`,
      description: `Synthetic umbrella group ${i + 1} for benchmarks.`,
      articleOrder: i + 1,
    }),
  );
  const sources = Array.from({ length: sizes.sources }, (_, i) =>
    fragment.node("Source", {
      id: syntheticId("source", i + 1),
      refId: `SYNSRC${i + 1}`,
      title: `Synthetic survey ${i + 1} of pain in adults`,
      year: int(random, 2000, 2025),
      status: pick(random, [ConfirmationStatus.V, ConfirmationStatus.V2]),
    }),
  );
  const treatments = planTreatments(random, fragment, sizes.treatments);
  const care = planCare(random, fragment, treatments, sources);
  const guidelines = planGuidelines(random, fragment, sizes.guidelines);
  planFacts(random, fragment, sources);
  return {
    fragment,
    groups,
    sources,
    ...care,
    treatments,
    guidelines,
    nextTreatment: zipf(random, treatments.length, 1.0),
    nextGuideline: zipf(random, guidelines.length, 0.8),
  };
}

function planTreatments(random: Random, fragment: Fragment, count: number) {
  const modalities = MODALITIES.map(({ name }, i) =>
    fragment.node("Modality", {
      id: syntheticId("modality", i + 1),
      name: `${name} (synthetic)`,
      description: `Synthetic treatment modality: ${name.toLowerCase()}.`,
      articleExamples: [],
      fromArticle: false,
    }),
  );
  const treatments = Array.from({ length: count }, (_, i) => {
    const modality = chance(random, 0.45) ? 0 : int(random, 1, MODALITIES.length - 1);
    const { name: modalityName, invasiveness } = MODALITIES[modality]!;
    const name =
      modality === 0
        ? `${pick(random, DRUG_STEMS)}${pick(random, DRUG_ENDINGS)} ${i + 1}`
        : `${pick(random, TECHNIQUES)} ${modalityName.toLowerCase()} ${i + 1}`;
    const id = fragment.node("Treatment", {
      id: syntheticId("treatment", i + 1),
      name,
      aliases: [],
      aliasesText: "",
      description: `Synthetic treatment ${i + 1} (${modalityName.toLowerCase()}).`,
      examples: [],
      opioid: modality === 0 && chance(random, 0.15),
      invasivenessMin: invasiveness[0],
      invasivenessMax: invasiveness[1],
      isClass: chance(random, 0.08),
    });
    fragment.rel("HAS_MODALITY", id, modalities[modality]!);
    if (chance(random, 0.15))
      fragment.rel("HAS_MODALITY", id, modalities[(modality + 1) % modalities.length]!);
    return { id, name };
  });
  const classes = fragment.nodes
    .get("Treatment")!
    .filter((row) => row.props.isClass)
    .map((row) => row.id);
  for (const row of fragment.nodes.get("Treatment")!)
    if (!row.props.isClass && classes.length > 0 && chance(random, 0.25))
      fragment.rel("MEMBER_OF", row.id, pick(random, classes));
  // Every tenth treatment carries a boxed warning (no random draw, so the rest of the plan is unchanged).
  treatments
    .filter((_, i) => i % 10 === 0)
    .forEach(({ id }, i) => {
      const precaution = fragment.node("Precaution", {
        id: syntheticId("precaution", i + 1),
        refRow: "P001",
        refStatus: ConfirmationStatus.V,
        kind: "BOXED_WARNING",
        treatmentId: id,
        excludedMemberIds: [],
        drugs: [],
        coversTreatmentIds: [],
        factorText: "Synthetic: applies to all patients",
        factorGroupsJson: "[]",
        statement: `Synthetic boxed warning ${i + 1}.`,
        source: "Synthetic source",
        yearText: "synthetic",
        urls: [],
        lowQuality: false,
        adultsOnly: false,
        exceptPhases: [],
      });
      fragment.rel("CONCERNS", precaution, id);
    });
  return treatments;
}

function planCare(random: Random, fragment: Fragment, treatments: Array<{ id: string }>, sources: string[]) {
  const provider = (label: "Discipline" | "Profession", prefix: string) => (name: string, i: number) => {
    const id = fragment.node(label, {
      id: syntheticId(prefix, i + 1),
      name: `${name} (synthetic)`,
      aliases: [],
      aliasesText: "",
      description: `Synthetic care provider: ${name.toLowerCase()}.`,
      fromArticle: false,
    });
    fragment.rel("CITES", id, pick(random, sources));
    return id;
  };
  const disciplines = DISCIPLINES.slice(0, int(random, 3, 6)).map(provider("Discipline", "discipline"));
  const professions = PROFESSIONS.map(provider("Profession", "profession"));
  const convention = { basis: LinkBasis.CONVENTION, sourceIds: [] };
  const providers = [...disciplines, ...professions];
  for (const treatment of treatments) {
    const start = int(random, 0, providers.length - 1);
    const count = int(random, 1, 3);
    for (let k = 0; k < count; k++)
      fragment.rel("DELIVERS", providers[(start + k * 2) % providers.length]!, treatment.id, convention);
  }
  for (const discipline of disciplines) {
    const start = int(random, 0, professions.length - 1);
    for (const k of [0, 1])
      fragment.rel("WORKS_WITH", discipline, professions[(start + k) % professions.length]!, convention);
  }
  return { disciplines, professions };
}

function planGuidelines(random: Random, fragment: Fragment, count: number): GuidelineRef[] {
  const guidelines = Array.from({ length: count }, (_, i) => {
    const { scheme, system } = pick(random, SCHEMES);
    const publisher = pick(random, PUBLISHERS);
    const year = int(random, 1998, 2025);
    const id = fragment.node("Guideline", {
      id: syntheticId("guideline", i + 1),
      refId: `SYN${i + 1}`,
      title: `Synthetic ${publisher} guideline ${i + 1} on the management of pain`,
      publisher,
      year,
      ...(chance(random, 0.3) ? { url: `https://example.org/synthetic/guideline-${i + 1}` } : {}),
      ...(chance(random, 0.6) ? { doi: `10.5555/synthetic.${i + 1}` } : {}),
      gradingSystem: system,
      gradingScheme: scheme,
      documentType:
        scheme === GradingScheme.CONSENSUS ? DocumentType.CONSENSUS_STATEMENT : DocumentType.GUIDELINE,
      jurisdiction: pick(random, JURISDICTIONS),
      status: pick(random, [ConfirmationStatus.V, ConfirmationStatus.V2]),
    });
    return { id, short: `${publisher} ${year} (synthetic ${i + 1})`, scheme, gradingSystem: system };
  });
  guidelines.forEach((guideline, i) => {
    if (i < count - 1 && chance(random, 0.08))
      fragment.rel(
        "SUPERSEDED_BY",
        guideline.id,
        guidelines[int(random, i + 1, Math.min(count - 1, i + 5))]!.id,
      );
  });
  return guidelines;
}

function planFacts(random: Random, fragment: Fragment, sources: string[]): void {
  for (let m = 1; m <= 3; m++) {
    const myth = fragment.node("Myth", {
      id: syntheticId("myth", m),
      myth: `Synthetic myth ${m} about pain specialists`,
      verdict: m === 3 ? MythVerdict.PARTLY_TRUE : MythVerdict.FALSE,
      correction: `Synthetic correction of myth ${m}.`,
    });
    for (const position of [1, 2]) {
      const fact = fragment.node("MythFact", {
        id: syntheticId("mythfact", m, `-${position}`),
        text: `Synthetic fact ${position} correcting myth ${m}.`,
        status: ConfirmationStatus.V,
        position,
      });
      fragment.rel("HAS_FACT", myth, fact);
      fragment.rel("CITES", fact, pick(random, sources));
    }
  }
  for (let s = 1; s <= 5; s++) {
    const percent = Math.round(random() * 300) / 10;
    const id = fragment.node("Statistic", {
      id: syntheticId("statistic", s),
      year: int(random, 2010, 2025),
      metric: `Synthetic pain statistic ${s}`,
      value: `${percent}%`,
      percent,
      count: Math.round(percent * 2_580_000),
      population: "synthetic adults",
      status: ConfirmationStatus.V,
    });
    fragment.rel("CITES", id, pick(random, sources));
  }
}

interface Counters {
  codes: number;
  recommendations: number;
}

function planSection(
  random: Random,
  catalog: Catalog,
  first: number,
  last: number,
  counters: Counters,
  seed: number,
) {
  const fragment = new Fragment();
  for (let n = first; n <= last; n++) {
    const condition = planCondition(random, catalog, fragment, n, () =>
      syntheticIcd10(counters.codes++, seed),
    );
    const count = recommendationCount(random);
    for (let k = 1; k <= count; k++)
      planRecommendation(random, catalog, fragment, condition, k, ++counters.recommendations);
  }
  return fragment;
}

function planCondition(
  random: Random,
  catalog: Catalog,
  fragment: Fragment,
  n: number,
  nextCode: () => string,
) {
  const [qualifier, site, form] = [pick(random, QUALIFIERS), pick(random, SITES), pick(random, FORMS)];
  const name = `${qualifier} ${site} ${form} (synthetic ${n})`;
  const codes = Array.from({ length: random() < 0.55 ? 1 : random() < 0.67 ? 2 : 3 }, nextCode);
  const aliases = chance(random, 0.6) ? [`${site} ${form}`, `${qualifier.toLowerCase()} ${site} pain`] : [];
  const prevalence = chance(random, 0.3) ? pick(random, catalog.sources) : null;
  const id = fragment.node("Condition", {
    id: syntheticId("condition", n),
    name,
    aliases,
    aliasesText: aliases.join(" | "),
    description: `Synthetic condition ${n} for benchmarks: ${name.toLowerCase()}.`,
    category: pick(random, Object.values(ConditionCategory)),
    icd10Codes: codes,
    snomedCodes: [],
    parentIds: n > 1 && n % 20 === 0 ? [syntheticId("condition", n - 1)] : [],
    codesText: [...codes, ...codes.map(icd10Key)].join(" | "),
    ...(prevalence
      ? { prevalenceText: `About ${int(random, 1, 30)}% of adults.`, prevalenceStatus: ConfirmationStatus.V }
      : {}),
    status: pick(random, [ConfirmationStatus.V, ConfirmationStatus.V2]),
  });
  for (const code of codes) {
    const key = icd10Key(code);
    const codeId = `code:${CodeSystem.ICD10CM.toLowerCase()}-${key.toLowerCase()}`;
    fragment.node("Code", { id: codeId, system: CodeSystem.ICD10CM, code: icd10Display(code), key });
    fragment.rel("IDENTIFIES", codeId, id);
  }
  const group = int(random, 0, catalog.groups.length - 1);
  fragment.rel("IN_GROUP", id, catalog.groups[group]!);
  if (chance(random, 0.15))
    fragment.rel("IN_GROUP", id, catalog.groups[(group + int(random, 1, 6)) % catalog.groups.length]!);
  if (prevalence) fragment.rel("CITES", id, prevalence, { about: "prevalence" });
  // Every 20th condition is a kind of the one before it, as fibromyalgia is of chronic primary pain (no draw, so
  // the random sequence and every other choice stay as they were).
  if (n > 1 && n % 20 === 0) fragment.rel("KIND_OF", id, syntheticId("condition", n - 1));
  const convention = { basis: LinkBasis.CONVENTION, sourceIds: [] };
  fragment.rel("MANAGES", pick(random, catalog.disciplines), id, convention);
  if (chance(random, 0.4)) fragment.rel("MANAGES", pick(random, catalog.professions), id, convention);
  return { id, name, n };
}

function planRecommendation(
  random: Random,
  catalog: Catalog,
  fragment: Fragment,
  condition: { id: string; name: string; n: number },
  k: number,
  serial: number,
): void {
  const guideline = catalog.guidelines[catalog.nextGuideline()]!;
  const treatment = catalog.treatments[catalog.nextTreatment()]!;
  const roll = random();
  const direction = roll < 0.68 ? Direction.FOR : roll < 0.94 ? Direction.AGAINST : Direction.NEUTRAL;
  const kind = chance(random, 0.9) ? RecommendationKind.RECOMMENDATION : pick(random, OTHER_KINDS);
  const rawGrade = pick(random, GRADES.get(guideline.scheme)![direction]);
  const phase = pick(random, Object.values(Phase));
  const verb = { FOR: "recommends", AGAINST: "recommends against", NEUTRAL: "makes no recommendation on" };
  const id = fragment.node("Recommendation", {
    id: syntheticId("recommendation", condition.n, `-${k}`),
    refRow: `R${String((serial % 999) + 1).padStart(3, "0")}`,
    refStatus: pick(random, [ConfirmationStatus.V, ConfirmationStatus.V2]),
    direction,
    rawGrade,
    kind,
    ...(chance(random, 0.22)
      ? { lineOfTherapy: pick(random, [1, 1, 1, 2, 2, 3]), lineNote: "synthetic" }
      : {}),
    phases: chance(random, 0.8) || phase === Phase.ANY ? [phase] : [phase, Phase.ANY],
    ...(chance(random, 0.3) ? { population: pick(random, POPULATIONS) } : {}),
    prerequisites: [],
    adjunctOnly: chance(random, 0.02),
    statement: `${guideline.short} ${verb[direction]} ${treatment.name} for ${condition.name}.`,
    gradingSystem: guideline.gradingSystem,
    strength: strengthOf(guideline.scheme, rawGrade, kind),
  });
  fragment.rel("CITES", id, guideline.id);
  fragment.rel("ABOUT_TREATMENT", id, treatment.id);
  fragment.rel("FOR_CONDITION", id, condition.id);
}

function checkOptions({ conditions, seed }: SyntheticOptions): void {
  if (!Number.isInteger(conditions) || conditions < 1 || conditions > MAX_SYNTHETIC_CONDITIONS)
    throw new RangeError(
      `conditions must be an integer from 1 to ${MAX_SYNTHETIC_CONDITIONS} (got ${conditions})`,
    );
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new RangeError(`seed must be an integer from 0 to ${0xffffffff} (got ${seed})`);
}

/** The whole synthetic graph in batches of at most batchSize rows; a batch's rows are all one label or type. */
export function* syntheticBatches(options: SyntheticOptions, batchSize = 5_000): Generator<SyntheticBatch> {
  checkOptions(options);
  const random = seededRandom(options.seed);
  const catalog = planCatalog(random, options.conditions);
  yield* catalog.fragment.batches(batchSize, 0);
  const counters: Counters = { codes: 0, recommendations: 0 };
  for (let first = 1; first <= options.conditions; first += CONDITIONS_PER_SECTION) {
    const last = Math.min(options.conditions, first + CONDITIONS_PER_SECTION - 1);
    yield* planSection(random, catalog, first, last, counters, options.seed).batches(batchSize, last);
  }
}

/** The whole synthetic graph at once, as a GraphPlan: for tests and small sizes. */
export function syntheticPlan(options: SyntheticOptions): GraphPlan {
  const plan: GraphPlan = {
    nodes: Object.fromEntries(NODE_LABELS.map((label) => [label, []])) as unknown as GraphPlan["nodes"],
    relationships: Object.fromEntries(
      RELATIONSHIP_TYPES.map((type) => [type, []]),
    ) as unknown as GraphPlan["relationships"],
  };
  for (const batch of syntheticBatches(options, Number.MAX_SAFE_INTEGER)) {
    const target: Array<NodeRow | RelationshipRow> =
      batch.kind === "nodes" ? plan.nodes[batch.label] : plan.relationships[batch.type];
    for (const row of batch.rows) target.push(row);
  }
  return plan;
}
