/** npm run audit:verify: checks the audit trail's hash chain; exits 1 and names the first break if it does not hold. */
import "reflect-metadata";
import { loadConfig } from "../src/config";
import { verifyAuditChain } from "../src/curation/audit-chain";
import { connectNeo4j } from "../src/neo4j/connection";

async function main(): Promise<number> {
  const connection = connectNeo4j(loadConfig().neo4j);
  try {
    const { checked, unchained, firstBreak } = await verifyAuditChain(connection.database);
    if (firstBreak) {
      console.error(
        `Audit trail BROKEN at ${firstBreak.changeId} (release v${firstBreak.version}): ${firstBreak.reason}. ` +
          `${checked} change(s) before it hold.`,
      );
      return 1;
    }
    console.log(
      `Audit trail intact: ${checked} chained change(s) verified, ${unchained} from before the chain.`,
    );
    return 0;
  } finally {
    await connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
