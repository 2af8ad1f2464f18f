/** What the cross-record rules share: every id seen, and the problems found so far. */
import { SEED_FILES, type Problem, type SeedPart, type SeedSet } from "./seed-set";

export type Prefix =
  "group" | "condition" | "modality" | "treatment" | "discipline" | "profession" | "guideline" | "source";

export class RuleContext {
  readonly problems: Problem[] = [];
  private readonly ids = new Map<string, string>();

  constructor(readonly set: SeedSet) {}

  registerIds(part: SeedPart): void {
    for (const record of this.set[part] as Array<{ id?: string }>) {
      if (!record.id) continue;
      const seenIn = this.ids.get(record.id);
      if (seenIn) this.problem(part, record.id, "id", `duplicate id (also in ${seenIn})`);
      else this.ids.set(record.id, SEED_FILES[part]);
    }
  }

  /** The id resolves to a record whose prefix is one of the allowed kinds. */
  expect(
    part: SeedPart,
    recordId: string,
    field: string,
    id: string | null | undefined,
    kinds: Prefix[],
  ): boolean {
    if (id === null || id === undefined) return false;
    const kind = id.slice(0, id.indexOf(":"));
    if (!kinds.includes(kind as Prefix)) {
      this.problem(part, recordId, field, `"${id}" must reference a ${kinds.join(" or ")}`);
      return false;
    }
    if (!this.ids.has(id)) {
      this.problem(part, recordId, field, `unknown reference "${id}"`);
      return false;
    }
    return true;
  }

  problem(part: SeedPart, recordId: string | null, field: string | null, message: string): void {
    this.problems.push({ file: SEED_FILES[part], recordId, field, message });
  }
}
