package org.taskforce.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.taskforce.platform.faults.HaltAtSeam;

/**
 * One service of the local stack as a real process on free ports and the embedded file database (as
 * {@link LocalStack} starts it, with the same memory flags), that a fault test can kill at a named
 * seam ({@link HaltAtSeam}: armed through a file the process reads at every seam) and start again
 * on the same data. Its ports stay the same across restarts, so its peers find it again.
 */
final class ServiceProcess implements AutoCloseable {
  final String module;
  final int grpcPort = freePort();
  final int httpPort = freePort();
  private final Path jar;
  private final Path data;
  private final Path haltFile;
  private final List<String> settings = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process process;
  private int starts;

  /**
   * @param settings {@code --name=value} arguments besides ports, data and the hook
   */
  ServiceProcess(Path root, Path data, String module, List<String> settings) {
    this.module = module;
    this.data = data;
    this.haltFile = data.resolve(module + ".halt-at");
    this.settings.addAll(settings);
    this.jar = root.resolve(module).resolve("target").resolve(module + "-" + version() + ".jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: package the services first");
    }
  }

  /** More {@code --name=value} arguments, from the next start on. */
  void addSettings(List<String> more) {
    settings.addAll(more);
  }

  String address() {
    return "127.0.0.1:" + grpcPort;
  }

  /** Starts the process (hook enabled, not armed) and returns once it is healthy. */
  void start() {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                LocalStack.JVM_MEMORY,
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xss512k",
                "-jar",
                jar.toString(),
                "--spring.grpc.server.host=127.0.0.1",
                "--spring.grpc.server.port=" + grpcPort,
                "--server.address=127.0.0.1",
                "--server.port=" + httpPort,
                "--taskforce.mongodb.data-dir=" + data.resolve("mongo"),
                "--" + HaltAtSeam.ENABLED + "=true",
                "--" + HaltAtSeam.HALT_AT_FILE + "=" + haltFile));
    command.addAll(settings);
    Path log = data.resolve(module + ".log");
    try {
      Files.createDirectories(data.resolve("mongo"));
      Files.deleteIfExists(haltFile);
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    starts++;
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (!healthy()) {
      if (!process.isAlive()) {
        throw new IllegalStateException(module + " ended while starting; see " + log);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(module + " not healthy within 3 minutes; see " + log);
      }
      sleep(200);
    }
  }

  /** The next time a write of this process reaches {@code seam}, the process dies there. */
  void arm(String seam) {
    try {
      Files.writeString(haltFile, seam);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the process to die and returns its exit status; disarms the hook. */
  int awaitDeath(Duration within) {
    try {
      if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError(module + " did not die within " + within);
      }
      Files.deleteIfExists(haltFile);
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  int starts() {
    return starts;
  }

  private boolean healthy() {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + httpPort + "/actuator/health"))
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

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static String version() {
    Properties build = new Properties();
    try (InputStream in = LocalStack.class.getResourceAsStream("/local-stack.properties")) {
      build.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return build.getProperty("version");
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
