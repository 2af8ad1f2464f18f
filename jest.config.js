/**
 * Jest through ts-jest (decorator metadata survives), in two projects: `unit` (tests/unit, tests/data: no Java, no
 * Neo4j; `npm run test:unit`) and `integration` (tests/integration: one Neo4j for the run, started by its global
 * setup). `npm test` runs both. Snapshots are never written by a CI-mode run (`--ci`): a missing one fails.
 */
const transform = {
  "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }],
};
const common = { testEnvironment: "node", transform, setupFiles: ["reflect-metadata"] };

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60_000,
  // Integration files share one Neo4j; running files one at a time keeps them from racing on it.
  maxWorkers: 1,
  reporters: ["default", "<rootDir>/tests/support/summary-reporter.js"],
  projects: [
    {
      ...common,
      displayName: "unit",
      roots: ["<rootDir>/tests/unit", "<rootDir>/tests/data"],
      testMatch: ["**/*.test.ts"],
    },
    {
      ...common,
      displayName: "integration",
      roots: ["<rootDir>/tests/integration"],
      testMatch: ["**/*.test.ts"],
      globalSetup: "<rootDir>/tests/support/global-setup.ts",
      globalTeardown: "<rootDir>/tests/support/global-teardown.ts",
    },
  ],
};
