/**
 * The shapes of the bench's results (rows and soaks), on their own: the report and its tests read them without
 * loading the load generator.
 */
export interface ResultRow {
  workload: string;
  dataset: string;
  concurrency: number;
  system: string;
  requestsPerSec: number;
  /** Correct answers per second in each round, in order: a median of rounds resists a burst of outside load. */
  roundRequestsPerSec?: number[];
  p50Ms: number | null;
  p99Ms: number | null;
  roundTripsPerRequest: number | null;
  apiCpuMsPerRequest: number | null;
  neo4jCpuMsPerRequest: number | null;
  errors: number;
  rssMb: number | null;
  requests: number;
  seconds: number;
  loadAvg1: number;
  firstError?: string;
}

export interface Soak {
  dataset: string;
  workload: string;
  concurrency: number;
  seconds: number;
  requestsPerSec: number;
  errors: number;
  rssSeriesMb: number[];
  peakRssMb: number;
  /** Least-squares slope of RSS over the second half of the run, MB per minute. */
  driftMbPerMinute: number;
  firstError?: string;
}
