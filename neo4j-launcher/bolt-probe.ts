/** Tells whether a TCP port is free, held by a Neo4j (it answers the Bolt handshake), or held by something else. */
import net from "node:net";

export type PortState = "free" | "neo4j" | "other";

// Bolt magic preamble, then four proposed versions (5.0–5.8, 4.4, none, none), per the Bolt handshake spec.
const HANDSHAKE = Buffer.from([
  0x60, 0x60, 0xb0, 0x17, 0x00, 0x08, 0x08, 0x05, 0x00, 0x00, 0x04, 0x04, 0, 0, 0, 0, 0, 0, 0, 0,
]);

export function probePort(port: number, host = "127.0.0.1", timeoutMs = 2000): Promise<PortState> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    let settled = false;
    const finish = (state: PortState) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(state);
    };
    socket.setTimeout(timeoutMs, () => finish("other"));
    socket.once("connect", () => socket.write(HANDSHAKE));
    socket.once("data", (reply: Buffer) => {
      finish(isBoltVersionReply(reply) ? "neo4j" : "other");
    });
    socket.once("error", (error: NodeJS.ErrnoException) =>
      finish(error.code === "ECONNREFUSED" ? "free" : "other"),
    );
    socket.once("close", () => finish("other"));
  });
}

/** A Bolt server answers with the 4 bytes [0, range, minor, major] of the version it picked (or the v5.7+ manifest). */
function isBoltVersionReply(reply: Buffer): boolean {
  if (reply.length !== 4 || reply[0] !== 0) return false;
  const major = reply[3]!;
  return (major >= 1 && major <= 6) || (reply[2] === 0x01 && major === 0xff);
}
