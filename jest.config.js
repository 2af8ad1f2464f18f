/** Jest through ts-jest (decorator metadata survives); one Neo4j for the run, started by the global setup. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }] },
  globalSetup: "<rootDir>/tests/support/global-setup.ts",
  globalTeardown: "<rootDir>/tests/support/global-teardown.ts",
  setupFiles: ["reflect-metadata"],
  testTimeout: 60_000,
  // Integration files share one Neo4j; running files one at a time keeps them from racing on it.
  maxWorkers: 1,
  reporters: ["default", "<rootDir>/tests/support/summary-reporter.js"],
};
