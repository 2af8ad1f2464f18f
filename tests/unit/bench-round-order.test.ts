import { roundOrder } from "../../bench/src/round-order";

describe("the bench's round order", () => {
  it("runs each pair of rounds forwards then backwards, the next pair one system later", () => {
    expect([0, 1, 2, 3].map((round) => roundOrder(4, round))).toEqual([
      [0, 1, 2, 3],
      [3, 2, 1, 0],
      [1, 2, 3, 0],
      [0, 3, 2, 1],
    ]);
  });

  it("gives every system the same total of places in each pair of rounds, so a linear trend falls on all alike", () => {
    for (const systems of [2, 3, 6]) {
      for (const pair of [0, 1, 2]) {
        const places = new Map<number, number>();
        for (const round of [2 * pair, 2 * pair + 1])
          roundOrder(systems, round).forEach((system, place) =>
            places.set(system, (places.get(system) ?? 0) + place),
          );
        expect(new Set(places.values())).toEqual(new Set([systems - 1]));
      }
    }
  });

  it("lets every system lead once the pairs have gone round", () => {
    const leaders = new Set([0, 2, 4, 6, 8].map((round) => roundOrder(5, round)[0]));
    expect(leaders.size).toBe(5);
  });

  it("runs every system exactly once per round", () => {
    for (let round = 0; round < 7; round++) expect([...roundOrder(5, round)].sort()).toEqual([0, 1, 2, 3, 4]);
  });
});
