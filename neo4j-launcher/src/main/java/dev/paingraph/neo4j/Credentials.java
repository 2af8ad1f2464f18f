package dev.paingraph.neo4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.Transaction;

/**
 * Sets the neo4j user's password when it is not the one last applied, with Bolt switched off meanwhile.
 * A digest of the applied password is kept (0600) so later starts skip this step.
 */
final class Credentials {
  private static final String APPLIED = "neo4j-password.applied";

  private Credentials() {}

  static void applyIfChanged(Path home, Path conf, String password) throws IOException {
    Path marker = home.resolve(APPLIED);
    String digest = sha256(password);
    if (Files.exists(marker) && Files.readString(marker, StandardCharsets.UTF_8).trim().equals(digest)) return;

    DatabaseManagementService offline =
        new DatabaseManagementServiceBuilder(home)
            .loadPropertiesFromFile(conf)
            .setConfig(BoltConnector.enabled, false)
            .build();
    // A generous timeout of its own: the first system command is planned from cold, on a possibly busy machine.
    try (Transaction tx = offline.database("system").beginTx(5, TimeUnit.MINUTES)) {
      tx.execute("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password))
          .close();
      tx.commit();
    } catch (RuntimeException refused) {
      if (!mentionsSamePassword(refused)) throw refused;
    } finally {
      offline.shutdown();
    }
    Files.writeString(marker, digest + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(marker, PosixFilePermissions.fromString("rw-------"));
  }

  /** Neo4j refuses to "change" a password to the one it already has: that is success here. */
  private static boolean mentionsSamePassword(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      String message = String.valueOf(cause.getMessage()).toLowerCase();
      if (message.contains("cannot be the same")) return true;
    }
    return false;
  }

  private static String sha256(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
