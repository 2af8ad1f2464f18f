/** Safety statements per treatment: its own and those of the classes above it (unless it is left out). */
import { type EntityRecord, inKeyOrder } from "../graph/entity.model";
import { entityFromRow } from "../graph/entity.repository";
import type { Database } from "../neo4j/database";

export const FIND_PRECAUTIONS_OF_TREATMENTS = /* cypher */ `
  UNWIND $ids AS key
  MATCH path = (t:Treatment {id: key})-[:MEMBER_OF*0..3]->(:Treatment)<-[:CONCERNS]-(p:Precaution)
  WHERE none(n IN nodes(path)[..-1] WHERE n.id IN p.excludedMemberIds)
  WITH key, p ORDER BY length(path), p.position
  RETURN key, collect(DISTINCT p {.*, __label: 'Precaution'}) AS precautions`;

export class PrecautionRepository {
  constructor(private readonly db: Database) {}

  async findForTreatments(ids: readonly string[]): Promise<EntityRecord[][]> {
    const rows = await this.db.read<{ key: string; precautions: Array<Record<string, unknown>> }>(
      FIND_PRECAUTIONS_OF_TREATMENTS,
      { ids },
    );
    return inKeyOrder(
      ids,
      rows.map((row) => ({ key: row.key, value: row.precautions.map(entityFromRow) })),
      [],
    );
  }
}
