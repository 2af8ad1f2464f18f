// Lint rules, including the layering: main → server → schema → resolvers → loaders → repositories → neo4j.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const DRIVER_ONLY_IN_NEO4J = {
  name: "neo4j-driver",
  message: "Only src/neo4j/ may import neo4j-driver: go through the Database port.",
};

/** Each layer may not import the layers above it. */
const layer = (files, forbidden, message) => ({
  files,
  rules: {
    "no-restricted-imports": [
      "error",
      {
        paths: [DRIVER_ONLY_IN_NEO4J],
        ...(forbidden.length > 0 ? { patterns: [{ group: forbidden, message }] } : {}),
      },
    ],
  },
});

const ABOVE_RESOLVERS = ["**/main", "**/server", "**/schema", "**/http/*"];
const ABOVE_LOADERS = [...ABOVE_RESOLVERS, "**/*.resolver", "**/context"];
const ABOVE_REPOSITORIES = [...ABOVE_LOADERS, "**/*.loaders"];
const ABOVE_NEO4J = [...ABOVE_REPOSITORIES, "**/*.repository", "**/*.service"];

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "node_modules/",
      "**/node_modules/",
      ".neo4j/",
      "coverage/",
      "bench/.data/",
      "bench/dist/",
      "widget/dist/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        __dirname: "readonly",
        require: "readonly",
        module: "writable",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  layer(["**/*.ts"], [], ""),
  layer(
    ["src/**/*.resolver.ts", "src/**/*.type.ts", "src/**/*.input.ts"],
    ABOVE_RESOLVERS,
    "Resolvers and types may not import the server layer.",
  ),
  layer(["src/**/*.loaders.ts"], ABOVE_LOADERS, "Loaders may not import resolvers or anything above them."),
  layer(
    ["src/**/*.repository.ts", "src/**/*.service.ts", "src/**/*.model.ts", "src/**/*.rules.ts"],
    ABOVE_REPOSITORIES,
    "Repositories may not import loaders, resolvers or anything above them.",
  ),
  {
    // The benchmark's comparison servers (@neo4j/graphql, the raw-Cypher floor) use the driver directly by design.
    files: ["bench/**/*.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // The widget is a classic browser script in plain ES2020 (no build step): older syntax is a lint error.
    files: ["widget/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: Object.fromEntries(
        ["window", "document", "location", "customElements", "HTMLElement", "HTMLScriptElement", "Element"]
          .concat(["CSSStyleSheet", "CustomEvent", "URL", "AbortController", "fetch", "queueMicrotask"])
          .concat(["setTimeout", "clearTimeout"])
          .map((name) => [name, "readonly"]),
      ),
    },
  },
  {
    files: ["src/neo4j/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ABOVE_NEO4J.map((p) => p), message: "src/neo4j is the bottom layer." }] },
      ],
    },
  },
);
