import { spawn } from "node:child_process";
import { anyBusy, settle } from "../../bench/src/settle";

const options = { busyShare: 0.1, windowMs: 250, timeoutMs: 1_000 };

describe("the bench's wait for quiet between rounds", () => {
  it("calls a process busy above a tenth of a core over the window, and a vanished one idle", () => {
    expect(anyBusy([5, 20], options)).toBe(false);
    expect(anyBusy([5, 30], options)).toBe(true);
    expect(anyBusy([null, 0], options)).toBe(false);
  });

  it("returns at once for idle processes, and gives up on a busy one after the timeout", async () => {
    const sleeper = spawn("sleep", ["5"]);
    try {
      const idle = await settle([sleeper.pid!], { ...options, windowMs: 50 });
      expect(idle.settled).toBe(true);
    } finally {
      sleeper.kill();
    }

    const spin = setInterval(() => {
      const until = Date.now() + 40;
      while (Date.now() < until);
    }, 45);
    try {
      const busy = await settle([process.pid], { ...options, windowMs: 100, timeoutMs: 400 });
      expect(busy).toEqual({ waitedMs: expect.any(Number), settled: false });
      expect(busy.waitedMs).toBeGreaterThanOrEqual(400);
    } finally {
      clearInterval(spin);
    }
  });
});
