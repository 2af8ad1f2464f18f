package dev.paingraph.neo4j;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Runs Neo4j Community embedded in this JVM, serving Bolt on 127.0.0.1 only, until SIGTERM.
 *
 * <p>Usage: {@code EmbeddedNeo4j --port 7687 --data .neo4j/data --conf neo4j-launcher/neo4j.conf}. Prints
 * {@code PAINGRAPH_NEO4J_READY bolt://127.0.0.1:<port>} once queries can run, and exits 3 when the port is
 * already taken (the Node side checks first whether that listener is a Neo4j it can reuse).
 */
public final class EmbeddedNeo4j {
  static final String READY = "PAINGRAPH_NEO4J_READY";
  static final int PORT_IN_USE = 3;
  static final int BAD_ARGUMENTS = 2;

  private EmbeddedNeo4j() {}

  public static void main(String[] args) throws Exception {
    LauncherArgs parsed = LauncherArgs.parse(args);
    if (parsed == null) {
      System.err.println("usage: EmbeddedNeo4j --port <port> --data <folder> --conf <neo4j.conf>");
      System.exit(BAD_ARGUMENTS);
    }
    if (!portIsFree(parsed.port())) {
      System.err.println(
          "PAINGRAPH_NEO4J_ERROR port 127.0.0.1:" + parsed.port() + " is already in use by another process");
      System.exit(PORT_IN_USE);
    }
    Path home = parsed.data().toAbsolutePath();
    Files.createDirectories(home);
    Path conf = writeEffectiveConf(parsed, home);

    DatabaseManagementService service =
        new DatabaseManagementServiceBuilder(home).loadPropertiesFromFile(conf).build();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  service.shutdown();
                  System.out.println("PAINGRAPH_NEO4J_STOPPED");
                  stopped.countDown();
                },
                "neo4j-shutdown"));

    GraphDatabaseService db = service.database("neo4j");
    db.executeTransactionally("RETURN 1");
    System.out.println(READY + " bolt://127.0.0.1:" + parsed.port());
    System.out.flush();
    stopped.await();
  }

  /** Binding first gives a clear message instead of Neo4j's long stack trace when the port is taken. */
  private static boolean portIsFree(int port) {
    try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      probe.setReuseAddress(true);
      return true;
    } catch (IOException taken) {
      return false;
    }
  }

  /** Bolt's port + 10000 (or - 10000 near the top of the range): never Neo4j's default 7688, which tests use. */
  static int routingPort(int boltPort) {
    return boltPort + 10000 < 65536 ? boltPort + 10000 : boltPort - 10000;
  }

  private static Path writeEffectiveConf(LauncherArgs args, Path home) throws IOException {
    String base = Files.readString(args.conf(), StandardCharsets.UTF_8);
    String effective =
        base
            + "\n# Added by the launcher\n"
            + "server.bolt.listen_address=127.0.0.1:" + args.port() + "\n"
            + "server.bolt.advertised_address=127.0.0.1:" + args.port() + "\n"
            // neo4j:// routing needs the routing connector; it gets a port of its own next to Bolt's.
            + "server.routing.listen_address=127.0.0.1:" + routingPort(args.port()) + "\n";
    Path conf = home.resolve("neo4j.effective.conf");
    Files.writeString(conf, effective, StandardCharsets.UTF_8);
    return conf;
  }
}
