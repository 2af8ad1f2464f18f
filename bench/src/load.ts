/** Closed-loop load with autocannon; every response body is checked against the answer validated beforehand. */
import autocannon from "autocannon";

export interface CheckedRequest {
  body: string;
  /** The exact body seen at validation; a different body is accepted only if its canonical data matches. */
  expectedBody: string;
  /** Canonical data for the slow path; returns true when the body holds the expected data. */
  matches(body: string): boolean;
}

export interface LoadResult {
  ok: number;
  errors: number;
  durationMs: number;
  /** Every response time in ms (for exact percentiles over several rounds). */
  latencies: number[];
  firstError: string | null;
}

export function runLoad(
  url: string,
  requests: CheckedRequest[],
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  let ok = 0;
  let mismatches = 0;
  let firstError: string | null = null;
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const instance = autocannon(
      {
        url: `${url}/graphql`,
        connections,
        duration: seconds,
        timeout: 30,
        requests: requests.map((request) => ({
          method: "POST" as const,
          path: "/graphql",
          headers: { "content-type": "application/json" },
          body: request.body,
          onResponse: (status: number, body: string) => {
            if (status === 200 && (body === request.expectedBody || request.matches(body))) ok += 1;
            else {
              mismatches += 1;
              firstError ??= `HTTP ${status}: ${body.slice(0, 300)}`;
            }
          },
        })),
      },
      (error, result) => {
        if (error) return reject(error);
        const transportErrors = result.errors; // autocannon counts timeouts among errors
        if (transportErrors > 0)
          firstError ??= `${result.errors} connection errors, ${result.timeouts} timeouts`;
        resolve({
          ok,
          errors: mismatches + transportErrors,
          durationMs: performance.now() - started,
          latencies,
          firstError,
        });
      },
    );
    instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
    });
  });
}

export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}
