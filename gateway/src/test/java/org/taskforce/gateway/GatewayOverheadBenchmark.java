package org.taskforce.gateway;

import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.taskforce.api.cases.v1.CaseServiceGrpc;
import org.taskforce.api.cases.v1.GetCaseRequest;
import org.taskforce.platform.testing.KeycloakTestRealm;

/**
 * Measures what the gateway adds to one unary call: {@code GetCase} straight to a gRPC backend,
 * through the gateway as gRPC pass-through, and through the gateway as REST/JSON, interleaved in
 * one run at a paced, moderate load (one call in flight, {@code RATE} calls per second in all).
 * Prints p50/p99 per path and the ratios against the targets. Everything runs on loopback.
 *
 * <p>Two backends, one after the other: the real <b>case-service</b> (its built jar in a process of
 * its own, the embedded MongoDB in another, a case created through its API; every call is
 * token-checked, authorised, read and audited there) — the measure the issue asks for — and a
 * <b>trivial</b> in-process gRPC server that answers at once, which shows the gateway's own fixed
 * cost per call.
 *
 * <p>Run: {@code ./mvnw -q install -DskipTests && ./mvnw -q -pl gateway
 * exec:java@gateway-benchmark} (optional {@code -Dbench.calls=3000 -Dbench.rate=300
 * -Dbench.backend=case-service|trivial}).
 */
public final class GatewayOverheadBenchmark {
  private static final int CALLS = Integer.getInteger("bench.calls", 3000);
  private static final int WARMUP = Integer.getInteger("bench.warmup", 20_000);
  private static final int RATE = Integer.getInteger("bench.rate", 300);

  public static void main(String[] args) throws Exception {
    String which = System.getProperty("bench.backend", "");
    try (KeycloakTestRealm realm = new KeycloakTestRealm()) {
      String token =
          realm
              .user("bench", "hsi-abq", "FEDERAL", "investigator")
              .claim("exp", Instant.now().plus(Duration.ofHours(2)))
              .mint();
      if (which.isBlank() || which.equals("case-service")) {
        try (ServiceProcess service = ServiceProcess.start(realm)) {
          String caseId = service.createCase(token);
          measure(realm, "case-service", service.port(), token, caseId);
        }
      }
      if (which.isBlank() || which.equals("trivial")) {
        Server backend = FakeBackends.cases();
        try {
          measure(realm, "trivial backend", backend.getPort(), token, "c-1");
        } finally {
          backend.shutdownNow();
        }
      }
      System.out.println(
          "JWKS fetches (gateway and case-service): "
              + realm.wireMock().getAllServeEvents().size());
    }
    System.exit(0);
  }

  private static void measure(
      KeycloakTestRealm realm, String backendName, int backendPort, String token, String caseId)
      throws Exception {
    String[] extra =
        System.getProperty("bench.gatewayArgs", "").isBlank()
            ? new String[0]
            : System.getProperty("bench.gatewayArgs").split(" ");
    String[] base = {
      "--server.port=0",
      "--management.server.port=0",
      "--logging.level.taskforce.gateway.access=" + System.getProperty("bench.accessLog", "WARN"),
      "--taskforce.gateway.rate-limit.enabled=false",
      "--taskforce.security.issuer-uri=" + realm.issuer(),
      "--taskforce.backends.case-service=http://127.0.0.1:" + backendPort
    };
    String[] all =
        java.util.stream.Stream.concat(Arrays.stream(base), Arrays.stream(extra))
            .toArray(String[]::new);
    ConfigurableApplicationContext gateway =
        new SpringApplication(GatewayApplication.class).run(all);
    int gatewayPort = ((WebServerApplicationContext) gateway).getWebServer().getPort();
    try {
      run(backendName, backendPort, gatewayPort, token, caseId);
    } finally {
      gateway.close();
    }
  }

  private static void run(
      String backendName, int backendPort, int gatewayPort, String token, String caseId)
      throws Exception {
    Metadata headers = new Metadata();
    headers.put(
        Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
    ManagedChannel direct =
        NettyChannelBuilder.forAddress("127.0.0.1", backendPort).usePlaintext().build();
    ManagedChannel viaGateway =
        NettyChannelBuilder.forAddress("127.0.0.1", gatewayPort).usePlaintext().build();
    var directStub =
        CaseServiceGrpc.newBlockingStub(
            ClientInterceptors.intercept(
                direct, MetadataUtils.newAttachHeadersInterceptor(headers)));
    var gatewayStub =
        CaseServiceGrpc.newBlockingStub(
            ClientInterceptors.intercept(
                viaGateway, MetadataUtils.newAttachHeadersInterceptor(headers)));
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest rest =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + gatewayPort + "/api/v1/cases/" + caseId))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    GetCaseRequest request = GetCaseRequest.newBuilder().setCaseId(caseId).build();

    Runnable[] calls = {
      () -> directStub.getCase(request),
      () -> gatewayStub.getCase(request),
      () -> {
        try {
          HttpResponse<String> r = http.send(rest, HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() != 200) {
            throw new IllegalStateException("REST answered " + r.statusCode() + ": " + r.body());
          }
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    };
    String[] names = {"direct gRPC", "gateway gRPC", "gateway REST"};

    for (int i = 0; i < WARMUP; i++) {
      calls[i % 3].run();
    }
    long cpuBefore = gatewayEventLoopCpu();
    long[][] latencies = new long[3][CALLS];
    long interval = TimeUnit.SECONDS.toNanos(1) / RATE;
    long next = System.nanoTime();
    for (int i = 0; i < CALLS * 3; i++) {
      long wait = next - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      next += interval;
      long start = System.nanoTime();
      calls[i % 3].run();
      latencies[i % 3][i / 3] = System.nanoTime() - start;
    }
    long cpuPerGatewayCall = (gatewayEventLoopCpu() - cpuBefore) / (2L * CALLS);
    direct.shutdownNow();
    viaGateway.shutdownNow();

    double[] p50 = new double[3];
    double[] p99 = new double[3];
    System.out.printf(
        Locale.ROOT,
        "%nGetCase on %s, %d calls per path, interleaved, %d calls/s in all, one in flight"
            + " (loopback)%n",
        backendName,
        CALLS,
        RATE);
    System.out.printf(Locale.ROOT, "%-14s %10s %10s %10s%n", "path", "p50 ms", "p99 ms", "max ms");
    for (int m = 0; m < 3; m++) {
      long[] sorted = latencies[m].clone();
      Arrays.sort(sorted);
      p50[m] = percentile(sorted, 0.50);
      p99[m] = percentile(sorted, 0.99);
      System.out.printf(
          Locale.ROOT,
          "%-14s %10.3f %10.3f %10.3f%n",
          names[m],
          p50[m],
          p99[m],
          sorted[sorted.length - 1] / 1e6);
    }
    Map<String, Boolean> targets = new java.util.LinkedHashMap<>();
    System.out.printf(
        Locale.ROOT, "%ngateway gRPC p50 / direct p50 = %.2f (target <= 2)%n", p50[1] / p50[0]);
    targets.put("p50 ratio", p50[1] / p50[0] <= 2);
    System.out.printf(
        Locale.ROOT,
        "gateway gRPC p99 - direct p99 = %+.3f ms (target <= +5 ms)%n",
        p99[1] - p99[0]);
    targets.put("p99 delta", p99[1] - p99[0] <= 5);
    System.out.printf(
        Locale.ROOT, "REST p50 - gateway gRPC p50 = %+.3f ms (target <= +1 ms)%n", p50[2] - p50[1]);
    targets.put("REST delta", p50[2] - p50[1] <= 1);
    System.out.printf(
        Locale.ROOT,
        "gateway event-loop CPU per call through it: %.0f us%n",
        cpuPerGatewayCall / 1e3);
    System.out.println("targets met: " + targets);
  }

  /**
   * CPU time so far of the gateway's HTTP event loops (reactor-http-*): what the gateway itself
   * spends on the calls through it, beside its gRPC client's share on the shared gRPC threads.
   */
  private static long gatewayEventLoopCpu() {
    var threads = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("reactor-http-")) {
        total += Math.max(0, threads.getThreadCpuTime(t.threadId()));
      }
    }
    return total;
  }

  private static double percentile(long[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
