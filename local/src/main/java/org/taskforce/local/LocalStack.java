package org.taskforce.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
   * @param backgroundTallies whether the services bring report counts up to date in the background
   *     (off for a test that compares the databases around each call, so that only requests write)
   */
  public record Options(
      Path root,
      Path data,
      boolean reset,
      boolean demoData,
      String mongoUri,
      boolean backgroundTallies) {
    public Options(Path root, Path data, boolean reset, boolean demoData) {
      this(root, data, reset, demoData, "", true);
    }
  }

  private final Options options;
  private final PrintStream out;
  private final StackProcesses processes;
  private final PartLauncher launcher;
  private final ReadinessProbe readiness;

  private LocalStack(Options options, PrintStream out) {
    this.options = options;
    this.out = out;
    this.processes = new StackProcesses(out);
    this.launcher = new PartLauncher(options, out);
    this.readiness = new ReadinessProbe(processes, out);
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
      PartLauncher.requireFreePort(p);
    }
    launcher.prepareDataDir();
    Path keycloak = launcher.keycloakHome();
    processes.track(KEYCLOAK.name(), launcher.startKeycloak(keycloak));
    for (Part s : SERVICES) {
      processes.track(s.name(), launcher.startService(s));
    }
    readiness.waitUntilReady(allParts(), started);
    if (options.demoData()) {
      Path marker = options.data().resolve("demo-data-loaded");
      if (Files.exists(marker)) {
        out.println("demo data: loaded on an earlier run (--reset starts afresh)");
      } else {
        out.print("demo data: loading through the gateway … ");
        out.flush();
        long loading = System.nanoTime();
        DemoData.Summary summary = new DemoData(ISSUER, GATEWAY).load();
        out.printf(
            Locale.ROOT, "done in %.1f s: %s%n", (System.nanoTime() - loading) / 1e9, summary);
        write(marker, summary.toString());
      }
    }
    out.printf(
        Locale.ROOT,
        "ready in %.0f s; resident memory of the stack: %,d MiB%n",
        (System.nanoTime() - started) / 1e9,
        residentMiB());
  }

  /**
   * Kills one service the hard way (SIGKILL, as a crash or the kernel's OOM killer would): no
   * shutdown hook runs, nothing is flushed. For the crash tests.
   */
  public void kill(String name) {
    processes.kill(name);
  }

  /** Starts a killed service again on the same data and waits until it is healthy. */
  public void restart(String name) {
    Part part =
        SERVICES.stream()
            .filter(s -> s.name().equals(name))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("not a service: " + name));
    long started = System.nanoTime();
    processes.track(name, launcher.startService(part));
    readiness.waitUntilReady(List.of(part), started);
  }

  static List<Part> allParts() {
    List<Part> all = new ArrayList<>();
    all.add(KEYCLOAK);
    all.addAll(SERVICES);
    return all;
  }

  /** Sum of the resident sets of every process of the stack (Linux /proc), in MiB. */
  public long residentMiB() {
    return processes.residentMiB();
  }

  void printWelcome() {
    out.println(Welcome.text(options.data()));
  }

  /** Stops every process (SIGTERM, then SIGKILL after 20 s), services first, Keycloak last. */
  @Override
  public void close() {
    processes.stopAll();
  }

  private static void write(Path path, String text) {
    try {
      Files.writeString(path, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
