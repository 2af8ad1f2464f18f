import net from "node:net";
import type { AddressInfo } from "node:net";
import { probePort } from "../../neo4j-launcher/bolt-probe";

async function listen(
  onConnection: (socket: net.Socket) => void,
): Promise<{ port: number; close: () => void }> {
  const server = net.createServer(onConnection);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}

describe("probePort", () => {
  it("reports a port nobody listens on as free", async () => {
    const { port, close } = await listen(() => undefined);
    close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await probePort(port)).toBe("free");
  });

  it("reports a listener that answers with something other than a Bolt version as other", async () => {
    const { port, close } = await listen((socket) => socket.end("HTTP/1.1 400 Bad Request\r\n\r\n"));
    try {
      expect(await probePort(port)).toBe("other");
    } finally {
      close();
    }
  });

  it("reports a listener that answers a Bolt version as neo4j", async () => {
    const { port, close } = await listen((socket) =>
      socket.once("data", () => socket.write(Buffer.from([0, 0, 4, 5]))),
    );
    try {
      expect(await probePort(port)).toBe("neo4j");
    } finally {
      close();
    }
  });
});
