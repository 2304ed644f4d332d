package org.taskforce.platform.testing;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.AbstractStub;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;

/**
 * What the report benchmarks (case-service's and deconfliction-service's) share: a service started
 * on free ports over a given MongoDB with {@link KeycloakTestRealm} as its issuer and its outbox
 * off, and a report timed for the two readers that see different amounts of it — the task-force
 * commander and one agency's commander — printed the same way.
 */
public final class ReportBenchmarkStack {
  /** A reader: what the line says, the agency, the roles. */
  public record Reader(String label, String agency, String... roles) {}

  public static final List<Reader> READERS =
      List.of(
          new Reader("task-force commander", "nm-ago", "commander", "taskforce-commander"),
          new Reader("an agency's commander (hsi-abq)", "hsi-abq", "commander"));

  private ReportBenchmarkStack() {}

  /** The service {@code application}, started with the common arguments and {@code more}. */
  public static ConfigurableApplicationContext start(
      Class<?> application, KeycloakTestRealm realm, String mongoUri, String... more) {
    return Benchmarks.startService(application, realm, mongoUri, more);
  }

  /** A plaintext channel to the started service's gRPC port. */
  public static ManagedChannel channel(ConfigurableApplicationContext app, int maxInboundBytes) {
    return NettyChannelBuilder.forAddress(
            "127.0.0.1", app.getBean(GrpcServerLifecycle.class).getPort())
        .usePlaintext()
        .maxInboundMessageSize(maxInboundBytes)
        .build();
  }

  /**
   * For each of {@link #READERS}: {@code stub} carrying that reader's token, {@code call} three
   * times to warm up and seven times timed; {@code report} gets the reader and the sorted times in
   * milliseconds.
   */
  public static <S extends AbstractStub<S>> void timeForEachReader(
      KeycloakTestRealm realm,
      S stub,
      Consumer<S> call,
      Function<Reader, Consumer<long[]>> report) {
    for (Reader who : READERS) {
      S authorised = as(realm, stub, who);
      for (int i = 0; i < 3; i++) {
        call.accept(authorised);
      }
      long[] ms = new long[7];
      for (int i = 0; i < ms.length; i++) {
        long t = System.nanoTime();
        call.accept(authorised);
        ms[i] = (System.nanoTime() - t) / 1_000_000;
      }
      Arrays.sort(ms);
      report.apply(who).accept(ms);
    }
  }

  /** {@code stub} calling as {@code reader}. */
  public static <S extends AbstractStub<S>> S as(KeycloakTestRealm realm, S stub, Reader reader) {
    return Benchmarks.authorised(
        stub, realm.user("bench-" + reader.agency(), reader.agency(), "STATE", reader.roles()));
  }

  /** "median N ms, max N ms (N runs)". */
  public static String medianAndMax(long[] sortedMs) {
    return String.format(
        Locale.ROOT,
        "median %d ms, max %d ms (%d runs)",
        sortedMs[sortedMs.length / 2],
        sortedMs[sortedMs.length - 1],
        sortedMs.length);
  }
}
