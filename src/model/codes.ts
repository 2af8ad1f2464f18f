/** Clinical code rules: ICD-10-CM shape and normal form, SNOMED CT identifiers with their Verhoeff check digit. */

// Letter (not U), digit, digit or A/B, then an optional dot and up to four more characters (FY2026 form).
const ICD10CM = /^[A-TV-Z][0-9][0-9AB](\.[0-9A-TV-Z]{1,4})?$/;

export function isWellFormedIcd10cm(code: string): boolean {
  return ICD10CM.test(code);
}

/** Case- and dot-insensitive key: "m79.7", "M797" and "M79.7" all become "M797". */
export function icd10Key(code: string): string {
  return code.trim().toUpperCase().replace(/\./g, "");
}

/** The dotted display form of an ICD-10-CM code written with or without its dot. */
export function icd10Display(code: string): string {
  const key = icd10Key(code);
  return key.length > 3 ? `${key.slice(0, 3)}.${key.slice(3)}` : key;
}

export function snomedKey(code: string): string {
  return code.trim();
}

/** The normalised look-up key of a code in its system (what Code nodes are keyed by). */
export function codeKeyOf(system: "ICD10CM" | "SNOMEDCT", code: string): string {
  return system === "ICD10CM" ? icd10Key(code) : snomedKey(code);
}

// Verhoeff tables (dihedral group D5), as SNOMED CT uses for the check digit of every identifier.
const MULTIPLY = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const PERMUTE = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/** 6 to 18 digits, no leading zero, a valid Verhoeff check digit. */
export function isWellFormedSnomedId(id: string): boolean {
  if (!/^[1-9][0-9]{5,17}$/.test(id)) return false;
  let check = 0;
  const digits = [...id].reverse().map(Number);
  digits.forEach((digit, position) => {
    check = MULTIPLY[check]![PERMUTE[position % 8]![digit]!]!;
  });
  return check === 0;
}
