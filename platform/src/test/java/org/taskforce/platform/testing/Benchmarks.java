package org.taskforce.platform.testing;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;

/**
 * What the services' benchmark commands share: MongoDB in a process of its own (as in a deployment,
 * so its heap and collections are not the service's), resident memory, and latency percentiles
 * printed the same way everywhere.
 */
public final class Benchmarks {
  private Benchmarks() {}

  /**
   * The service {@code application} for a benchmark: free ports on 127.0.0.1, {@code mongoUri} as
   * its database, {@code realm} as its token issuer, its outbox off, warnings only; {@code more}
   * adds or overrides arguments ({@code --name=value}).
   */
  public static ConfigurableApplicationContext startService(
      Class<?> application, KeycloakTestRealm realm, String mongoUri, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--spring.grpc.server.port=0",
                "--spring.grpc.server.host=127.0.0.1",
                "--server.port=0",
                "--taskforce.mongodb.uri=" + mongoUri,
                "--taskforce.paging.token-secret=benchmark-page-token-secret",
                "--taskforce.security.issuer-uri=" + realm.issuer(),
                "--taskforce.outbox.enabled=false"));
    args.addAll(Arrays.asList(more));
    args.add("--logging.level.root=WARN");
    return new SpringApplication(application).run(args.toArray(String[]::new));
  }

  /** A plaintext channel to the gRPC port of {@code app} (as {@link #startService} starts it). */
  public static ManagedChannel channel(ConfigurableApplicationContext app) {
    return NettyChannelBuilder.forAddress(
            "127.0.0.1", app.getBean(GrpcServerLifecycle.class).getPort())
        .usePlaintext()
        .build();
  }

  /** {@code stub} sending {@code token} as its bearer token on every call. */
  public static <S extends AbstractStub<S>> S withBearer(S stub, String token) {
    Metadata auth = new Metadata();
    auth.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(auth));
  }

  /**
   * {@code stub} calling with the token of {@code caller}, valid for six hours: longer than a run.
   */
  public static <S extends AbstractStub<S>> S authorised(S stub, TokenSpec caller) {
    return withBearer(stub, caller.claim("exp", Instant.now().plus(Duration.ofHours(6))).mint());
  }

  /**
   * A MongoDB for a benchmark: {@code -Dbench.mongodbUri} when given, else the embedded server in a
   * child JVM with a heap of {@code -Dbench.dbHeap}, {@code defaultHeap} unless said.
   */
  public static String mongoUri(String defaultHeap, Class<?> caller) throws IOException {
    String uri = System.getProperty("bench.mongodbUri", "");
    if (!uri.isBlank()) {
      return uri;
    }
    String heap = System.getProperty("bench.dbHeap", defaultHeap);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    // The embedded server keeps every document as Java maps and strings, a heap of many small
    // long-lived objects; a real MongoDB is not a JVM and needs none of this. Smaller object
    // headers let the heap hold more. What survives a young collection is nearly always stored
    // data, so it is promoted at once instead of being copied between survivor spaces on every
    // pause (measured at 100,000 persons: checks at 200/s p99 64 -> 27 ms, together with leaving
    // string deduplication off, whose table G1 walks in every pause; at full size its saving is
    // needed: -Dbench.dbJvmArgs=-XX:+UseStringDeduplication).
    // -Dbench.dbJvmArgs: more options for that JVM (a flight recording, another collector).
    List<String> more =
        Arrays.stream(System.getProperty("bench.dbJvmArgs", "").trim().split("\\s+"))
            .filter(a -> !a.isEmpty())
            .toList();
    if (more.stream().noneMatch(a -> a.matches("-XX:\\+Use\\w+GC"))) {
      command.add("-XX:+UseG1GC");
    }
    command.add("-XX:MaxTenuringThreshold=0");
    if (Runtime.version().feature() >= 25) {
      command.add("-XX:+UseCompactObjectHeaders");
    }
    command.addAll(more);
    command.addAll(List.of("-cp", classPath(caller), StandaloneMongo.class.getName()));
    Process mongo =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    Runtime.getRuntime().addShutdownHook(new Thread(mongo::destroyForcibly));
    mongoProcess = mongo;
    BufferedReader out = new BufferedReader(new InputStreamReader(mongo.getInputStream()));
    String line;
    do {
      line = out.readLine();
      if (line == null) {
        throw new IllegalStateException("the MongoDB process ended before it started");
      }
    } while (!line.startsWith("mongodb://"));
    return line;
  }

  private static Process mongoProcess;

  /** Resident memory of the child MongoDB process, or -1 when a real MongoDB was used. */
  public static long mongoResidentMiB() {
    return mongoProcess == null ? -1 : residentMiB(mongoProcess.pid());
  }

  /** Prints the child MongoDB process's resident memory, when the benchmark started one. */
  public static void printMongoResident() {
    if (mongoResidentMiB() >= 0) {
      System.out.printf(Locale.ROOT, "MongoDB process resident: %,d MiB%n", mongoResidentMiB());
    }
  }

  /**
   * Processor time spent so far by this JVM (the service under test and the benchmark's own client
   * run in it) and by the child MongoDB process: taken before and after a phase, it tells what each
   * call cost each process, and how much of the machine the calls kept busy.
   */
  public record CpuTime(long wallNanos, long serviceNanos, long databaseNanos) {
    public static CpuTime now() {
      long database =
          mongoProcess == null
              ? -1
              : mongoProcess
                  .toHandle()
                  .info()
                  .totalCpuDuration()
                  .map(Duration::toNanos)
                  .orElse(-1L);
      return new CpuTime(
          System.nanoTime(),
          ((com.sun.management.OperatingSystemMXBean)
                  java.lang.management.ManagementFactory.getOperatingSystemMXBean())
              .getProcessCpuTime(),
          database);
    }

    /** Prints the processor time per call since {@code before}, per process. */
    public void reportSince(String what, CpuTime before, int calls) {
      double wall = (wallNanos - before.wallNanos) / 1e9;
      double service = (serviceNanos - before.serviceNanos) / 1e6;
      int cores = Runtime.getRuntime().availableProcessors();
      String database =
          databaseNanos < 0 || before.databaseNanos < 0
              ? "(MongoDB not a child process: not measured)"
              : String.format(
                  Locale.ROOT,
                  "MongoDB process %.2f ms (%.0f %% of the machine)",
                  (databaseNanos - before.databaseNanos) / 1e6 / calls,
                  100 * (databaseNanos - before.databaseNanos) / 1e9 / wall / cores);
      System.out.printf(
          Locale.ROOT,
          "%s per call: service and benchmark client (one JVM) %.2f ms (%.0f %% of"
              + " the machine), %s; %d cores, %.1f s%n",
          what,
          service / calls,
          100 * service / 1e3 / wall / cores,
          database,
          cores,
          wall);
    }
  }

  /** Resident set of a process, from /proc (Linux); -1 when unknown. */
  public static long residentMiB(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }

  /** Prints n, p50, p90, p99 and max of latencies in nanoseconds. */
  public static void report(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%s: n=%d p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
        what,
        sorted.length,
        percentile(sorted, 0.50),
        percentile(sorted, 0.90),
        percentile(sorted, 0.99),
        sorted[sorted.length - 1] / 1e6);
  }

  /** The p-th percentile (0..1) of sorted nanoseconds, in milliseconds. */
  public static double percentile(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  /**
   * Makes {@code rate} calls a second for {@code seconds} from 16 threads and returns each call's
   * latency counted from its intended send time, so a stall is not hidden by sending later (no
   * coordinated omission). {@code call} gets the call's number.
   */
  public static long[] atRate(IntConsumer call, int rate, int seconds) throws InterruptedException {
    int total = rate * seconds;
    long[] latencies = new long[total];
    ExecutorService workers = Executors.newFixedThreadPool(16);
    CountDownLatch done = new CountDownLatch(total);
    AtomicInteger failures = new AtomicInteger();
    long start = System.nanoTime() + 50_000_000;
    long interval = 1_000_000_000L / rate;
    for (int i = 0; i < total; i++) {
      long intended = start + i * interval;
      long wait = intended - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      int slot = i;
      workers.execute(() -> {
        try {
          call.accept(slot);
        } catch (RuntimeException e) {
          failures.incrementAndGet();
        }
        latencies[slot] = System.nanoTime() - intended;
        done.countDown();
      });
    }
    done.await();
    workers.shutdown();
    if (failures.get() > 0) {
      System.out.println("  failed calls: " + failures.get());
    }
    return latencies;
  }

  /** Latencies of {@code n} calls made one after another. */
  public static long[] serial(IntConsumer call, int n) {
    long[] latencies = new long[n];
    for (int i = 0; i < n; i++) {
      long started = System.nanoTime();
      call.accept(i);
      latencies[i] = System.nanoTime() - started;
    }
    return latencies;
  }

  /**
   * What a service's MongoDB client has spent so far, per command, from the driver's command timer
   * ({@code mongodb.driver.commands}, see {@code MongoClientSettingsFactory}): the time from
   * sending a command to its reply, so it holds the round trip and the database's own work
   * (including its garbage-collection pauses) but none of the service's.
   */
  public record DatabaseTime(Map<String, Long> counts, Map<String, Long> nanos) {
    public static DatabaseTime of(MeterRegistry meters) {
      Map<String, Long> counts = new TreeMap<>();
      Map<String, Long> nanos = new TreeMap<>();
      for (Timer t : meters.find("mongodb.driver.commands").timers()) {
        String command = t.getId().getTag("command") + " " + t.getId().getTag("collection");
        counts.merge(command, t.count(), Long::sum);
        nanos.merge(command, (long) t.totalTime(TimeUnit.NANOSECONDS), Long::sum);
      }
      return new DatabaseTime(counts, nanos);
    }

    /** The time of every command so far, in nanoseconds. */
    public long totalNanos() {
      return nanos.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Prints, per call made since {@code before}, the database commands and their time against the
     * calls' mean latency: how much of a call is the database and how much the service (and the
     * network between client and service).
     */
    public void reportSince(String what, DatabaseTime before, long[] latencies) {
      int calls = latencies.length;
      double mean = Arrays.stream(latencies).average().orElse(0) / 1e6;
      long commands = 0;
      long spent = 0;
      StringBuilder parts = new StringBuilder();
      for (var e : nanos.entrySet()) {
        long n = counts.get(e.getKey()) - before.counts.getOrDefault(e.getKey(), 0L);
        long t = e.getValue() - before.nanos.getOrDefault(e.getKey(), 0L);
        if (n == 0) {
          continue;
        }
        commands += n;
        spent += t;
        parts.append(
            String.format(
                Locale.ROOT,
                "%n      %-34s %5.2f per call, %6.3f ms each",
                e.getKey(),
                (double) n / calls,
                t / 1e6 / n));
      }
      double db = spent / 1e6 / calls;
      System.out.printf(
          Locale.ROOT,
          "%s: database %.2f ms per call in %.2f commands, service and network %.2f ms, of %.2f ms mean (%.0f %% database)%s%n",
          what,
          db,
          (double) commands / calls,
          mean - db,
          mean,
          mean > 0 ? 100 * db / mean : 0,
          parts);
    }
  }

  /** The project's class path (exec:java runs benchmarks in a class loader of its own). */
  private static String classPath(Class<?> caller) {
    if (caller.getClassLoader() instanceof URLClassLoader urls) {
      List<String> entries = new ArrayList<>();
      for (java.net.URL url : urls.getURLs()) {
        try {
          entries.add(Path.of(url.toURI()).toString());
        } catch (URISyntaxException e) {
          throw new IllegalStateException(e);
        }
      }
      return String.join(File.pathSeparator, entries);
    }
    return System.getProperty("java.class.path");
  }
}
