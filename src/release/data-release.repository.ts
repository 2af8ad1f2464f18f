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
}
