/** Page-size rules shared by every connection: a default, a maximum, and typed errors naming the argument. */
import { BadUserInputError } from "../errors";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function pageSize(
  first: number | null | undefined,
  argumentName = "first",
  max = MAX_PAGE_SIZE,
): number {
  if (first === null || first === undefined) return Math.min(DEFAULT_PAGE_SIZE, max);
  if (!Number.isInteger(first) || first < 0) {
    throw new BadUserInputError(`"${argumentName}" must be a whole number from 0 to ${max}`, argumentName);
  }
  if (first > max)
    throw new BadUserInputError(`"${argumentName}" must be at most ${max} (got ${first})`, argumentName);
  return first;
}

/** One page of rows fetched with limit first+1: the extra row only tells whether another page exists. */
export interface Page<T> {
  rows: T[];
  hasNextPage: boolean;
  totalCount: number;
}
