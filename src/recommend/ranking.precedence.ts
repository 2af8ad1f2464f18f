/**
 * Stated lines as a per-condition precedence. Within one guideline and condition, a treatment placed at an earlier
 * step (first, second, later) ranks above one placed later; an after-failure, rescue or adjunct statement ranks
 * after the treatments it names (or, naming none, after the same guideline's other treatments); CDC 2022's
 * "only after non-opioid therapy" ranks after every listed non-opioid. Then best evidence first among the rest.
 */
import { Direction, TherapyLine } from "../model/enums";
import type { Evidence } from "./ranking.model";

export interface Orderable {
  id: string;
  opioid: boolean;
  classIds: string[];
  /** Statements in scope that it carries (its own and its classes'), any direction. */
  evidence: Evidence[];
}

const STEP: Partial<Record<TherapyLine, number>> = {
  [TherapyLine.FIRST]: 1,
  [TherapyLine.SECOND]: 2,
};
const FOLLOWS_OTHERS = new Set([TherapyLine.AFTER_FAILURE, TherapyLine.RESCUE]);
const NOT_A_BASE = new Set([TherapyLine.AFTER_FAILURE, TherapyLine.RESCUE, TherapyLine.ADJUNCT_ONLY]);

function stepOf(evidence: Evidence): number | null {
  const { line, lineOfTherapy } = evidence.recommendation;
  if (!line) return null;
  if (line === TherapyLine.LATER) return Math.max(3, lineOfTherapy ?? 3);
  return STEP[line] ?? null;
}

const ordering = (evidence: Evidence) => evidence.recommendation.direction !== Direction.AGAINST;

/** The listed item a statement names; if that class is not listed itself, its listed members (which stand for it). */
function followed(items: Orderable[], id: string): Orderable[] {
  const exact = items.filter((item) => item.id === id);
  return exact.length > 0 ? exact : items.filter((item) => item.classIds.includes(id));
}

/** Predecessors per item id: the listed items each must follow. */
export function precedenceOf(items: Orderable[]): Map<string, Set<string>> {
  const before = new Map(items.map((item) => [item.id, new Set<string>()]));
  const add = (from: Orderable, to: Orderable) => {
    if (from.id !== to.id) before.get(to.id)!.add(from.id);
  };
  const groups = new Map<string, Array<{ item: Orderable; evidence: Evidence }>>();
  for (const item of items) {
    for (const evidence of item.evidence.filter(ordering)) {
      const key = `${evidence.appliesTo} ${evidence.recommendation.guidelineId}`;
      groups.set(key, [...(groups.get(key) ?? []), { item, evidence }]);
    }
  }
  for (const group of groups.values()) {
    for (const a of group) {
      for (const b of group) {
        const [stepA, stepB] = [stepOf(a.evidence), stepOf(b.evidence)];
        if (stepA !== null && stepB !== null && stepA < stepB) add(a.item, b.item);
      }
    }
  }
  for (const item of items) {
    for (const evidence of item.evidence.filter(ordering)) {
      const rec = evidence.recommendation;
      const named = rec.followsTreatmentIds ?? [];
      for (const id of named) for (const other of followed(items, id)) add(other, item);
      if (rec.followsNonOpioids) for (const other of items) if (!other.opioid) add(other, item);
      if (rec.line && FOLLOWS_OTHERS.has(rec.line) && named.length === 0 && !rec.followsNonOpioids) {
        const group = groups.get(`${evidence.appliesTo} ${rec.guidelineId}`) ?? [];
        for (const base of group) {
          const baseRec = base.evidence.recommendation;
          if (baseRec.direction === Direction.FOR && !(baseRec.line && NOT_A_BASE.has(baseRec.line)))
            add(base.item, item);
        }
      }
    }
  }
  return before;
}

/**
 * Kahn's topological order, best-first among the items whose predecessors are all placed. A cycle (two
 * guidelines ordering the same pair both ways) is broken by placing the best remaining item.
 */
export function orderWithPrecedence<T extends { id: string }>(
  items: T[],
  before: Map<string, Set<string>>,
  better: (a: T, b: T) => number,
): T[] {
  const placed = new Set<string>();
  const remaining = [...items].sort(better);
  const order: T[] = [];
  while (remaining.length > 0) {
    const ready = remaining.findIndex((item) =>
      [...(before.get(item.id) ?? [])].every((id) => placed.has(id)),
    );
    const [next] = remaining.splice(ready === -1 ? 0 : ready, 1);
    placed.add(next!.id);
    order.push(next!);
  }
  return order;
}
