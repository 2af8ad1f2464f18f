/**
 * The Docker deployment, checked without a Docker engine (none runs on CI machines): docker-compose.yml's
 * structure and health checks, and the Dockerfile's stages. Where a Compose CLI is installed, `docker compose
 * config` must accept the file too.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { PROJECT_ROOT } from "../../src/config";

interface Service {
  image?: string;
  profiles?: string[];
  command?: string[];
  volumes?: string[];
  build?: unknown;
  environment?: Record<string, string | number>;
  ports?: string[];
  restart?: string;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[]; interval: string; retries: number; start_period?: string };
}

// merge: the replicas share one definition through a YAML merge key, as Compose reads it.
const compose = parse(readFileSync(path.join(PROJECT_ROOT, "docker-compose.yml"), "utf8"), {
  merge: true,
}) as {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
};
const dockerfile = readFileSync(path.join(PROJECT_ROOT, "Dockerfile"), "utf8");

/** `docker compose` (v2 plugin) or `docker-compose` (v1), whichever answers; null when neither is installed. */
function composeCli(): string[] | null {
  for (const command of [["docker", "compose"], ["docker-compose"]]) {
    const probe = spawnSync(command[0]!, [...command.slice(1), "version"], { encoding: "utf8" });
    if (probe.status === 0) return command;
  }
  return null;
}

describe("docker-compose.yml", () => {
  const { neo4j, api } = compose.services;

  it("runs Neo4j 5.26 Community and the API built from the Dockerfile", () => {
    const always = Object.entries(compose.services).filter(([, service]) => !service.profiles);
    expect(always.map(([name]) => name).sort()).toEqual(["api", "neo4j"]);
    expect(neo4j?.image).toMatch(/^neo4j:5\.26(\.\d+)?-community$/);
    expect(api?.build).toBe(".");
  });

  it("gives both services a health check, and starts the API only once Neo4j is healthy", () => {
    expect(neo4j?.healthcheck?.test.join(" ")).toContain("cypher-shell");
    expect(api?.healthcheck?.test.join(" ")).toContain("http://127.0.0.1:4000/ready");
    expect(api?.depends_on).toEqual({ neo4j: { condition: "service_healthy" } });
    for (const service of [neo4j, api]) {
      expect(service?.healthcheck).toMatchObject({
        interval: expect.any(String),
        retries: expect.any(Number),
      });
    }
  });

  it("points the API at the neo4j service in production mode, with the same required password on both sides", () => {
    const required = /^\$\{NEO4J_PASSWORD:\?[^}]+\}$/;
    expect(api?.environment).toMatchObject({
      NODE_ENV: "production",
      HOST: "0.0.0.0",
      NEO4J_URI: "bolt://neo4j:7687",
      NEO4J_PASSWORD: expect.stringMatching(required),
    });
    expect(neo4j?.environment?.NEO4J_AUTH).toBe(`neo4j/${api?.environment?.NEO4J_PASSWORD}`);
    // No default password anywhere in the file: compose refuses to start without one.
    expect(readFileSync(path.join(PROJECT_ROOT, "docker-compose.yml"), "utf8")).not.toMatch(
      /NEO4J_PASSWORD:-/,
    );
  });

  it("restarts both services after a crash or a daemon restart, unless stopped by hand", () => {
    expect([neo4j?.restart, api?.restart]).toEqual(["unless-stopped", "unless-stopped"]);
  });

  it("publishes ports on the host's loopback only and keeps Neo4j's data in a volume", () => {
    for (const service of [neo4j, api]) {
      for (const port of service?.ports ?? []) expect(port).toMatch(/^127\.0\.0\.1:/);
    }
    expect(compose.volumes).toHaveProperty("neo4j-data");
  });

  it("names only variables that src/config.ts reads", () => {
    const config = ["src/config.ts", "src/config-auth.ts", "src/config-limits.ts"]
      .map((file) => readFileSync(path.join(PROJECT_ROOT, file), "utf8"))
      .join("\n");
    for (const name of Object.keys(api?.environment ?? {})) expect(config).toContain(`"${name}"`);
  });

  const cli = composeCli();
  (cli ? it : it.skip)("is accepted by `docker compose config` with a password, and refused without", () => {
    const compose = (env: NodeJS.ProcessEnv) =>
      spawnSync(cli![0]!, [...cli!.slice(1), "config", "--quiet"], {
        cwd: PROJECT_ROOT,
        encoding: "utf8",
        env,
      });
    const { NEO4J_PASSWORD: _unset, ...withoutPassword } = process.env;
    const run = compose({ ...withoutPassword, NEO4J_PASSWORD: "a-password-for-compose" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const refused = compose(withoutPassword);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/set NEO4J_PASSWORD/);
  });
});

describe("the Docker build context", () => {
  it("leaves .env files out of the image, keeping only the secret-free example", () => {
    const ignored = readFileSync(path.join(PROJECT_ROOT, ".dockerignore"), "utf8").split("\n");
    expect(ignored).toEqual(expect.arrayContaining([".env", ".env.*", "!.env.example"]));
    expect(ignored.indexOf("!.env.example")).toBeGreaterThan(ignored.indexOf(".env.*"));
  });
});

describe("the Dockerfile", () => {
  const runtime = dockerfile.slice(dockerfile.indexOf("AS runtime"));

  it("compiles in a build stage and runs with production dependencies only, as the node user", () => {
    expect(dockerfile).toMatch(/FROM node:24[^\n]* AS build/);
    expect(runtime).toContain("npm ci --omit=dev");
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toContain('CMD ["node", "dist/scripts/start.js"]');
  });

  it("runs the API with one set of V8 heap limits wherever production starts it, and the benchmark does too", () => {
    const flags = ["--max-old-space-size=192", "--max-semi-space-size=32"];
    const flag = flags.join(" ");
    const scripts = (
      JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(dockerfile).toContain(`ENV NODE_OPTIONS="${flag}"`);
    expect(scripts.serve).toContain(`node ${flag} dist/src/main.js`);
    expect(scripts.start).toContain(`node ${flag} dist/scripts/start.js`);
    // start.js runs the API as a child process, which must get the same flags.
    expect(readFileSync(path.join(PROJECT_ROOT, "scripts/start.ts"), "utf8")).toContain(
      "...process.execArgv",
    );
    const bench = readFileSync(path.join(PROJECT_ROOT, "bench/src/systems.ts"), "utf8");
    expect(bench).toContain(`PRODUCTION_NODE_FLAGS = [${flags.map((one) => `"${one}"`).join(", ")}]`);
  });

  it("has a health check and ships the widget the API serves at /widget/", () => {
    expect(runtime).toMatch(/HEALTHCHECK [^\n]*\\\n\s+CMD [^\n]*\/health/);
    expect(runtime).toContain("COPY widget ./widget");
    // The build stage bundles the offline explorer (served from dist/explorer).
    expect(dockerfile).toContain("COPY explorer ./explorer");
  });

  it("copies only files that exist in the repository", () => {
    const sources = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((match) =>
      match[1]!.split(/\s+/),
    );
    expect(sources.length).toBeGreaterThan(5);
    for (const source of sources) expect(existsSync(path.join(PROJECT_ROOT, source))).toBe(true);
  });
});

describe("docker-compose.yml's scale profile", () => {
  const { services } = compose;
  const replicas = ["api-1", "api-2", "api-3"].map((name) => services[name]);

  it("adds Redis, three API replicas and nginx, only when the profile is asked for", () => {
    const scale = Object.entries(services).filter(([, service]) => service.profiles?.includes("scale"));
    expect(scale.map(([name]) => name).sort()).toEqual(["api-1", "api-2", "api-3", "lb", "redis"]);
    expect(services.lb?.image).toMatch(/^nginx:/);
    expect(services.redis?.image).toMatch(/^redis:/);
  });

  it("points every replica at the shared Redis and Neo4j, and mounts the nginx configuration the recipe test runs", () => {
    for (const replica of replicas) {
      expect(replica?.build).toBe(".");
      expect(replica?.environment).toMatchObject({
        REDIS_URL: "redis://redis:6379",
        NEO4J_URI: "bolt://neo4j:7687",
        TRUST_PROXY: "true",
      });
      expect(replica?.depends_on).toMatchObject({ redis: { condition: "service_healthy" } });
    }
    expect(services.lb?.volumes).toContain("./deploy/nginx.conf:/etc/nginx/nginx.conf:ro");
    expect(services.lb?.ports).toEqual(["127.0.0.1:8080:8080"]);
    const config = ["src/config.ts", "src/config-auth.ts", "src/config-limits.ts"]
      .map((file) => readFileSync(path.join(PROJECT_ROOT, file), "utf8"))
      .join("\n");
    for (const name of Object.keys(replicas[0]?.environment ?? {})) expect(config).toContain(`"${name}"`);
  });

  it("keeps Redis a cache: no persistence, bounded memory", () => {
    const command = (services.redis?.command ?? []).join(" ");
    expect(command).toContain("--save  --appendonly no");
    expect(command).toMatch(/--maxmemory \d+mb --maxmemory-policy allkeys-lru/);
  });
});
