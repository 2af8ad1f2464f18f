/**
 * The widget as a product: released versions never change (their hashes are pinned here and published in the
 * docs for Subresource Integrity), the custom-elements manifest and the TypeScript typings describe exactly what
 * the script does, and both string tables have every key.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ts from "typescript";
import { PROJECT_ROOT } from "../../src/config";
import { releasedVersions } from "../../src/http/widget";

const WIDGET_DIR = path.join(PROJECT_ROOT, "widget");
const read = (file: string) => readFileSync(path.join(PROJECT_ROOT, file), "utf8");
const SCRIPT = read("widget/paingraph.js");
const DOCS = read("docs/widget.md");

/**
 * sha384 of each released /widget/<version>/paingraph.js. A released file is never changed: sites pin it with
 * `integrity`, and a changed byte would make their browsers refuse it. Release a new version instead.
 */
const RELEASED: Record<string, string> = {
  "1.0.0": "sha384-xgx2p2P7gh5UtKhc4zIXn9NYId7sR0vPFU6rTbK14gBynNJQMfKc36gA+NdMqOQW",
};

const sri = (bytes: Buffer) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
const versionOf = (source: string) => /const VERSION = "([^"]+)";/.exec(source)?.[1];
const semver = (version: string) => version.split(".").map(Number);
const compare = (a: string, b: string) => {
  const [x, y] = [semver(a), semver(b)];
  return x.map((part, i) => part - y[i]!).find((difference) => difference !== 0) ?? 0;
};

describe("released widget versions", () => {
  const versions = releasedVersions(WIDGET_DIR);

  it("are exactly the pinned ones, byte for byte", () => {
    expect(versions).toEqual(Object.keys(RELEASED));
    for (const version of versions) {
      const bytes = readFileSync(path.join(WIDGET_DIR, "releases", version, "paingraph.js"));
      expect([version, sri(bytes)]).toEqual([version, RELEASED[version]]);
      expect(versionOf(bytes.toString("utf8"))).toBe(version);
    }
  });

  it("are documented with their URL and SRI hash", () => {
    for (const [version, hash] of Object.entries(RELEASED)) {
      expect(DOCS).toContain(`/widget/${version}/paingraph.js" integrity="${hash}" crossorigin="anonymous"`);
    }
  });

  it("leave the working copy at a newer version, or at the latest one unchanged", () => {
    const latest = versions[versions.length - 1]!;
    const current = versionOf(SCRIPT)!;
    expect(current).toMatch(/^1\.\d+\.\d+$/); // /widget/v1/ serves it: it must stay a 1.x
    const released = readFileSync(path.join(WIDGET_DIR, "releases", latest, "paingraph.js"), "utf8");
    if (SCRIPT !== released) {
      // Changed since the latest release: say so in its VERSION (e.g. 1.1.0), so no two scripts share one.
      expect([current, compare(current, latest) > 0]).toEqual([current, true]);
    }
  });
});

describe("the custom-elements manifest", () => {
  const manifest = JSON.parse(read("widget/custom-elements.json"));
  const element = manifest.modules[0].declarations[0];
  const names = (list: Array<{ name: string }>) => list.map((item) => item.name).sort();

  it("lists exactly the attributes the element observes", () => {
    const observed = /static get observedAttributes\(\) \{\s*return \[([^\]]*)\]/.exec(SCRIPT)![1]!;
    const attributes = [...observed.matchAll(/"([a-z-]+)"/g)].map((match) => match[1]!).sort();
    expect(attributes.length).toBeGreaterThan(10);
    expect(names(element.attributes)).toEqual(attributes);
    expect(element.tagName).toBe("paingraph-recommendations");
  });

  it("lists exactly the CSS custom properties and parts the script uses", () => {
    const properties = [...new Set([...SCRIPT.matchAll(/var\((--paingraph-[a-z-]+)/g)].map((m) => m[1]!))];
    const parts = [...new Set([...SCRIPT.matchAll(/part="([a-z-]+)"/g)].map((m) => m[1]!))];
    expect(names(element.cssProperties)).toEqual(properties.sort());
    expect(names(element.cssParts)).toEqual(parts.sort());
    for (const part of ["citations", "warning", "not-recommended", "error"]) expect(parts).toContain(part);
    for (const property of ["--paingraph-warn-fg", "--paingraph-error-bg", "--paingraph-error-fg"])
      expect(properties).toContain(property);
  });

  it("lists the events the script fires", () => {
    const fired = [...new Set([...SCRIPT.matchAll(/new CustomEvent\("([a-z-]+)"/g)].map((m) => m[1]!))];
    expect(names(element.events)).toEqual(fired.sort());
  });
});

describe("the string tables and the TypeScript typings", () => {
  const tableKeys = (language: string) => {
    const start = SCRIPT.indexOf(`    ${language}: {`);
    const end = SCRIPT.indexOf("\n    },", start);
    return [...SCRIPT.slice(start, end).matchAll(/^ {6}(\w+):/gm)].map((m) => m[1]!).sort();
  };

  it("have the same keys in English, Spanish and PainGraphStrings", () => {
    const english = tableKeys("en");
    expect(english.length).toBeGreaterThan(40);
    expect(tableKeys("es")).toEqual(english);
    const typed = [...read("widget/paingraph.d.ts").matchAll(/^ {2}(\w+): string;/gm)]
      .map((m) => m[1]!)
      .sort();
    expect(typed).toEqual(english);
  });

  it("type a host page's code: the element, its strings and its events", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "paingraph-typings-"));
    try {
      const host = path.join(dir, "host.ts");
      const good = `import type {} from ${JSON.stringify(path.join(WIDGET_DIR, "paingraph"))};
        const element = document.createElement("paingraph-recommendations");
        element.strings = { treatments: "Options", tryAgain: "Retry" };
        element.addEventListener("paingraph-load", (event) => event.detail.items[0]?.treatment.name.trim());
        element.addEventListener("paingraph-error", (event) => event.detail.message.trim());
        void element.refresh();`;
      const bad = `${good}\n element.strings = { treatmens: "typo" };`;
      const check = (source: string) => {
        writeFileSync(host, source);
        const program = ts.createProgram([host], {
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          target: ts.ScriptTarget.ES2020,
          module: ts.ModuleKind.ESNext,
          moduleResolution: ts.ModuleResolutionKind.Bundler,
          lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
          types: [],
        });
        return ts
          .getPreEmitDiagnostics(program)
          .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      };
      expect(check(good)).toEqual([]);
      expect(check(bad)).toEqual([expect.stringContaining("'treatmens' does not exist")]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
