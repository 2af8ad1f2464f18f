// Lint rules, including the layering: main → server → schema → resolvers → context → loaders → repositories → neo4j
// → foundation, generated from layers.cjs.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { createRequire } from "node:module";

const { LAYERS, MATCH_ORDER, importPatternsOf } = createRequire(import.meta.url)("./layers.cjs");

const DRIVER_ONLY_IN_NEO4J = {
  name: "neo4j-driver",
  message: "Only src/neo4j/ may import neo4j-driver: go through the Database port.",
};

/** Each layer may not import the layers above it (layers.cjs holds the order, once). */
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

/** One lint block per layer, from the catch-all to the most specific: for a file, the last matching block wins. */
const layerBlocks = [...MATCH_ORDER].reverse().map((name) => {
  const index = LAYERS.findIndex((candidate) => candidate.name === name);
  const above = LAYERS.slice(0, index).flatMap(importPatternsOf);
  const { files } = LAYERS[index];
  if (name === "neo4j") {
    return {
      files,
      rules: {
        "no-restricted-imports": [
          "error",
          {
            patterns: [
              { group: above, message: "src/neo4j is the bottom layer: it imports only the foundation." },
            ],
          },
        ],
      },
    };
  }
  const names = LAYERS.slice(0, index).map((layer) => layer.name);
  return layer(
    files,
    above,
    `The ${name} layer may not import a layer above it (${names.join(", ")}): see layers.cjs.`,
  );
});

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
  ...layerBlocks,
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
          .concat(["setTimeout", "clearTimeout", "IntersectionObserver", "HTMLInputElement"])
          .map((name) => [name, "readonly"]),
      ),
    },
  },
  {
    // The explorer's entry point: an ES module for the browser, bundled by esbuild (scripts/build-explorer.ts).
    files: ["explorer/**/*.js"],
    languageOptions: {
      sourceType: "module",
      globals: Object.fromEntries(
        ["document", "fetch", "localStorage", "URL", "Worker"].map((name) => [name, "readonly"]),
      ),
    },
  },
);
