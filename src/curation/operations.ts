/**
 * Curation operations as pure edits of a SeedSet (the seed files' shape): the caller validates the edited set
 * with the seed rules and writes it. Each returns the entity before and after, and what a cascade removed.
 */
import { BadUserInputError, NotFoundError } from "../errors";
import type { CareLinkRecord } from "../model/records";
import type { SeedPart, SeedSet } from "../model/seed-set";
import { KEYS } from "./seed-export";

export interface OperationResult {
  before: unknown;
  after: unknown;
  removedIds: string[];
}

export interface Operation {
  name: string;
  entityId: string;
  apply(set: SeedSet): OperationResult;
}

type WithId = { id: string };
// A Map, not an object literal: an id such as "constructor:x" or "__proto__:x" must find nothing.
const PART_BY_PREFIX = new Map<string, SeedPart>([
  ["condition", "conditions"],
  ["treatment", "treatments"],
  ["guideline", "guidelines"],
  ["recommendation", "recommendations"],
]);

function recordsOf(set: SeedSet, part: SeedPart): WithId[] {
  return set[part] as unknown as WithId[];
}

function allIds(set: SeedSet): Set<string> {
  return new Set(
    Object.values(set).flatMap(
      (records: Array<Partial<WithId>>) => records.map((r) => r.id).filter(Boolean) as string[],
    ),
  );
}

export function createOperation(part: SeedPart, record: WithId): Operation {
  return {
    name: `create:${part}`,
    entityId: record.id,
    apply(set) {
      if (allIds(set).has(record.id))
        throw new BadUserInputError(`"input.id": "${record.id}" already exists`, "input.id");
      recordsOf(set, part).push(record);
      return { before: null, after: record, removedIds: [] };
    },
  };
}

export function updateOperation(part: SeedPart, id: string, patch: Record<string, unknown>): Operation {
  return {
    name: `update:${part}`,
    entityId: id,
    apply(set) {
      const records = recordsOf(set, part);
      const index = records.findIndex((record) => record.id === id);
      if (index < 0) throw new NotFoundError(`No ${part.replace(/s$/, "")} has id "${id}"`);
      const before = records[index]!;
      const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
      const after = { ...before, ...defined, id };
      records[index] = after;
      return { before, after, removedIds: [] };
    },
  };
}

/** Who refers to an id: dependent records (removable by a cascade) and lists that mention it. */
function referrers(set: SeedSet, id: string) {
  const recommendations = set.recommendations.filter((r) =>
    [r.guidelineId, r.treatmentId, r.conditionId].includes(id),
  );
  const careLinks = set.careLinks.filter((link) => link.from === id || link.to === id);
  const statistics = set.statistics.filter((s) => s.sourceId === id);
  const members = set.treatments.filter((t) => t.memberOfIds.includes(id));
  const successors = set.guidelines.filter((g) => g.supersededById === id);
  return { recommendations, careLinks, statistics, members, successors };
}

const linkId = (link: CareLinkRecord) => `${link.from} ${link.type} ${link.to}`;

export function deleteOperation(id: string, cascade: boolean): Operation {
  const part = PART_BY_PREFIX.get(id.slice(0, id.indexOf(":")));
  return {
    name: `delete:${part ?? "unknown"}`,
    entityId: id,
    apply(set) {
      if (!part)
        throw new BadUserInputError(
          `"id": "${id}" is not a condition, treatment, guideline or recommendation`,
          "id",
        );
      const records = recordsOf(set, part);
      const before = records.find((record) => record.id === id);
      if (!before) throw new NotFoundError(`No record has id "${id}"`);
      const refs = referrers(set, id);
      const dependents = [
        ...refs.recommendations.map((r) => r.id),
        ...refs.careLinks.map(linkId),
        ...refs.members.map((t) => t.id),
        ...refs.successors.map((g) => g.id),
      ];
      if (refs.statistics.length > 0) {
        throw new BadUserInputError(
          `"id": statistics cite "${id}" (${refs.statistics.map((s) => s.id).join(", ")}); change them first`,
          "id",
        );
      }
      if (dependents.length > 0 && !cascade) {
        throw new BadUserInputError(
          `"id": "${id}" is still referenced by ${dependents.join(", ")}; pass cascade: true to remove those references`,
          "id",
        );
      }
      set.recommendations = set.recommendations.filter((r) => !refs.recommendations.includes(r));
      set.careLinks = set.careLinks.filter((link) => !refs.careLinks.includes(link));
      // An entity's search vocabulary is part of it and goes with it.
      set.synonyms = set.synonyms.filter((record) => record.entityId !== id);
      for (const member of refs.members)
        member.memberOfIds = member.memberOfIds.filter((classId) => classId !== id);
      for (const successor of refs.successors) successor.supersededById = null;
      (set[part] as unknown as WithId[]) = records.filter((record) => record.id !== id);
      return {
        before,
        after: null,
        removedIds: [id, ...refs.recommendations.map((r) => r.id), ...refs.careLinks.map(linkId)],
      };
    },
  };
}

export function linkDeliveryOperation(link: CareLinkRecord): Operation {
  return {
    name: "link:delivery",
    entityId: link.to,
    apply(set) {
      const existing = set.careLinks.findIndex(
        (l) => l.type === link.type && l.from === link.from && l.to === link.to,
      );
      const before = existing >= 0 ? set.careLinks[existing]! : null;
      if (existing >= 0) set.careLinks[existing] = link;
      else set.careLinks.push(link);
      return { before, after: link, removedIds: [] };
    },
  };
}

export function unlinkDeliveryOperation(providerId: string, treatmentId: string): Operation {
  return {
    name: "unlink:delivery",
    entityId: treatmentId,
    apply(set) {
      const before = set.careLinks.find(
        (l) => l.type === "DELIVERS" && l.from === providerId && l.to === treatmentId,
      );
      if (!before) throw new NotFoundError(`"${providerId}" is not linked as delivering "${treatmentId}"`);
      set.careLinks = set.careLinks.filter((l) => l !== before);
      return { before, after: null, removedIds: [linkId(before)] };
    },
  };
}

const LIST_DEFAULTS: Record<string, unknown> = {
  aliases: [],
  examples: [],
  icd10Codes: [],
  snomedCodes: [],
  groupIds: [],
  modalityIds: [],
  memberOfIds: [],
  prerequisites: [],
  phases: ["ANY"],
};

/** A full record for a create: every key of the seed file, input values first, then list defaults, then null. */
function recordFor(part: SeedPart, input: object): { id: string } {
  const values = input as Record<string, unknown>;
  return Object.fromEntries(
    KEYS[part].map((key) => [
      key,
      values[key] ?? LIST_DEFAULTS[key] ?? (key === "adjunctOnly" || key === "isClass" ? false : null),
    ]),
  ) as { id: string };
}

/** Only the fields the input set; on update, omitted fields keep their values. */
function patchOf(input: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(input).filter(([key, value]) => key !== "id" && value !== undefined),
  );
}

/** A create from a GraphQL input: the full seed record it describes. */
export function createFromInput(part: SeedPart, input: object): Operation {
  return createOperation(part, recordFor(part, input));
}

/** An update from a GraphQL input: only the fields it sets. */
export function updateFromInput(part: SeedPart, input: { id: string }): Operation {
  return updateOperation(part, input.id, patchOf(input));
}
