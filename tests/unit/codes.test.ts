import { icd10Display, icd10Key, isWellFormedIcd10cm, isWellFormedSnomedId } from "../../src/model/codes";

describe("ICD-10-CM codes", () => {
  it.each(["M79.7", "M54.50", "G43.909", "G89.3", "M17.0", "B02.29", "M06.9", "M05.A", "G43.E01"])(
    "accepts %s",
    (code) => {
      expect(isWellFormedIcd10cm(code)).toBe(true);
    },
  );

  it.each(["m79.7", "M79-7", "U07.1", "M7", "M79.12345", "79.7", "M79.", ""])("rejects %s", (code) => {
    expect(isWellFormedIcd10cm(code)).toBe(false);
  });

  it("normalises case and a missing dot to one key", () => {
    expect(new Set(["M79.7", "m79.7", "M797", " m797 "].map(icd10Key))).toEqual(new Set(["M797"]));
  });

  it("restores the dotted display form", () => {
    expect(icd10Display("g43909")).toBe("G43.909");
    expect(icd10Display("G89")).toBe("G89");
  });
});

describe("SNOMED CT identifiers", () => {
  it.each([
    "279039007",
    "278860009",
    "23056005",
    "81680005",
    "1121000119107",
    "239873007",
    "203082005",
    "37796009",
  ])("accepts %s (valid Verhoeff check digit)", (id) => expect(isWellFormedSnomedId(id)).toBe(true));

  it.each(["279039008", "203082006", "12345", "0203082005", "abc"])("rejects %s", (id) => {
    expect(isWellFormedSnomedId(id)).toBe(false);
  });
});
