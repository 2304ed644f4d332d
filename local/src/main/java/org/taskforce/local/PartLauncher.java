package org.taskforce.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * How each part of the local stack is started: the data folder, Keycloak's distribution and realm,
 * and each service's command line with its development settings.
 */
final class PartLauncher {
  private final LocalStack.Options options;
  private final PrintStream out;
  private final Properties build;

  PartLauncher(LocalStack.Options options, PrintStream out) {
    this.options = options;
    this.out = out;
    this.build = buildProperties();
  }

  /** What the build wrote into {@code local-stack.properties}: versions and where Keycloak is. */
  private static Properties buildProperties() {
    Properties build = new Properties();
    try (InputStream in = LocalStack.class.getResourceAsStream("/local-stack.properties")) {
      build.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return build;
  }

  void prepareDataDir() {
    Path data = options.data();
    if (options.reset()) {
      out.println("reset: deleting databases, Keycloak's realm data, logs and demo-data marker");
      delete(data.resolve("mongo"));
      delete(data.resolve("logs"));
      delete(data.resolve("demo-data-loaded"));
      delete(data.resolve("keycloak-" + build.getProperty("keycloak.version")).resolve("data"));
    }
    try {
      Files.createDirectories(data.resolve("mongo"));
      Files.createDirectories(data.resolve("logs"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Keycloak's distribution, unpacked once from the Maven repository into the data folder. */
  Path keycloakHome() {
    String version = build.getProperty("keycloak.version");
    Path home = options.data().resolve("keycloak-" + version);
    if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
      Path dist = Path.of(build.getProperty("keycloak.dist"));
      if (!Files.exists(dist)) {
        throw new IllegalStateException(
            "Keycloak's distribution is not in the Maven repository ("
                + dist
                + "); run ./mvnw -q install -DskipTests first");
      }
      out.println("keycloak: unpacking " + version + " (first run only) …");
      run(List.of("tar", "xzf", dist.toString(), "-C", options.data().toString()));
    }
    try {
      Path imports = Files.createDirectories(home.resolve("data/import"));
      try (InputStream realm =
          LocalStack.class.getResourceAsStream("/realm/taskforce-realm.json")) {
        Files.copy(
            realm, imports.resolve("taskforce-realm.json"), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return home;
  }

  Process startKeycloak(Path home) {
    ProcessBuilder pb =
        new ProcessBuilder(
            home.resolve("bin/kc.sh").toString(),
            "start-dev",
            "--http-host=127.0.0.1",
            "--http-port=8180",
            "--http-management-port=9180",
            "--health-enabled=true",
            "--import-realm");
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
    pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", DemoData.ADMIN_CONSOLE_PASSWORD);
    pb.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx384m");
    return launch("keycloak", pb);
  }

  Process startService(LocalStack.Part s) {
    String module = s.name();
    List<String> command = new ArrayList<>(javaCommand(serviceJar(options.root(), module)));
    if (!module.equals("gateway")) {
      if (options.mongoUri().isEmpty()) {
        command.add("--taskforce.mongodb.data-dir=" + options.data().resolve("mongo"));
      } else {
        // A MongoDB named by URI counts as a real one: the development keys must be given.
        command.add("--taskforce.mongodb.uri=" + options.mongoUri());
        command.add("--taskforce.paging.token-secret=dev-" + module + "-page-tokens");
      }
      if (!options.backgroundTallies()) {
        command.add("--taskforce.cases.reporting.tally-interval=0");
        command.add("--taskforce.deconfliction.reporting.tally-interval=0");
      }
      command.add("--taskforce.security.client.client-id=" + module);
      command.add("--taskforce.security.client.client-secret=dev-" + module + "-secret");
    }
    if (module.equals("gateway")) {
      // The web console signs users in through the realm's taskforce-console client; its sessions
      // live in the gateway's embedded database beside the services' (kept across restarts).
      command.add("--taskforce.console.client-secret=dev-taskforce-console-secret");
      command.add("--taskforce.mongodb.data-dir=" + options.data().resolve("mongo"));
      // Sealed with the fixed development key, which the gateway uses only when asked (never in a
      // deployment: there it needs taskforce.console.session-key).
      command.add("--taskforce.console.development-session-key=true");
    }
    if (module.equals("case-service")) {
      // A development key for tip reporters' sealed identities (32 bytes, base64): never use it
      // outside a local stack.
      command.add("--taskforce.intake.reporter-key=" + LocalStack.DEV_REPORTER_KEY);
    }
    if (module.equals("notification-service")) {
      // Partner receivers of a local demo listen on this machine, without TLS.
      command.add("--taskforce.notifications.webhooks.allow-plain-http=true");
      // ... and only there: loopback is allowed as a webhook target on a local stack alone.
      command.add("--taskforce.notifications.webhooks.allowed-networks=127.0.0.0/8,::1");
      if (!options.mongoUri().isEmpty()) {
        command.add("--taskforce.notifications.webhooks.secret-key=" + LocalStack.DEV_REPORTER_KEY);
      }
    }
    return launch(module, new ProcessBuilder(command));
  }

  /** A service's packaged jar: {@code <root>/<module>/target/<module>-<version>.jar}. */
  static Path serviceJar(Path root, String module) {
    Path jar =
        root.resolve(module)
            .resolve("target")
            .resolve(module + "-" + buildProperties().getProperty("version") + ".jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing; run ./mvnw -q install -DskipTests first");
    }
    return jar;
  }

  /** The command that runs a service's jar with the local stack's small-machine JVM settings. */
  static List<String> javaCommand(Path jar) {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        LocalStack.JVM_MEMORY,
        "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1",
        "-Xss512k",
        "-jar",
        jar.toString());
  }

  private Process launch(String name, ProcessBuilder pb) {
    Path log = options.data().resolve("logs").resolve(name + ".log");
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      out.println(name + ": starting (log: " + options.root().relativize(log) + ")");
      return pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void requireFreePort(LocalStack.Part p) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("127.0.0.1", p.port()));
    } catch (IOException e) {
      throw new IllegalStateException(
          "port "
              + p.port()
              + " ("
              + p.name()
              + ") is in use: is a local stack already running? Stop it (Ctrl-C) first");
    }
  }

  private static void run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).inheritIO().start();
      if (p.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void delete(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
