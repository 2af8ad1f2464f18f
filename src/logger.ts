/** The process logger: JSON lines in production, short readable lines elsewhere; secrets are redacted. */
import pino, { type DestinationStream, type Logger } from "pino";
import type { Config } from "./config";

export type { Logger };

const REDACT = ["*.password", "*.authorization", "*.apiKey", "*.token", "req.headers.authorization"];

export function createLogger(config: Pick<Config, "logLevel" | "jsonLogs">): Logger {
  const options = { level: config.logLevel, base: { service: "paingraph" }, redact: REDACT };
  return config.jsonLogs ? pino(options) : pino(options, readableLines());
}

/** One line per event for people at a terminal: time, level, message, then the remaining fields. */
function readableLines(): DestinationStream {
  return {
    write(line: string) {
      const { time, level, msg, service: _service, pid: _pid, hostname: _host, ...rest } = JSON.parse(line);
      const fields = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : "";
      const stamp = new Date(time).toISOString().slice(11, 23);
      process.stdout.write(`${stamp} ${pino.levels.labels[level] ?? level} ${msg ?? ""}${fields}\n`);
    },
  };
}
