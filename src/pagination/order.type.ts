/** Sort direction shared by every ordered connection. */
import { registerEnumType } from "type-graphql";

export enum OrderDirection {
  ASC = "ASC",
  DESC = "DESC",
}

registerEnumType(OrderDirection, {
  name: "OrderDirection",
  description: "Sort direction.",
  valuesConfig: {
    ASC: { description: "Ascending (A→Z, 0→3)." },
    DESC: { description: "Descending (Z→A, 3→0)." },
  },
});
