/** Reads environment variables for config.ts, collecting every problem instead of stopping at the first. */

export type Env = Readonly<Record<string, string | undefined>>;

/** Collects every problem instead of stopping at the first, so one start-up shows them all. */
export class EnvReader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  string(name: string, fallback: string): string {
    const value = this.env[name];
    return value === undefined || value === "" ? fallback : value;
  }

  optional(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value === "" ? undefined : value;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    if (/^(1|true|yes|on)$/i.test(raw)) return true;
    if (/^(0|false|no|off)$/i.test(raw)) return false;
    this.problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(`${name} must be one of ${allowed.join(", ")} (got "${raw}")`);
    return fallback;
  }

  neo4jUri(name: string): string | undefined {
    const raw = this.optional(name);
    if (raw === undefined) return undefined;
    if (!isNeo4jUri(raw)) {
      this.problems.push(
        `${name} must be a URI like bolt://host:7687 or neo4j+s://host (schemes bolt, neo4j, +s, +ssc) (got "${raw}")`,
      );
      return undefined;
    }
    return raw;
  }
}

function isNeo4jUri(raw: string): boolean {
  try {
    const url = new URL(raw);
    return /^(bolt|neo4j)(\+s|\+ssc)?:$/.test(url.protocol) && url.hostname !== "";
  } catch {
    return false;
  }
}
