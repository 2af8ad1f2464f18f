/**
 * The shared tier (REDIS_URL): one command connection and one subscriber connection to Redis, and whether
 * Redis answers right now. Commands never queue while Redis is away (callers fall back at once); the client
 * reconnects on its own, so sharing resumes without a restart. Each change of state is one log line.
 */
import { Redis } from "ioredis";
import type { Logger } from "../logger";

export interface SharedTierEvents {
  /** Redis became reachable (true) or unreachable (false). */
  onAvailability?: (available: boolean) => void;
}

const RECONNECT_MAX_MS = 2_000;

export class SharedTier {
  readonly commands: Redis;
  readonly subscriber: Redis;
  private up = false;
  private closing = false;
  private readonly handlers = new Map<string, (message: string) => void>();

  constructor(
    url: string,
    private readonly logger: Logger,
    private readonly events: SharedTierEvents = {},
  ) {
    const options = {
      // Fail fast instead of queueing: a request must never wait for a Redis that is not there.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 1_000,
      commandTimeout: 500,
      retryStrategy: (attempt: number) => Math.min(50 * 2 ** attempt, RECONNECT_MAX_MS),
      lazyConnect: true,
    };
    this.commands = new Redis(url, options);
    // A subscriber must keep its subscriptions across reconnects, so it may queue SUBSCRIBE.
    this.subscriber = new Redis(url, { ...options, enableOfflineQueue: true, commandTimeout: undefined });
    this.commands.on("ready", () => this.setAvailable(true));
    this.commands.on("close", () => this.setAvailable(false));
    this.commands.on("error", () => undefined); // state changes are logged once, by setAvailable
    this.subscriber.on("error", () => undefined);
    this.subscriber.on("message", (channel: string, message: string) =>
      this.handlers.get(channel)?.(message),
    );
  }

  /** Connects both clients; resolves even when Redis is down (the API then runs on its in-process tier). */
  async connect(): Promise<void> {
    await Promise.all([
      this.commands.connect().catch(() => undefined),
      this.subscriber.connect().catch(() => undefined),
    ]);
    // connect() can resolve on the socket before the ready check answers: wait for it rather than log an outage.
    if (this.commands.status !== "ready") await this.readyWithin(1_000);
    if (this.commands.status === "ready") this.setAvailable(true);
    else if (!this.up) this.setAvailable(false, true);
  }

  private readyWithin(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.commands.off("ready", done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.commands.once("ready", done);
    });
  }

  available(): boolean {
    return this.up;
  }

  async subscribe(channel: string, handler: (message: string) => void): Promise<void> {
    this.handlers.set(channel, handler);
    await this.subscriber.subscribe(channel).catch(() => undefined);
  }

  /** Publishes when Redis is up; false when it is not (the other replicas' poll is the fallback). */
  async publish(channel: string, message: string): Promise<boolean> {
    if (!this.up) return false;
    try {
      await this.commands.publish(channel, message);
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    this.commands.disconnect();
    this.subscriber.disconnect();
  }

  private setAvailable(available: boolean, initial = false): void {
    // Our own close is not an outage: nothing to report.
    if ((available === this.up && !initial) || this.closing) return;
    this.up = available;
    this.events.onAvailability?.(available);
    if (available) this.logger.info("redis reachable: response cache and rate limits shared across replicas");
    else
      this.logger.warn(
        "redis unreachable: response cache bypassed, rate limits in-process, until it is back (retrying)",
      );
  }
}
