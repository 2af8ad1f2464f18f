/** Opaque keyset cursors: the sort value and id of the last row seen, so pages stay stable under inserts. */
import { BadUserInputError } from "../errors";

export interface Keyset {
  /** The sort key of the row (e.g. its name); equal to the id when sorting by id. */
  sort: string | number;
  id: string;
}

export function encodeCursor(keyset: Keyset): string {
  return Buffer.from(JSON.stringify([keyset.sort, keyset.id]), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string, argumentName = "after"): Keyset {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      ["string", "number"].includes(typeof value[0]) &&
      typeof value[1] === "string"
    ) {
      return { sort: value[0] as string | number, id: value[1] };
    }
  } catch {
    // Falls through to the typed error below.
  }
  throw new BadUserInputError(`"${argumentName}" is not a cursor this API issued`, argumentName);
}
