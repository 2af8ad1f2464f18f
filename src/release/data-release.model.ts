/** What a loaded data release is, as the repository returns it. */
export interface DataCounts {
  conditionGroups: number;
  conditions: number;
  treatments: number;
  modalities: number;
  disciplines: number;
  professions: number;
  guidelines: number;
  sources: number;
  recommendations: number;
  myths: number;
  statistics: number;
}

export interface DataReleaseRecord {
  version: number;
  loadedAt: string;
  checksum: string;
  synthetic: boolean;
  counts: DataCounts;
}
