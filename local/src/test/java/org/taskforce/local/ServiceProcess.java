package org.taskforce.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.taskforce.platform.faults.HaltAtSeam;

/**
 * One service of the local stack as a real process on free ports and the embedded file database (as
 * {@link LocalStack} starts it, with the same memory flags), that a fault test can kill at a named
 * seam ({@link HaltAtSeam}: armed through a file the process reads at every seam) and start again
 * on the same data. Its ports stay the same across restarts, so its peers find it again.
 */
final class ServiceProcess implements AutoCloseable {
  /** The repository: the services' jars are under {@code <module>/target}. */
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  final String module;
  final int grpcPort = freePort();
  final int httpPort = freePort();
  private final Path jar;
  private final Path data;
  private final Path haltFile;
  private final List<String> settings = new ArrayList<>();
  private final HealthCheck health = new HealthCheck();
  private Process process;

  /**
   * @param settings {@code --name=value} arguments besides ports, data and the hook
   */
  ServiceProcess(Path data, String module, List<String> settings) {
    this.module = module;
    this.data = data;
    this.haltFile = data.resolve(module + ".halt-at");
    this.settings.addAll(settings);
    this.jar = PartLauncher.serviceJar(ROOT, module);
  }

  /** A fresh folder for one run of a test's processes: {@code local/target/<test>/run-<millis>}. */
  static Path runDirectory(String test) {
    try {
      return Files.createDirectories(
          ROOT.resolve("local/target/" + test + "/run-" + System.currentTimeMillis()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
    List<String> command = new ArrayList<>(PartLauncher.javaCommand(jar));
    command.addAll(
        List.of(
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
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (!health.up("http://127.0.0.1:" + httpPort + "/actuator/health")) {
      if (!process.isAlive()) {
        throw new IllegalStateException(module + " ended while starting; see " + log);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(module + " not healthy within 3 minutes; see " + log);
      }
      Eventually.sleep(200);
    }
  }

  /**
   * Arms the hook, sends {@code request}, and expects the call to fail and the process to halt at
   * {@code seam} with the hook's status; then runs {@code beforeRestart} (fresh service tokens for
   * the new process, say) and starts the process again on the same data, disarmed.
   */
  void killAt(String seam, Runnable request, Runnable beforeRestart) {
    arm(seam);
    StatusRuntimeException failed =
        catchThrowableOfType(StatusRuntimeException.class, request::run);
    assertThat(failed).as("the request that reached %s fails", seam).isNotNull();
    assertThat(awaitDeath(Duration.ofSeconds(30)))
        .as("%s halted at %s", module, seam)
        .isEqualTo(HaltAtSeam.EXIT_STATUS);
    beforeRestart.run();
    start();
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

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
