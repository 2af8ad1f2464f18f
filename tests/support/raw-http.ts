/** A raw TCP client for slow-client tests: sends exactly the bytes given and reports what came back, and when. */
import net from "node:net";

export interface RawExchange {
  /** Everything the server sent before closing (or before the wait ended). */
  received: string;
  /** Milliseconds from connecting until the server closed the connection; null if it stayed open. */
  closedAfterMs: number | null;
}

/** Connects to url's host and port, writes `bytes`, and waits at most waitMs for the server to close. */
export function rawExchange(url: string, bytes: string, waitMs: number): Promise<RawExchange> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect({ host: hostname, port: Number(port) }, () => socket.write(bytes));
    let received = "";
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ received, closedAfterMs: null });
    }, waitMs);
    socket.on("data", (chunk: Buffer) => (received += chunk.toString("utf8")));
    socket.on("error", () => undefined);
    socket.on("close", () => {
      clearTimeout(timer);
      resolve({ received, closedAfterMs: Date.now() - started });
    });
  });
}

/** Opens a connection and keeps it open and silent until closed by the caller (or the server). */
export async function idleConnection(url: string): Promise<{ closed: Promise<void>; socket: net.Socket }> {
  const { hostname, port } = new URL(url);
  const socket = net.connect({ host: hostname, port: Number(port) });
  socket.on("error", () => undefined);
  await new Promise<void>((resolve) => socket.once("connect", resolve));
  return { socket, closed: new Promise((resolve) => socket.once("close", () => resolve())) };
}
