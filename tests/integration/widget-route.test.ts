import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { PROJECT_ROOT } from "../../src/config";
import { startTestServer, type TestServer } from "../support/server";

const SCRIPT = readFileSync(path.join(PROJECT_ROOT, "widget/paingraph.js"));

describe("the /widget/ route", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ CORS_ORIGINS: "https://clinic.example" });
  });
  afterAll(() => server.close());

  it("serves the widget script as JavaScript, cacheable, with an ETag", async () => {
    const response = await fetch(`${server.url}/widget/paingraph.js`, {
      headers: { "accept-encoding": "identity" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=300, stale-while-revalidate=3600");
    expect(response.headers.get("etag")).toMatch(/^"[\w-]{22}"$/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(Buffer.from(await response.arrayBuffer()).equals(SCRIPT)).toBe(true);
  });

  it("sends it gzipped to clients that accept gzip, varying on Accept-Encoding and Origin", async () => {
    const response = await fetch(`${server.url}/widget/paingraph.js`, {
      headers: { "accept-encoding": "gzip", origin: "https://clinic.example" },
    });
    // fetch decodes the body itself; the header says what travelled.
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(response.headers.get("vary")).toBe("Origin, Accept-Encoding");
    expect(response.headers.get("access-control-allow-origin")).toBe("https://clinic.example");
    expect(Buffer.from(await response.arrayBuffer()).equals(SCRIPT)).toBe(true);
    const raw = await rawGet("/widget/paingraph.js", { "accept-encoding": "gzip" });
    expect(gunzipSync(raw.body).equals(SCRIPT)).toBe(true);
    // The size budget the README states: small enough to embed anywhere.
    expect(SCRIPT.length).toBeLessThan(45_000);
    expect(raw.body.length).toBeLessThan(14_000);
  });

  it("answers a matching If-None-Match with 304 and no body", async () => {
    const first = await fetch(`${server.url}/widget/paingraph.js`, {
      headers: { "accept-encoding": "identity" },
    });
    const etag = first.headers.get("etag")!;
    const again = await fetch(`${server.url}/widget/paingraph.js`, {
      headers: { "accept-encoding": "identity", "if-none-match": etag },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it("serves the demo page as HTML with a CSP that allows only its own script", async () => {
    for (const url of ["/widget/", "/widget/index.html"]) {
      const response = await fetch(`${server.url}${url}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(await response.text()).toContain('<script src="paingraph.js" defer></script>');
    }
  });

  it("serves version 1.0.0 frozen and immutable, and the latest 1.x at /widget/v1/", async () => {
    const released = await fetch(`${server.url}/widget/1.0.0/paingraph.js`);
    expect(released.status).toBe(200);
    expect(released.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(released.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const bytes = Buffer.from(await released.arrayBuffer());
    expect(bytes.equals(readFileSync(path.join(PROJECT_ROOT, "widget/releases/1.0.0/paingraph.js")))).toBe(
      true,
    );
    expect(`sha384-${createHash("sha384").update(bytes).digest("base64")}`).toBe(
      "sha384-xgx2p2P7gh5UtKhc4zIXn9NYId7sR0vPFU6rTbK14gBynNJQMfKc36gA+NdMqOQW",
    );

    const latest = await fetch(`${server.url}/widget/v1/paingraph.js`);
    expect(latest.headers.get("cache-control")).toBe("public, max-age=300, stale-while-revalidate=3600");
    expect(Buffer.from(await latest.arrayBuffer()).equals(SCRIPT)).toBe(true);
  });

  it("serves the custom-elements manifest, the typings and the demo's picker script", async () => {
    const manifest = await fetch(`${server.url}/widget/custom-elements.json`);
    expect(manifest.headers.get("content-type")).toBe("application/json");
    const body = (await manifest.json()) as { modules: Array<{ declarations: Array<{ tagName: string }> }> };
    expect(body.modules[0]!.declarations[0]!.tagName).toBe("paingraph-recommendations");
    for (const file of ["paingraph.d.ts", "paingraph.types.ts"]) {
      const typings = await fetch(`${server.url}/widget/${file}`);
      expect([file, typings.status, typings.headers.get("content-type")]).toEqual([
        file,
        200,
        "text/plain; charset=utf-8",
      ]);
    }
    expect(await (await fetch(`${server.url}/widget/paingraph.d.ts`)).text()).toContain(
      '"paingraph-recommendations": PainGraphRecommendationsElement',
    );
    const demo = await fetch(`${server.url}/widget/demo.js`);
    expect([demo.status, demo.headers.get("content-type")]).toEqual([200, "text/javascript; charset=utf-8"]);
  });

  it("redirects /widget to /widget/ so the demo's relative script URL resolves", async () => {
    const response = await fetch(`${server.url}/widget`, { redirect: "manual" });
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe("/widget/");
  });

  it("serves nothing else: no other file, no directory traversal", async () => {
    for (const url of [
      "/widget/releases/1.0.0/paingraph.js",
      "/widget/9.9.9/paingraph.js",
      "/widget/v2/paingraph.js",
      "/widget/1.0.0/",
      "/widget/paingraph.test.ts",
      "/widget/../package.json",
      "/widget/%2e%2e/package.json",
      "/widget/..%2fpackage.json",
      "/widget//etc/passwd",
      "/widget/paingraph.js/",
    ]) {
      const { status } = await rawGet(url);
      expect([url, status]).toEqual([url, 404]);
    }
  });

  it("accepts only GET and HEAD", async () => {
    const post = await fetch(`${server.url}/widget/paingraph.js`, { method: "POST", body: "x" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    const head = await fetch(`${server.url}/widget/paingraph.js`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });

  /** A GET whose path is sent exactly as written (fetch would normalize "..") and whose body is not decoded. */
  async function rawGet(pathname: string, headers: Record<string, string> = {}) {
    const { request } = await import("node:http");
    const url = new URL(server.url);
    return new Promise<{ status: number; body: Buffer }>((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: pathname, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      });
      req.on("error", reject);
      req.end();
    });
  }
});
