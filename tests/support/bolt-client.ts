/**
 * A minimal Bolt 4.4 client over raw TCP or over WebSocket, written from the protocol spec so that a test can
 * act as an attacker would (a web page's WebSocket with a foreign Origin, no or wrong credentials) without the
 * official driver smoothing anything over.
 */
import { randomBytes } from "node:crypto";
import net from "node:net";

export type BoltReply = "SUCCESS" | "FAILURE" | "IGNORED" | "RECORD" | "CLOSED";

export interface BoltAttempt {
  /** For WebSocket: the HTTP status line the upgrade got ("HTTP/1.1 101 Switching Protocols", ...). */
  upgrade: string | null;
  hello: BoltReply;
  /** What a query sent after HELLO got. */
  run: BoltReply;
  /** Every Neo4j status code in the FAILURE replies. */
  codes: string[];
}

const REPLY: Record<number, BoltReply> = {
  0x70: "SUCCESS",
  0x7f: "FAILURE",
  0x7e: "IGNORED",
  0x71: "RECORD",
};

const str = (text: string) => {
  const bytes = Buffer.from(text, "utf8");
  return Buffer.concat([
    bytes.length < 16 ? Buffer.from([0x80 | bytes.length]) : Buffer.from([0xd0, bytes.length]),
    bytes,
  ]);
};
const map = (entries: Record<string, string>) =>
  Buffer.concat([
    Buffer.from([0xa0 | Object.keys(entries).length]),
    ...Object.entries(entries).flatMap(([k, v]) => [str(k), str(v)]),
  ]);
const chunk = (message: Buffer) => {
  const size = Buffer.alloc(2);
  size.writeUInt16BE(message.length);
  return Buffer.concat([size, message, Buffer.from([0, 0])]);
};

/** Connects, says HELLO with `auth` (e.g. { scheme: "none" }), then tries RUN "RETURN 1" + PULL. */
export async function attemptBolt(
  port: number,
  auth: Record<string, string>,
  webSocketOrigin?: string,
): Promise<BoltAttempt> {
  const socket = net.connect({ port, host: "127.0.0.1" });
  const stream = new ByteStream(socket);
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  let upgrade: string | null = null;
  let send = (bytes: Buffer) => void socket.write(bytes);
  let read = (n: number) => stream.take(n);
  try {
    if (webSocketOrigin !== undefined) {
      upgrade = await webSocketUpgrade(socket, stream, port, webSocketOrigin);
      if (!upgrade.includes(" 101 ")) return { upgrade, hello: "CLOSED", run: "CLOSED", codes: [] };
      const frames = new FrameReader(stream);
      send = (bytes) => void socket.write(maskedFrame(bytes));
      read = (n) => frames.take(n);
    }
    send(Buffer.from([0x60, 0x60, 0xb0, 0x17, 0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    const version = await read(4);
    if (version === null) return { upgrade, hello: "CLOSED", run: "CLOSED", codes: [] };
    const codes: string[] = [];
    send(chunk(Buffer.concat([Buffer.from([0xb1, 0x01]), map({ user_agent: "hostile/1.0", ...auth })])));
    const hello = await readMessage(read, codes);
    send(
      chunk(Buffer.concat([Buffer.from([0xb3, 0x10]), str("RETURN 1 AS one"), Buffer.from([0xa0, 0xa0])])),
    );
    send(chunk(Buffer.concat([Buffer.from([0xb1, 0x3f, 0xa1]), str("n"), Buffer.from([0xff])])));
    const run = await readMessage(read, codes);
    return { upgrade, hello, run, codes };
  } finally {
    socket.destroy();
  }
}

async function readMessage(read: (n: number) => Promise<Buffer | null>, codes: string[]): Promise<BoltReply> {
  const parts: Buffer[] = [];
  for (;;) {
    const size = await read(2);
    if (size === null) return "CLOSED";
    const length = size.readUInt16BE(0);
    if (length === 0) break;
    const body = await read(length);
    if (body === null) return "CLOSED";
    parts.push(body);
  }
  const message = Buffer.concat(parts);
  const reply = REPLY[message[1] ?? -1] ?? "CLOSED";
  if (reply === "FAILURE") codes.push(...(message.toString("latin1").match(/Neo\.[A-Za-z.]+/g) ?? []));
  return reply;
}

async function webSocketUpgrade(socket: net.Socket, stream: ByteStream, port: number, origin: string) {
  socket.write(
    [
      "GET / HTTP/1.1",
      `Host: 127.0.0.1:${port}`,
      "Upgrade: websocket",
      "Connection: Upgrade",
      `Sec-WebSocket-Key: ${randomBytes(16).toString("base64")}`,
      "Sec-WebSocket-Version: 13",
      `Origin: ${origin}`,
      "",
      "",
    ].join("\r\n"),
  );
  const head = await stream.takeUntil("\r\n\r\n");
  return head === null ? "CLOSED" : head.toString("latin1").split("\r\n")[0]!;
}

function maskedFrame(payload: Buffer): Buffer {
  const mask = randomBytes(4);
  const length =
    payload.length < 126
      ? Buffer.from([0x80 | payload.length])
      : Buffer.from([0x80 | 126, payload.length >> 8, payload.length & 0xff]);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!));
  return Buffer.concat([Buffer.from([0x82]), length, mask, masked]);
}

/** Unwraps the server's (unmasked) WebSocket frames into one byte stream. */
class FrameReader {
  private buffered = Buffer.alloc(0);
  constructor(private readonly stream: ByteStream) {}

  async take(n: number): Promise<Buffer | null> {
    while (this.buffered.length < n) {
      const head = await this.stream.take(2);
      if (head === null || (head[0]! & 0x0f) === 0x8) return null;
      let length = head[1]! & 0x7f;
      if (length === 126) length = (await this.stream.take(2))?.readUInt16BE(0) ?? 0;
      else if (length === 127) length = Number((await this.stream.take(8))?.readBigUInt64BE(0) ?? 0);
      const payload = await this.stream.take(length);
      if (payload === null) return null;
      this.buffered = Buffer.concat([this.buffered, payload]);
    }
    const out = this.buffered.subarray(0, n);
    this.buffered = this.buffered.subarray(n);
    return out;
  }
}

/** Buffers a socket's bytes; resolves null once it closes (or after 10 s of silence). */
class ByteStream {
  private buffered = Buffer.alloc(0);
  private closed = false;
  private wake: (() => void) | null = null;

  constructor(socket: net.Socket) {
    socket.on("data", (data: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, data]);
      this.wake?.();
    });
    const end = () => {
      this.closed = true;
      this.wake?.();
    };
    socket.on("close", end).on("error", end);
  }

  take(n: number): Promise<Buffer | null> {
    return this.waitFor(() => (this.buffered.length >= n ? n : -1));
  }

  takeUntil(marker: string): Promise<Buffer | null> {
    return this.waitFor(() => {
      const at = this.buffered.indexOf(marker);
      return at < 0 ? -1 : at + marker.length;
    });
  }

  private async waitFor(ready: () => number): Promise<Buffer | null> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const end = ready();
      if (end >= 0) {
        const out = this.buffered.subarray(0, end);
        this.buffered = this.buffered.subarray(end);
        return out;
      }
      if (this.closed || Date.now() > deadline) return null;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, 200);
      });
    }
  }
}
