/**
 * The scale profile's recipe without a container engine: the same deploy/nginx.conf the compose profile mounts,
 * run by Debian's nginx in front of two Node replicas sharing one redis-server, on the test Neo4j.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../../src/config";
import { TestRedis, testRedisPort } from "../support/redis";
import { startTestServer, type TestServer } from "../support/server";

const redis = new TestRedis(testRedisPort(3));
const nginxPort = testRedisPort(4);
const directory = fs.mkdtempSync(path.join(os.tmpdir(), "paingraph-nginx-"));
const base = `http://127.0.0.1:${nginxPort}`;
const READ = `query RecipeRead { condition(id: "condition:fibromyalgia") { id name } }`;

/** deploy/nginx.conf with its upstreams, port and paths moved onto this machine; everything else as shipped. */
function localConf(replicas: TestServer[]): string {
  const shipped = fs.readFileSync(path.join(PROJECT_ROOT, "deploy/nginx.conf"), "utf8");
  const servers = /^( *)server api-1:4000 ([^;\n]*);\n(?: *server api-\d:4000 [^\n]*\n)*/m;
  expect(shipped).toMatch(servers);
  return `user root;\n${shipped}`
    .replace(servers, (_all, indent: string, options: string) =>
      replicas.map((replica) => `${indent}server ${new URL(replica.url).host} ${options};\n`).join(""),
    )
    .replace("listen 8080;", `listen 127.0.0.1:${nginxPort};`)
    .replaceAll("/tmp/paingraph-nginx", path.join(directory, "nginx"));
}

describe("the scale recipe: nginx in front of two replicas and one Redis", () => {
  const replicas: TestServer[] = [];
  let nginx: ChildProcess | null = null;

  beforeAll(async () => {
    await redis.start();
    for (let index = 0; index < 2; index++)
      replicas.push(
        await startTestServer({ REDIS_URL: redis.url, RESPONSE_CACHE_MB: "8", TRUST_PROXY: "true" }),
      );
    fs.writeFileSync(path.join(directory, "nginx.conf"), localConf(replicas));
    nginx = spawn("/usr/sbin/nginx", ["-c", path.join(directory, "nginx.conf"), "-g", "daemon off;"], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    const deadline = Date.now() + 15_000;
    while (
      !(await fetch(`${base}/health`).then(
        (response) => response.ok,
        () => false,
      ))
    ) {
      if (Date.now() > deadline) throw new Error("nginx did not start");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 120_000);
  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx!.once("exit", resolve));
      nginx.kill("SIGQUIT");
      await exited;
    }
    await redis.stop();
    for (const replica of replicas) await replica.close();
    fs.rmSync(directory, { recursive: true, force: true });
  }, 120_000);

  const get = () =>
    fetch(`${base}/graphql?${new URLSearchParams({ query: READ })}`, {
      headers: { "apollo-require-preflight": "true" },
    });

  it("answers GETs through the replicas and serves the repeat from nginx's cache, naming the release", async () => {
    const first = await get();
    const firstBody = await first.json();
    expect(firstBody).toEqual({
      data: { condition: { id: "condition:fibromyalgia", name: "Fibromyalgia" } },
    });
    expect(first.headers.get("x-paingraph-release")).toMatch(/^\d+\.[0-9a-f]{12}$/);
    const second = await get();
    expect(await second.json()).toEqual(firstBody);
    expect(second.headers.get("x-cache-status")).toBe("HIT");
    expect(second.headers.get("x-paingraph-release")).toBe(first.headers.get("x-paingraph-release"));
  });

  it("shares one rate-limit bucket per client address across both replicas", async () => {
    const remaining: number[] = [];
    for (let request = 0; request < 4; request++) {
      // POSTs are never cached by nginx, so each reaches a replica (round robin).
      const response = await fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: READ }),
      });
      remaining.push(Number(response.headers.get("ratelimit-remaining")));
    }
    for (let step = 1; step < remaining.length; step++)
      expect(remaining[step]).toBe(remaining[step - 1]! - 1);
  });

  it("passes a role-gated answer through uncached and marked private", async () => {
    const mutation = `mutation { updateCondition(input: { id: "condition:fibromyalgia", aliases: ["x"] }) { changed } }`;
    const response = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: mutation }),
    });
    const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    expect(body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("x-cache-status")).not.toBe("HIT");
  });
});
