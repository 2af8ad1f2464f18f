/**
 * DataLoader helpers. Contract of every batch function here: one slot per key, in key order. Keys that carry
 * parameters (a filter, a limit) are grouped by those parameters, one repository call per group.
 */
import DataLoader from "dataloader";
import { projectionKey, unionOf, type Projection } from "./projection";

export interface LoaderOptions {
  /** Most keys per batch; 1 turns batching off (the N+1 baseline of the benchmarks). */
  maxBatchSize: number;
}

export function simpleLoader<V>(fetch: (ids: readonly string[]) => Promise<V[]>, options: LoaderOptions) {
  return new DataLoader<string, V>((ids) => fetch(ids), { maxBatchSize: options.maxBatchSize });
}

const SEPARATOR = "\u0001";

/** A loader's answer: the value itself when a parent's read primed it, else a promise of it. */
export type Answer<V> = V | Promise<V>;

/**
 * A loader whose keys are (id, params); params are compared by their JSON form. What a parent's read primed is
 * answered as it is, not in a promise: graphql-js then completes the field at once instead of a microtask later
 * (a page primes a list per item: 20 conditions' recommendations, a few hundred treatments' care links).
 */
export class ParameterisedLoader<P, V> {
  private readonly params = new Map<string, P>();
  private readonly primed = new Map<string, V>();
  private readonly asked = new Set<string>();
  private readonly loader: DataLoader<string, V>;

  constructor(fetch: (ids: readonly string[], params: P) => Promise<V[]>, options: LoaderOptions) {
    this.loader = new DataLoader<string, V>(
      async (keys) => {
        const groups = new Map<string, { ids: string[]; slots: number[] }>();
        keys.forEach((key, slot) => {
          const cut = key.indexOf(SEPARATOR);
          const group = groups.get(key.slice(0, cut)) ?? { ids: [], slots: [] };
          group.ids.push(key.slice(cut + 1));
          group.slots.push(slot);
          groups.set(key.slice(0, cut), group);
        });
        const results = new Array<V>(keys.length);
        await Promise.all(
          [...groups].map(async ([paramsKey, group]) => {
            const values = await fetch(group.ids, this.params.get(paramsKey)!);
            group.slots.forEach((slot, index) => (results[slot] = values[index]!));
          }),
        );
        return results;
      },
      { maxBatchSize: options.maxBatchSize },
    );
  }

  load(id: string, params: P, paramsKey: string = JSON.stringify(params)): Answer<V> {
    const key = `${paramsKey}${SEPARATOR}${id}`;
    if (this.primed.has(key)) return this.primed.get(key)!;
    this.params.set(paramsKey, params);
    this.asked.add(key);
    return this.loader.load(key);
  }

  /** Caches the answer for (id, params) that a parent's read already holds, unless one is cached or asked. */
  prime(id: string, params: P, paramsKey: string, value: V): void {
    const key = `${paramsKey}${SEPARATOR}${id}`;
    this.params.set(paramsKey, params);
    // A key already asked keeps the loader's answer, as DataLoader's own prime does.
    if (this.primed.has(key) || this.asked.has(key)) return;
    this.primed.set(key, value);
  }

  /** Forgets cached answers for an id under every parameter set (after a write). */
  clear(id: string): void {
    for (const paramsKey of this.params.keys()) {
      const key = `${paramsKey}${SEPARATOR}${id}`;
      this.primed.delete(key);
      this.asked.delete(key);
      this.loader.clear(key);
    }
  }
}

/**
 * Nodes by id, each load asking for the properties its selection needs: one batch reads every id of the tick with
 * the union of the projections asked (a record with more properties than its selection needs is harmless), so
 * sibling fields with different selections (a recommendation's treatment and guideline) stay one round trip.
 */
export class ProjectedLoader<V> {
  private readonly projections = new Map<string, Projection>();
  private readonly loader: DataLoader<string, V>;

  constructor(
    fetch: (ids: readonly string[], projection: Projection) => Promise<V[]>,
    options: LoaderOptions,
  ) {
    this.loader = new DataLoader<string, V>(
      async (keys) => {
        const ids = keys.map((key) => key.slice(key.indexOf(SEPARATOR) + 1));
        const asked = keys.map((key) => this.projections.get(key.slice(0, key.indexOf(SEPARATOR)))!);
        const distinct = [...new Set(ids)];
        const values = await fetch(distinct, unionOf(asked));
        const byId = new Map(distinct.map((id, index) => [id, values[index]!]));
        return ids.map((id) => byId.get(id)!);
      },
      { maxBatchSize: options.maxBatchSize },
    );
  }

  load(id: string, projection: Projection): Promise<V> {
    return this.loader.load(this.keyOf(id, projection));
  }

  /** Caches a record a parent's read already holds for (id, projection), unless one is cached. */
  prime(id: string, projection: Projection, value: V): void {
    this.loader.prime(this.keyOf(id, projection), value);
  }

  loadMany(ids: readonly string[], projection: Projection): Promise<Array<V | Error>> {
    return this.loader.loadMany(ids.map((id) => this.keyOf(id, projection)));
  }

  private keyOf(id: string, projection: Projection): string {
    const key = projectionKey(projection);
    this.projections.set(key, projection);
    return `${key}${SEPARATOR}${id}`;
  }
}
