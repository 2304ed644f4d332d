package org.taskforce.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole task force on one machine: Keycloak with the realm {@code taskforce}, case-,
 * deconfliction- and notification-service on the embedded MongoDB default, and the gateway. Each
 * runs as a process of its own, logs to {@code <data>/logs}, and is stopped with the launcher
 * (Ctrl-C): no process and no port is left behind.
 *
 * <p>{@code ./taskforce-local [--reset] [--no-demo-data] [--data-dir DIR]}
 */
public final class LocalStack implements AutoCloseable {
  public static final String ISSUER = "http://127.0.0.1:8180/realms/taskforce";
  public static final String GATEWAY = "127.0.0.1:8080";
  static final String JVM_MEMORY = "-Xmx256m";

  /** The local stack's reporter key (base64 of SHA-256 of a fixed phrase): development only. */
  static final String DEV_REPORTER_KEY = "3q1Hc0Wn6l9yLbB8p8c8o3s4M8Ai2dNvF5lqX4b0Z2s=";

  /** What runs, where it listens and how it says it is ready. */
  record Part(String name, int port, String health) {}

  static final Part KEYCLOAK = new Part("keycloak", 8180, "http://127.0.0.1:9180/health/ready");
  static final List<Part> SERVICES =
      List.of(
          new Part("case-service", 9091, "http://127.0.0.1:9191/actuator/health"),
          new Part("deconfliction-service", 9092, "http://127.0.0.1:9192/actuator/health"),
          new Part("notification-service", 9093, "http://127.0.0.1:9193/actuator/health"),
          new Part("gateway", 8080, "http://127.0.0.1:8081/actuator/health/readiness"));

  /**
   * @param root the repository (the services' jars are under {@code <module>/target})
   * @param data where Keycloak, the databases and the logs live between runs
   * @param mongoUri a MongoDB the three services keep their databases in (a test's own server, so
   *     it can read what was stored); empty: each service's embedded server, files under {@code
   *     data}
   */
  public record Options(Path root, Path data, boolean reset, boolean demoData, String mongoUri) {
    public Options(Path root, Path data, boolean reset, boolean demoData) {
      this(root, data, reset, demoData, "");
    }
  }

  private final Options options;
  private final PrintStream out;
  private final Properties build;
  private final List<Process> processes = new ArrayList<>();
  private final Map<String, Process> byName = new LinkedHashMap<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private LocalStack(Options options, PrintStream out) {
    this.options = options;
    this.out = out;
    this.build = new Properties();
    try (InputStream in = LocalStack.class.getResourceAsStream("/local-stack.properties")) {
      build.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void main(String[] args) throws Exception {
    Path root = Path.of(System.getProperty("taskforce.root", ".")).toAbsolutePath().normalize();
    Path data = root.resolve(".taskforce-local");
    boolean reset = false;
    boolean demo = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--reset" -> reset = true;
        case "--no-demo-data" -> demo = false;
        case "--data-dir" -> data = Path.of(args[++i]).toAbsolutePath();
        default -> {
          System.err.println(
              "usage: ./taskforce-local [--reset] [--no-demo-data] [--data-dir DIR]");
          System.exit(2);
        }
      }
    }
    LocalStack stack = new LocalStack(new Options(root, data, reset, demo), System.out);
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-stop"));
    try {
      stack.startAll();
    } catch (RuntimeException e) {
      System.err.println("\nlocal stack did not start: " + e.getMessage());
      System.err.println("logs: " + data.resolve("logs"));
      System.exit(1);
    }
    stack.printWelcome();
    Thread.currentThread().join();
  }

  /** Starts everything and waits until all is ready (for the journey tests). */
  public static LocalStack start(Options options, PrintStream out) {
    LocalStack stack = new LocalStack(options, out);
    try {
      stack.startAll();
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
    return stack;
  }

  void startAll() {
    long started = System.nanoTime();
    for (Part p : allParts()) {
      requireFreePort(p);
    }
    prepareDataDir();
    Path keycloak = keycloakHome();
    track(KEYCLOAK.name(), startKeycloak(keycloak));
    for (Part s : SERVICES) {
      track(s.name(), startService(s));
    }
    waitUntilReady(allParts(), started);
    if (options.demoData()) {
      Path marker = options.data().resolve("demo-data-loaded");
      if (Files.exists(marker)) {
        out.println("demo data: loaded on an earlier run (--reset starts afresh)");
      } else {
        out.print("demo data: loading through the gateway … ");
        out.flush();
        long t = System.nanoTime();
        DemoData.Summary summary = new DemoData(ISSUER, GATEWAY).load();
        out.printf(Locale.ROOT, "done in %.1f s: %s%n", (System.nanoTime() - t) / 1e9, summary);
        write(marker, summary.toString());
      }
    }
    out.printf(
        Locale.ROOT,
        "ready in %.0f s; resident memory of the stack: %,d MiB%n",
        (System.nanoTime() - started) / 1e9,
        residentMiB());
  }

  private void track(String name, Process process) {
    processes.add(process);
    byName.put(name, process);
  }

  /**
   * Kills one service the hard way (SIGKILL, as a crash or the kernel's OOM killer would): no
   * shutdown hook runs, nothing is flushed. For the crash tests.
   */
  public synchronized void kill(String name) {
    Process p = byName.get(name);
    if (p == null) {
      throw new IllegalArgumentException("no running part named " + name);
    }
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    try {
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " did not die within 10 s of SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    processes.remove(p);
    byName.remove(name);
    out.println(name + ": killed (SIGKILL)");
  }

  /** Starts a killed service again on the same data and waits until it is healthy. */
  public void restart(String name) {
    Part part =
        SERVICES.stream()
            .filter(s -> s.name().equals(name))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("not a service: " + name));
    long started = System.nanoTime();
    Process p = startService(part);
    synchronized (this) {
      track(name, p);
    }
    waitUntilReady(List.of(part), started);
  }

  static List<Part> allParts() {
    List<Part> all = new ArrayList<>();
    all.add(KEYCLOAK);
    all.addAll(SERVICES);
    return all;
  }

  private void requireFreePort(Part p) {
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

  private void prepareDataDir() {
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
  private Path keycloakHome() {
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

  private Process startKeycloak(Path home) {
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

  private Process startService(Part s) {
    String module = s.name();
    Path jar =
        options
            .root()
            .resolve(module)
            .resolve("target")
            .resolve(module + "-" + build.getProperty("version") + ".jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing; run ./mvnw -q install -DskipTests first");
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                JVM_MEMORY,
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xss512k",
                "-jar",
                jar.toString()));
    if (!module.equals("gateway")) {
      if (options.mongoUri().isEmpty()) {
        command.add("--taskforce.mongodb.data-dir=" + options.data().resolve("mongo"));
      } else {
        // A MongoDB named by URI counts as a real one: the development keys must be given.
        command.add("--taskforce.mongodb.uri=" + options.mongoUri());
        command.add("--taskforce.paging.token-secret=dev-" + module + "-page-tokens");
      }
      command.add("--taskforce.security.client.client-id=" + module);
      command.add("--taskforce.security.client.client-secret=dev-" + module + "-secret");
    }
    if (module.equals("gateway")) {
      // The web console signs users in through the realm's taskforce-console client.
      command.add("--taskforce.console.client-secret=dev-taskforce-console-secret");
    }
    if (module.equals("case-service")) {
      // A development key for tip reporters' sealed identities (32 bytes, base64): never use it
      // outside a local stack.
      command.add("--taskforce.intake.reporter-key=" + DEV_REPORTER_KEY);
    }
    if (module.equals("notification-service")) {
      // Partner receivers of a local demo listen on this machine, without TLS.
      command.add("--taskforce.notifications.webhooks.allow-plain-http=true");
      // ... and only there: loopback is allowed as a webhook target on a local stack alone.
      command.add("--taskforce.notifications.webhooks.allowed-networks=127.0.0.0/8,::1");
      if (!options.mongoUri().isEmpty()) {
        command.add("--taskforce.notifications.webhooks.secret-key=" + DEV_REPORTER_KEY);
      }
    }
    return launch(module, new ProcessBuilder(command));
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

  private void waitUntilReady(List<Part> parts, long started) {
    List<Part> waiting = new ArrayList<>(parts);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    long lastNote = System.nanoTime();
    while (!waiting.isEmpty()) {
      for (Process p : List.copyOf(processes)) {
        if (!p.isAlive()) {
          throw new IllegalStateException(
              "a process ended while starting (exit " + p.exitValue() + "); see its log");
        }
      }
      for (Part part : List.copyOf(waiting)) {
        if (ready(part)) {
          waiting.remove(part);
          out.printf(
              Locale.ROOT,
              "%s: ready after %.0f s%n",
              part.name(),
              (System.nanoTime() - started) / 1e9);
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "not ready within 5 minutes: " + waiting.stream().map(Part::name).toList());
      }
      if (!waiting.isEmpty() && System.nanoTime() - lastNote > TimeUnit.SECONDS.toNanos(10)) {
        out.printf(
            Locale.ROOT,
            "  … waiting for %s (%.0f s)%n",
            String.join(", ", waiting.stream().map(Part::name).toList()),
            (System.nanoTime() - started) / 1e9);
        lastNote = System.nanoTime();
      }
      sleep(500);
    }
  }

  private boolean ready(Part part) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(part.health()))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 && r.body().contains("UP");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Sum of the resident sets of every process of the stack (Linux /proc), in MiB. */
  public long residentMiB() {
    long kib = 0;
    for (Process p : processes) {
      kib += residentKiB(p.toHandle());
      for (ProcessHandle child : p.descendants().toList()) {
        kib += residentKiB(child);
      }
    }
    return kib >> 10;
  }

  private static long residentKiB(ProcessHandle p) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  void printWelcome() {
    out.println(
        """

        ─── Taskforce is running ───────────────────────────────────────────────────────────
        web console             http://127.0.0.1:8080/    sign in as any demo user below
        gateway (REST + gRPC)   http://127.0.0.1:8080     OpenAPI: /api/v1/openapi.json
        Keycloak                http://127.0.0.1:8180     admin console: admin / %s
        services (gRPC)         case 9091, deconfliction 9092, notification 9093
        data and logs           %s

        Demo users (development realm only; password for all: %s):
          ago.investigator  ago.commander  ago.watch  ago.admin     NM Attorney General (lead)
          ago.grants                                                its grant manager (reports)
          ago.intake (intake coordinator: tips)                     NM Attorney General
          hsi.investigator  hsi.commander  hsi.admin                HSI Albuquerque
          apd.investigator  apd.commander                           Albuquerque PD
          fbi.investigator  usao.investigator  bcso.investigator  nnpd.investigator
          crisis.advocate                                           victim-service provider
        Partner system (client credentials): bcso-rms / dev-bcso-rms-secret

        Try:
          TOKEN=$(curl -s -d grant_type=password -d client_id=taskforce-cli \\
            -d username=apd.investigator -d 'password=%s' \\
            %s/protocol/openid-connect/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
          curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:8080/api/v1/cases
          curl -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
            -d '{"selectors":[{"phone":{"number":"(505) 555-0142"}}],"purpose":"pre-arrest check"}' \\
            http://127.0.0.1:8080/api/v1/checks
          curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:8080/api/v1/notifications
        Ctrl-C stops everything.
        """
            .formatted(
                DemoData.ADMIN_CONSOLE_PASSWORD,
                options.data(),
                DemoData.PASSWORD,
                DemoData.PASSWORD,
                ISSUER));
  }

  /** Stops every process (SIGTERM, then SIGKILL after 20 s), services first, Keycloak last. */
  @Override
  public synchronized void close() {
    List<Process> reversed = new ArrayList<>(processes);
    java.util.Collections.reverse(reversed);
    for (Process p : reversed) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
    }
    for (Process p : reversed) {
      try {
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        p.descendants().forEach(ProcessHandle::destroyForcibly);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (!processes.isEmpty()) {
      out.println("local stack stopped");
    }
    processes.clear();
    byName.clear();
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

  private static void write(Path path, String text) {
    try {
      Files.writeString(path, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting");
    }
  }
}
