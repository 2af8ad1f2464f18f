/** Reads the DataRelease node and live per-label counts; the only module with their Cypher. */
import type { Database } from "../neo4j/database";
import type { DataCounts, DataReleaseRecord } from "./data-release.model";

// COUNT {} on a single label is answered from Neo4j's count store: constant time at any graph size.
export const FIND_CURRENT_RELEASE = /* cypher */ `
  OPTIONAL MATCH (release:DataRelease)
  RETURN release { .version, .loadedAt, .checksum, .synthetic } AS release,
         {
           conditionGroups: COUNT { (:ConditionGroup) },
           conditions: COUNT { (:Condition) },
           treatments: COUNT { (:Treatment) },
           modalities: COUNT { (:Modality) },
           disciplines: COUNT { (:Discipline) },
           professions: COUNT { (:Profession) },
           guidelines: COUNT { (:Guideline) },
           sources: COUNT { (:Source) },
           recommendations: COUNT { (:Recommendation) },
           myths: COUNT { (:Myth) },
           statistics: COUNT { (:Statistic) }
         } AS counts`;

// Everything a write changes on the release marker: curation bumps version, seed loads set loadedAt and
// checksum, exports clear unexported. Equal stamps mean the graph's answers are unchanged.
export const READ_RELEASE_STAMP = /* cypher */ `
  OPTIONAL MATCH (release:DataRelease)
  RETURN [release.version, toString(release.loadedAt), release.checksum, release.unexported] AS stamp`;

interface ReleaseRow extends Record<string, unknown> {
  release: Omit<DataReleaseRecord, "counts"> | null;
  counts: DataCounts;
}

export class DataReleaseRepository {
  constructor(private readonly db: Database) {}

  /** The release currently loaded, or null when the graph has never been seeded. */
  async findCurrent(): Promise<DataReleaseRecord | null> {
    const [row] = await this.db.read<ReleaseRow>(FIND_CURRENT_RELEASE);
    if (!row?.release) return null;
    return { ...row.release, synthetic: row.release.synthetic ?? false, counts: row.counts };
  }

  /** A short string that changes whenever the graph's content does (see READ_RELEASE_STAMP). */
  async findStamp(): Promise<string> {
    const [row] = await this.db.read<{ stamp: unknown[] }>(READ_RELEASE_STAMP);
    return JSON.stringify(row?.stamp ?? null);
  }
}
