/** Turns driver values into plain JSON-friendly values: the rest of the code never sees a driver type. */
import neo4j from "neo4j-driver";

/**
 * Integers become numbers (strings past 2^53), temporals ISO strings, nodes and relationships their properties.
 * Converts in place: pass values the driver has just decoded (a record's toObject()), which nothing else holds.
 * Primitives return at once and plain maps and lists are not copied: on wide results (a W2 traversal decodes
 * ~350 kB per request) this was a fifth of the API's CPU time (BENCHMARKS.md).
 */
export function toNative(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object") return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = toNative(value[i]);
    return value;
  }
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const plain = value as Record<string, unknown>;
    for (const key of Object.keys(plain)) plain[key] = toNative(plain[key]);
    return plain;
  }
  if (neo4j.isInt(value)) {
    return value.inSafeRange() ? value.toNumber() : value.toString();
  }
  if (isTemporal(value)) return temporalToString(value);
  if (value instanceof neo4j.types.Node || value instanceof neo4j.types.Relationship) {
    return toNative(value.properties);
  }
  const plain: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) plain[key] = toNative(inner);
  return plain;
}

function isTemporal(value: unknown): boolean {
  return (
    neo4j.isDateTime(value) ||
    neo4j.isDate(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  );
}

function temporalToString(value: unknown): string {
  if (neo4j.isDateTime(value)) return new Date(value.toString()).toISOString();
  return String(value);
}

/**
 * Whole JS numbers become driver Integers (Cypher's LIMIT and integer properties need them); other numbers
 * stay floats. Applied to every parameter map before it reaches the driver.
 */
export function toDriverParams(value: unknown): unknown {
  if (typeof value === "number") return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toDriverParams);
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const converted: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>))
      converted[key] = toDriverParams(inner);
    return converted;
  }
  return value;
}
