package org.taskforce.gateway;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.taskforce.api.cases.v1.Case;
import org.taskforce.api.cases.v1.CaseServiceGrpc;
import org.taskforce.api.cases.v1.CaseType;
import org.taskforce.api.cases.v1.CreateCaseRequest;
import org.taskforce.platform.testing.KeycloakTestRealm;

/**
 * A real service behind the gateway (case-service for the benchmark, notification-service for the
 * console's event stream): its built jar started as a process of its own, on its embedded MongoDB
 * in memory, trusting the test realm. Ended on close.
 */
public final class ServiceProcess implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path log;

  private ServiceProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  static ServiceProcess start(KeycloakTestRealm realm) throws IOException {
    return start("case-service", realm, "--taskforce.outbox.enabled=false");
  }

  /** {@code module}'s jar with {@code args} added to the common ones. */
  public static ServiceProcess start(String module, KeycloakTestRealm realm, String... args)
      throws IOException {
    Path jar = jar(module);
    int port = freePort();
    Path log = Files.createTempFile(module + "-gateway-test", ".log");
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                jar.toString(),
                "--spring.grpc.server.port=" + port,
                "--spring.grpc.server.host=127.0.0.1",
                "--server.port=0",
                "--management.server.port=0",
                // Its embedded MongoDB in memory, inside its own process.
                "--taskforce.mongodb.embedded-backend=MEMORY",
                "--taskforce.security.issuer-uri=" + realm.issuer(),
                "--logging.level.root=WARN"));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    System.out.println(module + ": started from " + jar + " (log: " + log + ")");
    return new ServiceProcess(process, port, log);
  }

  public int port() {
    return port;
  }

  /** Waits until the service answers gRPC health checks as serving. */
  public void awaitServing() throws InterruptedException {
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    try {
      var health = io.grpc.health.v1.HealthGrpc.newBlockingStub(channel);
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (true) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "the service ended (exit " + process.exitValue() + "); see " + log);
        }
        try {
          var answer =
              health
                  .withDeadlineAfter(5, TimeUnit.SECONDS)
                  .check(io.grpc.health.v1.HealthCheckRequest.getDefaultInstance());
          if (answer.getStatus() == io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING) {
            return;
          }
        } catch (StatusRuntimeException notYet) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("not serving in 3 minutes; see " + log, notYet);
          }
        }
        TimeUnit.MILLISECONDS.sleep(300);
      }
    } finally {
      channel.shutdownNow();
    }
  }

  /** Creates the case the benchmark reads, retrying while the service is still starting. */
  String createCase(String token) throws InterruptedException {
    Metadata auth = new Metadata();
    auth.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    try {
      var stub =
          CaseServiceGrpc.newBlockingStub(channel)
              .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(auth));
      CreateCaseRequest request =
          CreateCaseRequest.newBuilder()
              .setRequestId("gateway-benchmark-case")
              .setCase(
                  Case.newBuilder()
                      .setTitle("Operation Benchmark")
                      .setCaseType(CaseType.CASE_TYPE_SEX_TRAFFICKING)
                      .addJurisdictions("NM")
                      .setSummary("The case every measured GetCase reads."))
              .build();
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (true) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "case-service ended (exit " + process.exitValue() + "); see " + log);
        }
        try {
          return stub.withDeadlineAfter(10, TimeUnit.SECONDS)
              .createCase(request)
              .getCase()
              .getCaseId();
        } catch (StatusRuntimeException notYet) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException(
                "case-service not ready in 3 minutes; see " + log, notYet);
          }
          TimeUnit.MILLISECONDS.sleep(500);
        }
      }
    } finally {
      channel.shutdownNow();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** The module's built jar, looked for from the working directory upwards. */
  private static Path jar(String module) throws IOException {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path target = dir.resolve(module).resolve("target");
      if (Files.isDirectory(target)) {
        try (Stream<Path> files = Files.list(target)) {
          List<Path> jars =
              files
                  .filter(f ->
                      f.getFileName()
                          .toString()
                          .matches(Pattern.quote(module) + "-[^-]+(-SNAPSHOT)?\\.jar"))
                  .toList();
          if (!jars.isEmpty()) {
            return jars.getFirst();
          }
        }
      }
    }
    throw new IllegalStateException(
        module + "'s jar is missing: build it first (./mvnw -pl gateway -am verify does)");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
