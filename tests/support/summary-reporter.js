/** Prints the plain closing line CI reads: "N passed, N failed" (with skipped when any). */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`;
    process.stdout.write(`\n${line}\n`);
    require("node:fs").writeFileSync(
      require("node:path").join(__dirname, "..", "..", ".test-summary"),
      `${line}\n`,
    );
  }
}
module.exports = SummaryReporter;
