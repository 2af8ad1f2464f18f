/** The documentation holds together: every relative link and #anchor resolves, and the README stays a front door. */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const SKIPPED_DIRS = new Set(["node_modules", "dist", ".git", ".neo4j", "artifacts", "coverage", ".data"]);

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory())
      return SKIPPED_DIRS.has(entry.name) ? [] : markdownFiles(path.join(dir, entry.name));
    return entry.name.endsWith(".md") ? [path.join(dir, entry.name)] : [];
  });
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, "")
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** Text outside fenced code blocks and inline code spans, where links are links. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, "").replace(/`[^`\n]*`/g, "");
}

function anchorsIn(file: string): Set<string> {
  const headings = prose(fs.readFileSync(file, "utf8"))
    .split("\n")
    .filter((line) => /^#{1,6} /.test(line));
  return new Set(headings.map((line) => anchorOf(line.replace(/^#+ /, ""))));
}

interface Link {
  from: string;
  target: string;
}

function linksIn(file: string): Link[] {
  const text = prose(fs.readFileSync(file, "utf8"));
  return [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)]
    .map((match) => match[1] ?? "")
    .filter((target) => !/^[a-z]+:/i.test(target))
    .map((target) => ({ from: path.relative(ROOT, file), target }));
}

function broken(link: Link): boolean {
  const [filePart = "", anchor] = link.target.split("#");
  const file =
    filePart === "" ? path.join(ROOT, link.from) : path.resolve(ROOT, path.dirname(link.from), filePart);
  if (!fs.existsSync(file)) return true;
  if (anchor === undefined) return false;
  return !file.endsWith(".md") || !anchorsIn(file).has(decodeURIComponent(anchor));
}

const files = markdownFiles(ROOT);

describe("documentation links", () => {
  it("finds the README, the docs index and every page the index promises", () => {
    const names = files.map((file) => path.relative(ROOT, file));
    expect(names).toEqual(expect.arrayContaining(["README.md", "docs/README.md", "docs/querying.md"]));
  });

  it("resolves every relative link and anchor in every Markdown file", () => {
    const links = files.flatMap(linksIn);
    expect(links.length).toBeGreaterThan(50);
    expect(links.filter(broken)).toEqual([]);
  });

  it("links every page in docs/ from the docs index", () => {
    const index = fs.readFileSync(path.join(ROOT, "docs", "README.md"), "utf8");
    const pages = fs.readdirSync(path.join(ROOT, "docs")).filter((name) => name.endsWith(".md"));
    expect(pages.filter((page) => page !== "README.md" && !index.includes(`](${page}`))).toEqual([]);
  });

  it("keeps the README a front door of at most 200 lines", () => {
    const lines = fs.readFileSync(path.join(ROOT, "README.md"), "utf8").trimEnd().split("\n");
    expect(lines.length).toBeLessThanOrEqual(200);
  });

  it("detects a broken link and a missing anchor (the checker can fail)", () => {
    expect(broken({ from: "README.md", target: "docs/no-such-page.md" })).toBe(true);
    expect(broken({ from: "README.md", target: "docs/querying.md#no-such-heading" })).toBe(true);
    expect(broken({ from: "docs/querying.md", target: "#errors" })).toBe(false);
    expect(anchorOf("Typed clients and schema evolution")).toBe("typed-clients-and-schema-evolution");
    expect(anchorOf("Recommendations: how it ranks")).toBe("recommendations-how-it-ranks");
  });
});
