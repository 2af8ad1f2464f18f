/** The seed's validation: field rules on every record, then the cross-record rules; nothing is written before. */
import { validateFields } from "../model/field.rules";
import { validateGraph } from "../model/graph.rules";
import type { Problem, SeedPart, SeedSet } from "../model/seed-set";

export function validateSeed(parts: Readonly<Record<SeedPart, unknown>>): {
  set: SeedSet | null;
  problems: Problem[];
} {
  const fields = validateFields(parts);
  if (!fields.set) return fields;
  const problems = validateGraph(fields.set);
  return { set: problems.length === 0 ? fields.set : null, problems };
}
