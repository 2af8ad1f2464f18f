/**
 * Persisted-only mode (PERSISTED_QUERIES_ONLY=true): the API answers only the operations of a safelist generated
 * at build time and committed (schema/safelist.json: the widget's operations and the documented examples', made by
 * `npm run safelist`). An operation is known by its id, the SHA-256 of its document with every ignored character
 * stripped (graphql-js stripIgnoredCharacters), so whitespace, commas and comments do not matter. Anything else is
 * refused with PERSISTED_QUERY_NOT_ALLOWED before it runs, over POST, GET and automatic persisted queries alike;
 * a refused document is never registered as a persisted query. A client may also send just the id as the
 * persisted-query hash: the document comes from the safelist, no registration needed.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { InMemoryLRUCache, type KeyValueCache } from "@apollo/utils.keyvaluecache";
import { stripIgnoredCharacters } from "graphql";
import { PROJECT_ROOT } from "../config";
import { PersistedQueryNotAllowedError } from "../errors";

export const SAFELIST_FILE = path.join(PROJECT_ROOT, "schema", "safelist.json");
export const SAFELIST_FORMAT = "paingraph-safelist/1";

export interface SafelistedOperation {
  /** SHA-256 (hex) of `document`. */
  id: string;
  /** The operation names in the document ("anonymous" for one without). */
  names: string[];
  /** Where it comes from, relative to the project root. */
  source: string;
  /** The document with ignored characters stripped. */
  document: string;
}

export interface Safelist {
  format: typeof SAFELIST_FORMAT;
  operations: SafelistedOperation[];
}

/** The id of a document: the same for every spelling of it that differs only in ignored characters. */
export function operationId(document: string): string | null {
  try {
    return createHash("sha256").update(stripIgnoredCharacters(document)).digest("hex");
  } catch {
    return null; // not GraphQL at all: no id, never safelisted
  }
}

export function readSafelist(file = SAFELIST_FILE): Safelist {
  const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Safelist;
  if (parsed.format !== SAFELIST_FORMAT || !Array.isArray(parsed.operations)) {
    throw new Error(`${file} is not a ${SAFELIST_FORMAT} file: run npm run safelist`);
  }
  return parsed;
}

/** Whether a document is on the safelist. The GraphQL handler asks before Apollo parses a document sent as text. */
export function safelistAllows(safelist: Safelist): (document: string) => boolean {
  const allowed = new Set(safelist.operations.map((operation) => operation.id));
  return (document) => {
    const id = operationId(document);
    return id !== null && allowed.has(id);
  };
}

/**
 * Refuses every operation whose document is not on the safelist, before it executes or is registered: the check
 * for documents that arrive by hash (a persisted query another replica's store holds), after Apollo resolved them.
 */
export function safelistPlugin<TContext extends BaseContext>(
  safelist: Safelist,
): ApolloServerPlugin<TContext> {
  const allows = safelistAllows(safelist);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ source }) {
          if (!allows(source)) throw new PersistedQueryNotAllowedError();
        },
      };
    },
  };
}

/**
 * The persisted-query store, answering a safelisted operation's id with its document; over the shared store
 * when there is one, else over an in-process one like Apollo's default.
 */
export function withSafelistedDocuments(
  cache: KeyValueCache<string> | null,
  safelist: Safelist,
): KeyValueCache<string> {
  cache ??= new InMemoryLRUCache<string>();
  const documents = new Map(safelist.operations.map((operation) => [operation.id, operation.document]));
  return {
    // Apollo prefixes the keys it asks for ("apq:<hash>").
    get: async (key) => documents.get(key.slice(key.lastIndexOf(":") + 1)) ?? cache.get(key),
    set: (key, value, options) => cache.set(key, value, options),
    delete: (key) => cache.delete(key),
  };
}
