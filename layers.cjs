/**
 * The layer order, written down once: eslint.config.mjs turns it into import rules and tests/unit/layering.test.ts
 * counts the imports that break it. Top to bottom; a file belongs to the first layer whose pattern it matches, and
 * may import only its own layer and those below.
 */
module.exports.LAYERS = [
  { name: "main", files: ["src/main.ts"] },
  {
    name: "server",
    files: [
      "src/server.ts",
      "src/http/**",
      "src/cache/**",
      "src/observability/**",
      "src/limits/**",
      "src/redis/**",
    ],
  },
  { name: "schema", files: ["src/schema.ts"] },
  {
    name: "resolvers",
    files: [
      "src/**/*.resolver.ts",
      "src/**/*.type.ts",
      "src/**/*.input.ts",
      "src/**/*.args.ts",
      // Helpers of resolvers: the type-graphql auth checker, node(id), GraphQL connections.
      "src/auth/auth-checker.ts",
      "src/node/load-node.ts",
      "src/pagination/connection.ts",
    ],
  },
  { name: "context", files: ["src/context.ts"] },
  {
    name: "loaders",
    files: [
      "src/**/*.loaders.ts",
      "src/**/*.slice.ts",
      "src/slice.ts",
      "src/graph/loader-kit.ts",
      "src/graph/typed-lookup.ts",
    ],
  },
  // Repositories, services and the domain rules they share (write model, pagination, auth, ranking): every other file.
  {
    name: "repositories",
    files: ["src/**"],
    imports: ["**/*.repository", "**/*.service", "**/write-model/**"],
  },
  { name: "neo4j", files: ["src/neo4j/**"] },
  {
    name: "foundation",
    files: [
      "src/errors.ts",
      "src/config.ts",
      "src/config-auth.ts",
      "src/config-limits.ts",
      "src/env-reader.ts",
      "src/logger.ts",
      "src/request-info.ts",
    ],
  },
];

/** Layers whose patterns are more specific than the catch-all: matched before it. */
const MATCH_ORDER = [
  "main",
  "server",
  "schema",
  "neo4j",
  "foundation",
  "resolvers",
  "context",
  "loaders",
  "repositories",
];

function toRegExp(glob) {
  const pattern = glob
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*\*\//g, "<any-dirs>")
    .replace(/\*\*/g, "<any>")
    .replace(/\*/g, "[^/]*")
    .replace(/<any-dirs>/g, "(?:.*/)?")
    .replace(/<any>/g, ".*");
  return new RegExp(`^${pattern}$`);
}

/** The index in LAYERS (0 = top) of a file given relative to the repository root, e.g. "src/catalog/x.ts". */
module.exports.layerOf = function layerOf(file) {
  for (const name of MATCH_ORDER) {
    const index = module.exports.LAYERS.findIndex((layer) => layer.name === name);
    if (module.exports.LAYERS[index].files.some((glob) => toRegExp(glob).test(file))) return index;
  }
  return -1;
};

module.exports.MATCH_ORDER = MATCH_ORDER;

// How imports of a layer's files are spelled, for the lint's import patterns: "src/http/**" → "**/http/**".
module.exports.importPatternsOf = function importPatternsOf(layer) {
  if (layer.imports) return layer.imports;
  return layer.files
    .filter((glob) => glob !== "src/**")
    .map((glob) => `**/${glob.replace(/^src\/(\*\*\/)?/, "").replace(/\.ts$/, "")}`);
};
