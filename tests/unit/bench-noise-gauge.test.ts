import type { ResultRow } from "../../bench/src/results";
import { noiseGauge } from "../../bench/src/report";

const row = (system: string, workload: string, requestsPerSec: number, dataset = "seed"): ResultRow =>
  ({ system, workload, dataset, concurrency: 8, requestsPerSec, neo4jCpuMsPerRequest: 1 }) as ResultRow;

describe("the bench report's noise gauge", () => {
  it("gives W1's paingraph-uncached ÷ naive for each dataset and concurrency", () => {
    const lines = noiseGauge([
      row("paingraph-uncached", "W1", 90),
      row("naive", "W1", 100),
      row("paingraph-uncached", "W1", 300, "synthetic-1e5"),
      row("naive", "W1", 200, "synthetic-1e5"),
      row("paingraph-uncached", "W2", 10),
      row("naive", "W2", 40),
    ]);
    expect(lines.filter((line) => line.startsWith("- "))).toEqual([
      expect.stringMatching(/^- seed, c8: paingraph-uncached ÷ naive = 0\.90 /),
      expect.stringMatching(/^- synthetic-1e5, c8: paingraph-uncached ÷ naive = 1\.50 /),
    ]);
  });

  it("writes nothing when the run had no naive W1 row", () => {
    expect(noiseGauge([row("paingraph-uncached", "W1", 90), row("naive", "W2", 10)])).toEqual([]);
  });
});
