import { spawnSync } from "node:child_process";
import path from "node:path";

const main = path.resolve(__dirname, "../../dist/src/main.js");

describe("starting the API process", () => {
  it("exits non-zero naming PORT and NEO4J_URI when they are malformed", () => {
    const run = spawnSync(process.execPath, [main], {
      env: { ...process.env, PORT: "abc", NEO4J_URI: "localhost-no-scheme" },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/PORT must be an integer/);
    expect(run.stderr).toMatch(/NEO4J_URI must be a URI/);
  });
});
