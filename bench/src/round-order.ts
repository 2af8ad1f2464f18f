/**
 * The order systems run in within each round: A B C D, then D C B A, then B C D A, then A D C B, and so on.
 *
 * Each pair of rounds runs the same order forwards and backwards, so a trend over the run (the machine or Neo4j
 * warming up, outside load fading) lands on every system alike: its two places add up to the same total. The next
 * pair starts one system later, so over many rounds every system also leads. A fixed order moved W1 by about 15 %
 * with a system's place in it (bench/results/w1-seed-order.json).
 */
export function roundOrder(systems: number, round: number): number[] {
  const shift = Math.floor(round / 2);
  const forwards = Array.from({ length: systems }, (_, i) => (i + shift) % systems);
  return round % 2 === 0 ? forwards : forwards.reverse();
}
