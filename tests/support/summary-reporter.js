/** Prints the plain closing line CI reads, exactly "N passed, N failed"; skipped tests get a line of their own before it. */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `${results.numPassedTests} passed, ${failed} failed`;
    if (skipped) process.stdout.write(`\n${skipped} skipped (not counted as passed)\n`);
    process.stdout.write(`\n${line}\n`);
    require("node:fs").writeFileSync(
      require("node:path").join(__dirname, "..", "..", ".test-summary"),
      `${line}\n`,
    );
  }
}
module.exports = SummaryReporter;
