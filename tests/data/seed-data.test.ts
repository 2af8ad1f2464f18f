/** Checks the seed JSON files against the curation rules (no database): counts, coverage, codes, conflicts, references. */
import * as fs from "fs";
import * as path from "path";

const DATA_DIR = path.resolve(__dirname, "../../seed/data");
const PROVENANCE = path.resolve(__dirname, "../../seed/provenance.json");

interface Named {
  id: string;
  name: string;
}
interface Condition extends Named {
  refId: string;
  icd10Codes: string[];
  groupIds: string[];
  prevalence: { sourceIds: string[] } | null;
}
interface Treatment extends Named {
  isClass: boolean;
  modalityIds: string[];
  memberOfIds: string[];
  invasivenessMin: number;
  invasivenessMax: number;
}
interface CareProvider extends Named {
  aliases: string[];
  sourceIds: string[];
}
interface CareLink {
  from: string;
  type: "DELIVERS" | "MANAGES" | "WORKS_WITH";
  to: string;
  basis: string;
  sourceIds: string[];
}
interface Guideline extends Named {
  supersededById: string | null;
}
interface Recommendation {
  id: string;
  refRow: string;
  refStatus: string;
  guidelineId: string;
  treatmentId: string;
  conditionId: string;
  direction: string;
  rawGrade: string;
  kind: string;
  lineOfTherapy: number | null;
  phases: string[];
}

function load<T>(file: string): T[] {
  return JSON.parse(fs.readFileSync(path.join(DATA_DIR, file), "utf8")) as T[];
}

const groups = load<Named & { articleOrder: number }>("condition-groups.json");
const conditions = load<Condition>("conditions.json");
const modalities = load<Named & { articleExamples: string[] }>("modalities.json");
const treatments = load<Treatment>("treatments.json");
const disciplines = load<CareProvider>("disciplines.json");
const professions = load<CareProvider>("professions.json");
const careLinks = load<CareLink>("care-links.json");
const guidelines = load<Guideline>("guidelines.json");
const sources = load<{ id: string }>("sources.json");
const recommendations = load<Recommendation>("recommendations.json");
const myths = load<{ id: string; facts: { sourceIds: string[] }[] }>("myths.json");
const statistics = load<{ id: string; sourceId: string }>("statistics.json");
interface Precaution {
  id: string;
  refRow: string;
  refStatus: string;
  kind: string;
  treatmentId: string;
  coversTreatmentIds: string[];
  lowQuality: boolean;
  factorGroups: { kind: string }[][];
}
const precautions = load<Precaution>("precautions.json");

const idsOf = (records: { id: string }[]): Set<string> => new Set(records.map((record) => record.id));
const citable = idsOf([...sources, ...guidelines]);
const providers = idsOf([...disciplines, ...professions]);
const overlaps = (a: string[], b: string[]): boolean =>
  a.includes("ANY") || b.includes("ANY") || a.some((phase) => b.includes(phase));
const byName = (records: CareProvider[], word: string): CareProvider | undefined =>
  records.find((r) => [r.name, ...r.aliases].some((n) => n.toLowerCase().includes(word)));

interface ProvenanceRow {
  file: string;
  section: string;
  row: string;
  status: string;
}
interface Provenance {
  used: (ProvenanceRow & { records: string[] })[];
  excluded: (ProvenanceRow & { reason: string })[];
}

const provenance = JSON.parse(fs.readFileSync(PROVENANCE, "utf8")) as Provenance;
const GUIDELINES_FILE = "pain-guidelines.md";

/** Row ids of the guideline reference that seed/provenance.json records as unconfirmed (U) and left out. */
function uRowsInReference(): string[] {
  return provenance.excluded
    .filter((row) => row.file === GUIDELINES_FILE && row.status === "U")
    .map((row) => row.row);
}

describe("provenance (seed/provenance.json)", () => {
  const allIds = idsOf([
    ...groups,
    ...conditions,
    ...modalities,
    ...treatments,
    ...disciplines,
    ...professions,
    ...guidelines,
    ...sources,
    ...recommendations,
    ...myths,
    ...statistics,
    ...precautions,
  ]);
  const usedGuidelineRows = provenance.used.filter((row) => row.file === GUIDELINES_FILE);
  const recordsOfRow = (row: string): string[] =>
    usedGuidelineRows.filter((entry) => entry.row === row).flatMap((entry) => entry.records);

  it("names only records that exist, each used row with at least one", () => {
    for (const row of provenance.used) expect(row.records.length).toBeGreaterThan(0);
    expect(provenance.used.flatMap((row) => row.records).filter((id) => !allIds.has(id))).toEqual([]);
  });

  it("lists every reference row once, as used or as left out with a reason", () => {
    const keys = [...provenance.used, ...provenance.excluded].map((row) => `${row.file}#${row.row}`);
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
    for (const row of provenance.excluded) expect(row.reason.trim().length).toBeGreaterThan(0);
  });

  it("never records a used row as unconfirmed", () => {
    const statuses = new Set(provenance.used.map((row) => row.status));
    expect([...statuses].filter((status) => !["V", "V2", "ARTICLE"].includes(status))).toEqual([]);
  });

  it("traces every recommendation to the reference row it names, with that row's status", () => {
    const untraced = recommendations.filter((r) => !recordsOfRow(r.refRow).includes(r.id));
    expect(untraced.map((r) => r.id)).toEqual([]);
    const statusOf = new Map(usedGuidelineRows.map((row) => [row.row, row.status]));
    const weaker = recommendations.filter((r) => r.refStatus === "V2" && statusOf.get(r.refRow) !== "V2");
    expect(weaker.map((r) => r.id)).toEqual([]);
    const leftOut = new Set(provenance.excluded.map((row) => row.row));
    expect(recommendations.filter((r) => leftOut.has(r.refRow)).map((r) => r.id)).toEqual([]);
  });

  it("traces every condition, numbered treatment, guideline and registry source to its row", () => {
    const refd: { id: string; refId: string | null }[] = [
      ...conditions,
      ...load<{ id: string; refId: string | null }>("treatments.json"),
      ...load<{ id: string; refId: string | null }>("guidelines.json"),
      ...load<{ id: string; refId: string | null }>("sources.json"),
    ];
    const untraced = refd.filter((r) => r.refId !== null && !recordsOfRow(r.refId).includes(r.id));
    expect(untraced.map((r) => r.id)).toEqual([]);
  });
});

describe("seed data ids", () => {
  const files: [string, { id: string }[]][] = [
    ["group", groups],
    ["condition", conditions],
    ["modality", modalities],
    ["treatment", treatments],
    ["discipline", disciplines],
    ["profession", professions],
    ["guideline", guidelines],
    ["source", sources],
    ["recommendation", recommendations],
    ["myth", myths],
    ["statistic", statistics],
  ];

  it("prefixes every id with its type and a lowercase slug", () => {
    for (const [type, records] of files) {
      for (const { id } of records) expect(id).toMatch(new RegExp(`^${type}:[a-z0-9-]+$`));
    }
  });

  it("keeps every id unique across all files", () => {
    const all = files.flatMap(([, records]) => records.map((r) => r.id));
    expect(all.filter((id, i) => all.indexOf(id) !== i)).toEqual([]);
  });
});

describe("seed data counts", () => {
  it("holds at least 15 conditions with ICD-10-CM codes, covering C01–C18", () => {
    expect(conditions.filter((c) => c.icd10Codes.length > 0).length).toBeGreaterThanOrEqual(15);
    const expected = Array.from({ length: 18 }, (_, i) => `C${String(i + 1).padStart(2, "0")}`);
    expect(conditions.flatMap((c) => (c.refId ? [c.refId] : [])).sort()).toEqual(expected);
  });

  it("holds at least 40 treatments", () => {
    expect(treatments.length).toBeGreaterThanOrEqual(40);
  });

  it("holds at least 80 distinct guideline × treatment × condition × phases recommendations", () => {
    const keys = recommendations.map((r) =>
      [r.guidelineId, r.treatmentId, r.conditionId, [...r.phases].sort()].join("|"),
    );
    expect(new Set(keys).size).toBeGreaterThanOrEqual(80);
  });

  it("draws recommendations from at least 12 guidelines", () => {
    expect(new Set(recommendations.map((r) => r.guidelineId)).size).toBeGreaterThanOrEqual(12);
  });
});

describe("article coverage", () => {
  it("lists the seven condition groups in article order, each with a condition", () => {
    expect(
      [...groups].sort((a, b) => a.articleOrder - b.articleOrder).map((g) => g.name.toLowerCase()),
    ).toEqual([
      "chronic back and neck pain",
      "arthritis and joint pain",
      "fibromyalgia",
      "neuropathy",
      "migraines and headaches",
      "cancer-related pain",
      "post-surgical and injury pain",
    ]);
    for (const group of groups) expect(conditions.some((c) => c.groupIds.includes(group.id))).toBe(true);
  });

  it("lists the article's modalities with their examples", () => {
    const examples = (word: string): string[] =>
      modalities.find((m) => m.name.toLowerCase().includes(word))?.articleExamples ?? ["<missing modality>"];
    expect(examples("medication")).toEqual(
      expect.arrayContaining(["anti-inflammatories", "muscle relaxants", "nerve blockers"]),
    );
    expect(examples("interventional")).toEqual(
      expect.arrayContaining(["nerve blocks", "epidural injections", "spinal cord stimulators"]),
    );
    expect(modalities.some((m) => /physical therapy/i.test(m.name))).toBe(true);
    expect(modalities.some((m) => /behaviou?ral/i.test(m.name))).toBe(true);
  });

  it("lists anesthesiology, neurology, physiatry and psychology as disciplines", () => {
    for (const word of ["anesthesiology", "neurology", "physiatry", "psychology"])
      expect(byName(disciplines, word)).toBeDefined();
  });

  it("lists the five collaborating professions", () => {
    for (const word of ["primary care", "surgeon", "chiropractor", "physical therapist", "mental-health"]) {
      expect(byName(professions, word)).toBeDefined();
    }
  });
});

describe("condition codes", () => {
  const codes = conditions.flatMap((c) => c.icd10Codes);

  it("writes every ICD-10-CM code in dotted upper-case form", () => {
    for (const code of codes) expect(code).toMatch(/^[A-TV-Z][0-9][0-9AB](\.[0-9A-TV-Z]{1,4})?$/);
  });

  it("maps every ICD-10-CM code to exactly one condition", () => {
    expect(codes.filter((code, i) => codes.indexOf(code) !== i)).toEqual([]);
  });
});

describe("references between records", () => {
  const ids = idsOf([...groups, ...conditions, ...modalities, ...treatments, ...guidelines, ...sources]);

  it("points every referenced id at an existing record", () => {
    const classes = idsOf(treatments.filter((t) => t.isClass));
    const missing = [
      ...conditions.flatMap((c) => [...c.groupIds, ...(c.prevalence?.sourceIds ?? [])]),
      ...treatments.flatMap((t) => t.modalityIds),
      ...recommendations.flatMap((r) => [r.guidelineId, r.treatmentId, r.conditionId]),
    ].filter((id) => !ids.has(id));
    const uncited = [
      ...[...disciplines, ...professions].flatMap((p) => p.sourceIds),
      ...careLinks.flatMap((l) => l.sourceIds),
      ...myths.flatMap((m) => m.facts.flatMap((f) => f.sourceIds)),
      ...statistics.map((s) => s.sourceId),
    ].filter((id) => !citable.has(id));
    expect([...missing, ...uncited]).toEqual([]);
    expect(treatments.flatMap((t) => t.memberOfIds).filter((id) => !classes.has(id))).toEqual([]);
  });

  it("keeps treatment invasiveness on the 0–3 scale with min ≤ max", () => {
    for (const t of treatments) {
      expect([t.invasivenessMin, t.invasivenessMax].every((n) => n >= 0 && n <= 3)).toBe(true);
      expect(t.invasivenessMin).toBeLessThanOrEqual(t.invasivenessMax);
    }
  });

  it("links each superseded guideline to an existing successor", () => {
    const superseded = guidelines.filter((g) => g.supersededById !== null);
    expect(superseded.map((g) => [g.id, g.supersededById])).toEqual(
      expect.arrayContaining([["guideline:eular-2008", "guideline:eular-2016"]]),
    );
    for (const g of superseded) expect(idsOf(guidelines).has(g.supersededById ?? "")).toBe(true);
    expect(recommendations.some((r) => r.refRow === "R077" && r.guidelineId === "guideline:eular-2008")).toBe(
      true,
    );
    expect(recommendations.some((r) => r.refRow === "R111" && r.guidelineId === "guideline:ahs-2021")).toBe(
      true,
    );
  });
});

describe("care links", () => {
  const targets = { DELIVERS: idsOf(treatments), MANAGES: idsOf(conditions), WORKS_WITH: providers };

  it("cites sources for CITED links and none for CONVENTION links", () => {
    for (const link of careLinks) {
      expect(["CITED", "CONVENTION"]).toContain(link.basis);
      expect(link.sourceIds.length > 0).toBe(link.basis === "CITED");
    }
  });

  it("runs from a discipline or profession to the kind of record its type names", () => {
    for (const link of careLinks) {
      expect(providers.has(link.from)).toBe(true);
      expect(targets[link.type].has(link.to)).toBe(true);
    }
  });

  it("gives every non-class treatment a deliverer and every condition a manager", () => {
    const delivered = new Set(careLinks.filter((l) => l.type === "DELIVERS").map((l) => l.to));
    const managed = new Set(careLinks.filter((l) => l.type === "MANAGES").map((l) => l.to));
    expect(treatments.filter((t) => !t.isClass && !delivered.has(t.id)).map((t) => t.id)).toEqual([]);
    expect(conditions.filter((c) => !managed.has(c.id)).map((c) => c.id)).toEqual([]);
  });
});

describe("recommendations", () => {
  const find = (
    guideline: string,
    treatment: string,
    condition: string,
    direction: string,
  ): Recommendation[] =>
    recommendations.filter(
      (r) =>
        r.guidelineId === `guideline:${guideline}` &&
        r.treatmentId === `treatment:${treatment}` &&
        r.conditionId === `condition:${condition}` &&
        r.direction === direction,
    );

  it("uses only the allowed directions, kinds, phases and lines, with grades free of markdown", () => {
    const kinds = [
      "RECOMMENDATION",
      "CONSENSUS",
      "EVIDENCE_SUMMARY",
      "PRESCRIBING_PRACTICE",
      "REGULATORY",
      "SAFETY_WARNING",
    ];
    for (const r of recommendations) {
      expect(["FOR", "AGAINST", "NEUTRAL"]).toContain(r.direction);
      expect(kinds).toContain(r.kind);
      expect(r.phases.length).toBeGreaterThan(0);
      for (const phase of r.phases) expect(["ACUTE", "SUBACUTE", "CHRONIC", "ANY"]).toContain(phase);
      expect([null, 1, 2, 3]).toContain(r.lineOfTherapy);
      expect(r.rawGrade).not.toContain("**");
    }
  });

  it("never seeds a row the reference marks U", () => {
    const parsed = uRowsInReference();
    expect(parsed).toEqual(expect.arrayContaining(["R035", "R059", "R076"]));
    const excluded = new Set([...parsed, "R035", "R043", "R059", "R076", "R089", "R139", "R152", "R031"]);
    expect(recommendations.filter((r) => excluded.has(r.refRow)).map((r) => r.id)).toEqual([]);
  });

  it("offers opioids for cancer-related pain per ASCO 2023 and keeps CDC 2022 off cancer pain", () => {
    const asco = find("asco-2023", "opioids", "cancer-related-pain", "FOR").filter(
      (r) => r.refRow === "R130",
    );
    expect(asco).toHaveLength(1);
    expect(asco[0]?.rawGrade).toMatch(/Strong/);
    const cdc = recommendations.filter((r) => r.guidelineId === "guideline:cdc-2022");
    expect(cdc.length).toBeGreaterThan(0);
    expect(cdc.filter((r) => r.conditionId === "condition:cancer-related-pain")).toEqual([]);
  });

  it("stores the FDA epidural steroid warning as a neutral safety warning on lumbar radiculopathy", () => {
    const warnings = find("fda-esi-2014", "epidural-steroid-injection", "lumbar-radiculopathy", "NEUTRAL");
    expect(warnings.map((r) => [r.refRow, r.kind])).toEqual([["R047", "SAFETY_WARNING"]]);
  });

  it("seeds APS 2016 rows R150–R151 without a grade", () => {
    const aps = recommendations.filter((r) => r.refRow === "R150" || r.refRow === "R151");
    expect(aps.length).toBeGreaterThanOrEqual(2);
    for (const r of aps) expect(r.rawGrade).toBe("");
  });
});

describe("guideline conflicts (§9)", () => {
  const conflicts: [string, string, string, string, string][] = [
    ["acupuncture for low back pain", "acupuncture", "chronic-low-back-pain", "acp-2017", "nice-ng59"],
    ["tramadol for diabetic neuropathy", "tramadol", "painful-diabetic-neuropathy", "nice-cg173", "aan-2022"],
    [
      "epidural steroid injections",
      "epidural-steroid-injection",
      "lumbar-radiculopathy",
      "asipp-2021",
      "nice-ng59",
    ],
    ["antidepressants for low back pain", "snris", "chronic-low-back-pain", "acp-2017", "nice-ng59"],
  ];

  it.each(conflicts)(
    "stores %s as FOR vs AGAINST on one treatment and condition with overlapping phases",
    (_, treatment, condition, pro, contra) => {
      const on = (guideline: string, direction: string): Recommendation[] =>
        recommendations.filter(
          (r) =>
            r.guidelineId === `guideline:${guideline}` &&
            r.direction === direction &&
            r.treatmentId === `treatment:${treatment}` &&
            r.conditionId === `condition:${condition}`,
        );
      const pairs = on(pro, "FOR").flatMap((a) =>
        on(contra, "AGAINST").filter((b) => overlaps(a.phases, b.phases)),
      );
      expect(pairs.length).toBeGreaterThan(0);
    },
  );

  it("keeps tramadol FOR records from ACP, ACR and EULAR on their own conditions", () => {
    const tramadolFor = recommendations.filter(
      (r) => r.treatmentId === "treatment:tramadol" && r.direction === "FOR",
    );
    expect(new Set(tramadolFor.map((r) => r.guidelineId))).toEqual(
      new Set([
        "guideline:acp-2017",
        "guideline:acr-2019-oa",
        "guideline:eular-2016",
        "guideline:nice-cg173",
      ]),
    );
  });

  it("stores the CGRP disagreement as two FOR records with different lines of therapy", () => {
    const cgrp = (guideline: string): (number | null)[] =>
      recommendations
        .filter(
          (r) =>
            r.guidelineId === `guideline:${guideline}` &&
            r.treatmentId === "treatment:cgrp-monoclonal-antibodies",
        )
        .filter((r) => r.conditionId === "condition:migraine" && r.direction === "FOR")
        .map((r) => r.lineOfTherapy);
    expect(cgrp("ahs-2024")).toEqual([1]);
    expect(cgrp("acp-2025-migraine-prevention")).toEqual([2]);
  });

  describe("precautions (patient-safety.md)", () => {
    const SAFETY_FILE = "patient-safety.md";
    const safetyRows = provenance.used.filter((row) => row.file === SAFETY_FILE);

    it("cites a used V or V2 row for every precaution, with that row's status, and no left-out row", () => {
      const statusOf = new Map(safetyRows.map((row) => [row.row, row.status]));
      const untraced = precautions.filter(
        (p) => !safetyRows.some((row) => row.row === p.refRow && row.records.includes(p.id)),
      );
      expect(untraced.map((p) => p.id)).toEqual([]);
      expect(precautions.filter((p) => !["V", "V2"].includes(p.refStatus)).map((p) => p.id)).toEqual([]);
      expect(precautions.filter((p) => statusOf.get(p.refRow) !== p.refStatus).map((p) => p.id)).toEqual([]);
      const leftOut = new Set(provenance.excluded.filter((r) => r.file === SAFETY_FILE).map((r) => r.row));
      expect(precautions.filter((p) => leftOut.has(p.refRow)).map((p) => p.id)).toEqual([]);
    });

    it("lists every P and U row of the reference, U rows only as left out", () => {
      const listed = [...safetyRows, ...provenance.excluded.filter((r) => r.file === SAFETY_FILE)]
        .map((r) => r.row)
        .filter((row) => /^[PU][0-9]+$/.test(row))
        .sort();
      const expected = [
        ...Array.from({ length: 63 }, (_, i) => `P${String(i + 1).padStart(3, "0")}`),
        ...Array.from({ length: 6 }, (_, i) => `U0${i + 1}`),
      ].sort();
      expect(listed).toEqual(expected);
      expect(safetyRows.filter((r) => r.row.startsWith("U"))).toEqual([]);
    });

    it("lets only a CONTRAINDICATION or AVOID that is not low quality exclude anything", () => {
      const excluding = precautions.filter((p) => p.coversTreatmentIds.length > 0);
      expect(
        excluding
          .filter((p) => p.lowQuality || !["CONTRAINDICATION", "AVOID"].includes(p.kind))
          .map((p) => p.id),
      ).toEqual([]);
      // The rows the reference marks low quality (KDIGO via an AI site; duloxetine via a quiz site).
      expect(precautions.filter((p) => p.lowQuality).map((p) => p.refRow)).toEqual(["P011", "P042"]);
    });

    it("splits a row with two kinds into one record per kind (P044 cyclobenzaprine, P055 ergots)", () => {
      const kindsOf = (row: string) => [
        ...new Set(precautions.filter((p) => p.refRow === row).map((p) => p.kind)),
      ];
      expect(kindsOf("P044").sort()).toEqual(["AVOID", "CONTRAINDICATION"]);
      expect(kindsOf("P055").sort()).toEqual(["BOXED_WARNING", "CONTRAINDICATION"]);
    });
  });
});
