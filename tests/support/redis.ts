/**
 * A real Redis for tests: Debian's redis-server on a port of the test run's own (moved by
 * PAINGRAPH_TEST_PORT_OFFSET, never 6379), loopback only, persistence off. Stop and start it again to test
 * what the API does while Redis is away.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import net from "node:net";

const PORT_OFFSET = Number(process.env.PAINGRAPH_TEST_PORT_OFFSET ?? 0);
export const REDIS_SERVER = process.env.REDIS_SERVER_BIN ?? "/usr/bin/redis-server";

/** A Redis port for a test file: 16000 + its number, moved by the checkout's offset. */
export function testRedisPort(base: number): number {
  return 16000 + PORT_OFFSET + base;
}

export function redisServerInstalled(): boolean {
  return spawnSync(REDIS_SERVER, ["--version"], { encoding: "utf8" }).status === 0;
}

export class TestRedis {
  private process: ChildProcess | null = null;

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.process) return;
    if (await accepts(this.port)) throw new Error(`Port ${this.port} is already in use: stop what holds it`);
    const child = spawn(
      REDIS_SERVER,
      [
        ...["--port", String(this.port), "--bind", "127.0.0.1", "--protected-mode", "yes"],
        ...["--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning"],
        ...["--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru"],
      ],
      { stdio: ["ignore", "ignore", "inherit"] },
    );
    this.process = child;
    await waitFor(() => accepts(this.port), 10_000, `redis-server on port ${this.port}`);
  }

  /** Stops the server (SIGTERM) and waits until the port is closed. */
  async stop(): Promise<void> {
    const child = this.process;
    if (!child) return;
    this.process = null;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    await waitFor(async () => !(await accepts(this.port)), 10_000, `redis-server on ${this.port} to stop`);
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
