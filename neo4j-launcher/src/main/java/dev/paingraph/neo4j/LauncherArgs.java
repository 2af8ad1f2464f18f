package dev.paingraph.neo4j;

import java.nio.file.Path;

/** The launcher's command line: a Bolt port, a data folder and the base neo4j.conf. */
record LauncherArgs(int port, Path data, Path conf) {

  /** Returns null when an argument is missing or malformed, so main can print the usage. */
  static LauncherArgs parse(String[] args) {
    Integer port = null;
    Path data = null;
    Path conf = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--port" -> port = parsePort(args[i + 1]);
        case "--data" -> data = Path.of(args[i + 1]);
        case "--conf" -> conf = Path.of(args[i + 1]);
        default -> {
          return null;
        }
      }
    }
    return port == null || data == null || conf == null ? null : new LauncherArgs(port, data, conf);
  }

  private static Integer parsePort(String text) {
    try {
      int port = Integer.parseInt(text);
      return port > 0 && port < 65536 ? port : null;
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }
}
