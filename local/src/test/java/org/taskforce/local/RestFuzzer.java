package org.taskforce.local;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.taskforce.platform.testing.RpcFuzzer;

/**
 * Calls every REST operation the gateway's own OpenAPI document lists (so a new route is fuzzed as
 * soon as it is published) with requests made from that document by {@link RestRequests}: bodies of
 * the declared shape and of every wrong one, bad path and query values, several callers. A call
 * breaks a rule when it answers a 5xx, a 4xx without the JSON error body (or an {@code
 * INVALID_ARGUMENT} without field violations), or is refused but changed the databases.
 *
 * <p>Deterministic for a seed (printed), replayed with {@code -Dfuzz.seed=}; {@code -Dfuzz.cases}
 * sets the requests per operation.
 */
final class RestFuzzer {
  /** Who calls: a fresh bearer token each time (tokens expire), or {@code null} for none. */
  record Caller(String name, Supplier<String> token) {}

  /** A call that broke a rule, with what was sent. */
  record Finding(String operation, String caller, int status, String why, String sent) {
    @Override
    public String toString() {
      return operation + " as " + caller + " → " + status + ": " + why + "\n    sent: " + sent;
    }
  }

  /** What one run did: calls, the statuses each operation answered, the rules broken. */
  record Report(
      int calls, Map<String, Map<Integer, Integer>> perOperation, List<Finding> findings) {
    String summary() {
      StringBuilder s = new StringBuilder();
      s.append(
          String.format(
              Locale.ROOT,
              "rest fuzz: %,d calls over %d operations%n",
              calls,
              perOperation.size()));
      perOperation.forEach(
          (op, codes) -> s.append("  ").append(op).append(' ').append(codes).append('\n'));
      return s.toString();
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;
  private final JsonObject openApi;
  private final long seed;
  private final Random random;
  private final RestRequests requests;

  RestFuzzer(String base, JsonObject openApi, long seed) {
    this.base = base;
    this.openApi = openApi;
    this.seed = seed;
    this.random = new Random(seed);
    this.requests = new RestRequests(openApi, random);
  }

  /**
   * Lists what every caller may read first (the ids found there fill path parameters), then calls
   * each operation {@code casesPerOperation} times. {@code database} digests what a refused call
   * must not change.
   */
  Report run(List<Caller> callers, int casesPerOperation, Supplier<String> database) {
    Map<String, Map<Integer, Integer>> perOperation = new TreeMap<>();
    List<Finding> findings = new ArrayList<>();
    List<Operation> operations = operations();
    for (Operation op : operations) {
      if (op.method().equals("GET") && !op.path().contains("{")) {
        for (Caller c : callers) {
          RestRequests.Request r = new RestRequests.Request(op.path(), null, "application/json");
          check(op, c, r, send(op, c, r), null, database, perOperation, findings);
        }
      }
    }
    int calls =
        perOperation.values().stream()
            .mapToInt(m -> m.values().stream().mapToInt(i -> i).sum())
            .sum();
    boolean accepted = false;
    for (Operation op : operations) {
      for (int i = 0; i < casesPerOperation; i++) {
        Caller caller = callers.get(random.nextInt(callers.size()));
        RestRequests.Request r = requests.request(op.path(), op.operation());
        String before = accepted ? quiet(database) : RpcFuzzer.settled(database);
        HttpResponse<String> answer = send(op, caller, r);
        calls++;
        check(op, caller, r, answer, before, database, perOperation, findings);
        accepted =
            answer != null && answer.statusCode() < 300 && !op.method().equalsIgnoreCase("get");
      }
    }
    Report report = new Report(calls, perOperation, findings);
    System.out.printf(
        Locale.ROOT, "%s (seed %d; replay with -Dfuzz.seed=%d)%n", report.summary(), seed, seed);
    return report;
  }

  private record Operation(String method, String path, JsonObject operation) {
    String name() {
      return method + " " + path;
    }
  }

  private List<Operation> operations() {
    List<Operation> all = new ArrayList<>();
    for (Map.Entry<String, JsonElement> path : openApi.getAsJsonObject("paths").entrySet()) {
      for (Map.Entry<String, JsonElement> m : path.getValue().getAsJsonObject().entrySet()) {
        all.add(
            new Operation(
                m.getKey().toUpperCase(Locale.ROOT),
                path.getKey(),
                m.getValue().getAsJsonObject()));
      }
    }
    return all;
  }

  private void check(
      Operation op,
      Caller caller,
      RestRequests.Request sent,
      HttpResponse<String> answer,
      String before,
      Supplier<String> database,
      Map<String, Map<Integer, Integer>> perOperation,
      List<Finding> findings) {
    if (answer == null) {
      perOperation.computeIfAbsent(op.name(), k -> new TreeMap<>()).merge(-1, 1, Integer::sum);
      findings.add(
          new Finding(op.name(), caller.name(), -1, "the connection broke", sent.describe()));
      return;
    }
    int status = answer.statusCode();
    perOperation.computeIfAbsent(op.name(), k -> new TreeMap<>()).merge(status, 1, Integer::sum);
    String why = null;
    if (status >= 500) {
      why = "a server error: " + shorten(answer.body());
    } else if (status >= 400) {
      why = errorBodyProblem(answer, status);
      String after = why == null && before != null ? RpcFuzzer.settled(database) : null;
      if (after != null && !before.equals(after)) {
        why = "refused, but the database changed: " + changed(before, after);
      }
    } else if (status >= 200 && status < 300) {
      requests.harvest(answer.body());
    }
    if (why != null) {
      findings.add(new Finding(op.name(), caller.name(), status, why, sent.describe()));
    }
  }

  /** What is wrong with a 4xx answer's body, or null: {@code {"error": {code, status, ...}}}. */
  private static String errorBodyProblem(HttpResponse<String> answer, int status) {
    String type = answer.headers().firstValue("content-type").orElse("");
    if (!type.startsWith("application/json")) {
      return "no JSON error body (content-type '" + type + "'): " + shorten(answer.body());
    }
    try {
      JsonObject error =
          JsonParser.parseString(answer.body()).getAsJsonObject().getAsJsonObject("error");
      if (error == null
          || !error.has("code")
          || error.get("code").getAsInt() != status
          || !error.has("status")
          || !error.has("message")
          || !error.has("details")) {
        return "error body without code/status/message/details: " + shorten(answer.body());
      }
      if (error.get("status").getAsString().equals("INVALID_ARGUMENT")
          && !hasFieldViolations(error.getAsJsonArray("details"))) {
        return "INVALID_ARGUMENT without field violations: " + shorten(answer.body());
      }
      return null;
    } catch (RuntimeException e) {
      return "unreadable error body (" + e.getMessage() + "): " + shorten(answer.body());
    }
  }

  private static boolean hasFieldViolations(JsonArray details) {
    for (JsonElement d : details) {
      JsonObject o = d.getAsJsonObject();
      if (o.has("@type")
          && o.get("@type").getAsString().endsWith("google.rpc.BadRequest")
          && o.has("fieldViolations")
          && !o.getAsJsonArray("fieldViolations").isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** Sends as a polite client would: after a 429 it waits and tries again. */
  private HttpResponse<String> send(Operation op, Caller caller, RestRequests.Request r) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + r.pathAndQuery()))
            .timeout(Duration.ofSeconds(30))
            .method(
                op.method(),
                r.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(r.body()));
    if (r.contentType() != null && r.body() != null) {
      b.header("Content-Type", r.contentType());
    }
    if (caller.token() != null) {
      b.header("Authorization", "Bearer " + caller.token().get());
    }
    HttpRequest request = b.build();
    try {
      for (int attempt = 0; ; attempt++) {
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 429 || attempt == 50) {
          return answer;
        }
        Thread.sleep(200);
      }
    } catch (java.io.IOException e) {
      return null; // a finding: the gateway ended the connection instead of answering
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String shorten(String s) {
    String t = s.replace('\n', ' ');
    return t.length() > 300 ? t.substring(0, 300) + "…" : t;
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * The collections that differ between two digests of several databases ({@code " | "}-joined
   * {@link RpcFuzzer#digestOf} digests, in the same order).
   */
  private static String changed(String before, String after) {
    String[] was = before.split(" \\| ");
    String[] is = after.split(" \\| ");
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < Math.min(was.length, is.length); i++) {
      if (!was[i].equals(is[i])) {
        parts.add(RpcFuzzer.changed(was[i], is[i]));
      }
    }
    return String.join(" ", parts);
  }

  /**
   * The database digest once an accepted change has travelled: its notices go through the services'
   * outbox relays (a round every 500 ms each, a notice may take two hops, e.g. a confirmed review
   * item's alert into case-service's subjects and on to the inboxes), so the digest is taken when
   * it has not changed for three rounds. {@link RpcFuzzer#settled} waits only for 100 ms of quiet,
   * enough for a refused call, which starts no notices.
   */
  private static String quiet(Supplier<String> database) {
    long quietFor = 1_500_000_000L;
    long deadline = System.nanoTime() + 20_000_000_000L;
    String previous = database.get();
    long unchangedSince = System.nanoTime();
    while (System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return previous;
      }
      String now = database.get();
      if (!now.equals(previous)) {
        previous = now;
        unchangedSince = System.nanoTime();
      } else if (System.nanoTime() - unchangedSince >= quietFor) {
        return now;
      }
    }
    return previous;
  }
}
