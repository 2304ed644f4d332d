package org.taskforce.platform.testing;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.DynamicMessage;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Calls every RPC of a gRPC service with messages generated from its descriptors: random values,
 * and the boundaries that break hand-written code — empty and very long strings, unknown enum
 * numbers, out-of-range timestamps, durations and dates, negative and huge sizes, garbage page
 * tokens and update-mask paths, long repeated fields, text with NUL, lone surrogates, regex and
 * path characters and line breaks — and, given valid examples ({@link #withExamples}), those
 * examples with one text field made hostile, so the text gets past validation. It records what each
 * call answered and the calls that broke a rule: an {@code INTERNAL}, {@code UNKNOWN} or {@code
 * DATA_LOSS} status, or a refused call that changed the database.
 *
 * <p>Deterministic for a seed (printed), so a failure can be replayed with {@code -Dfuzz.seed=}.
 */
public final class RpcFuzzer {
  /** What a caller presents; {@code null} for no token. */
  public record Caller(String name, io.grpc.CallCredentials credentials) {}

  /** A call that broke a rule, with what was sent. */
  public record Finding(String method, String caller, Status.Code code, String why, String sent) {
    @Override
    public String toString() {
      return method + " as " + caller + " → " + code + ": " + why + "\n    sent: " + sent;
    }
  }

  /** What one run did. */
  public record Report(
      int calls, Map<String, Map<Status.Code, Integer>> perMethod, List<Finding> findings) {
    public String summary() {
      StringBuilder s = new StringBuilder();
      s.append(
          String.format(Locale.ROOT, "fuzz: %,d calls over %d RPCs%n", calls, perMethod.size()));
      perMethod.forEach(
          (m, codes) -> s.append("  ").append(m).append(' ').append(codes).append('\n'));
      return s.toString();
    }
  }

  private static final int MAX_DEPTH = 4;
  private static final int MAX_MESSAGE_BYTES = 3 << 20;
  private static final String[] STRINGS = {
    "",
    " ",
    "x",
    "0",
    "-1",
    "null",
    "../../etc/passwd",
    "a\u0000b",
    "\u0000",
    "\ud800",
    "x\udc00y",
    "a.b",
    "(",
    "[a-",
    "\\",
    "a\r\nX-Injected: 1",
    "%00%ff",
    "\u202Eevil",
    "Jos\u00e9 Garc\u00eda",
    "\ud83d\ude00",
    "+1 (505) 555-0142",
    "someone@example.org",
    "https://127.0.0.1/hook",
    "http://169.254.169.254/latest/meta-data",
    "c-00000000-0000-0000-0000-000000000000",
    "AAAAAAAA",
    "!!!not-base64!!!",
    "eyJvIjo5OTk5OTk5OTl9",
    "*",
    "name,etag",
    "$where",
    "{\"$gt\":\"\"}",
  };

  /**
   * What replaces one text field of a valid example: text that breaks code passing user text on as
   * a BSON C string (regex, field name), a Java regex, a path, URL, header or e-mail address.
   */
  private static final String[] NASTY = {
    "a\u0000b",
    "\u0000",
    "\ud800",
    "a\udfffb",
    "$where",
    "a.b",
    "$",
    ".",
    "(",
    "[a-",
    "*",
    "\\",
    "\\E.*\\Q",
    "a\r\nX-Injected: 1",
    "\u202Eevil",
    "\ufeff",
    "%00",
    "../../etc/passwd",
    "",
    " ",
    "x".repeat(70_000),
    "\ud83d\ude00".repeat(2_000),
  };

  private final Channel channel;
  private final Random random;
  private final long seed;
  private final Map<String, List<DynamicMessage>> examples = new TreeMap<>();

  public RpcFuzzer(Channel channel, long seed) {
    this.channel = channel;
    this.seed = seed;
    this.random = new Random(seed);
  }

  /**
   * Valid requests of the service under test: half the calls of a method with examples send one of
   * them with one text field (map keys included) replaced by {@link #NASTY} text, so that text
   * reaches the code behind validation in every run, not only when random generation happens to
   * make a valid request.
   */
  public RpcFuzzer withExamples(com.google.protobuf.Message... valid) {
    for (com.google.protobuf.Message m : valid) {
      examples
          .computeIfAbsent(m.getDescriptorForType().getFullName(), k -> new ArrayList<>())
          .add(DynamicMessage.newBuilder(m).build());
    }
    return this;
  }

  /** The seed from {@code -Dfuzz.seed} or a fresh one. */
  public static long seed() {
    String fixed = System.getProperty("fuzz.seed");
    return fixed == null || fixed.isBlank() ? System.nanoTime() : Long.parseLong(fixed);
  }

  /** Cases per RPC from {@code -Dfuzz.cases}, {@code fallback} otherwise. */
  public static int casesPerMethod(int fallback) {
    return Integer.getInteger("fuzz.cases", fallback);
  }

  /**
   * Calls each RPC of {@code service} {@code casesPerMethod} times with random messages and random
   * callers. {@code database} returns a digest of everything a refused call must not change (the
   * caller leaves out audit records, which legitimately note refusals); it is compared before and
   * after every call that was not OK.
   */
  public Report run(
      ServiceDescriptor service,
      List<Caller> callers,
      int casesPerMethod,
      Supplier<String> database) {
    Map<String, Map<Status.Code, Integer>> perMethod = new TreeMap<>();
    List<Finding> findings = new ArrayList<>();
    int calls = 0;
    for (MethodDescriptor method : service.getMethods()) {
      if (method.isClientStreaming()) {
        continue;
      }
      Map<Status.Code, Integer> codes = new EnumMap<>(Status.Code.class);
      perMethod.put(method.getName(), codes);
      for (int i = 0; i < casesPerMethod; i++) {
        Caller caller = callers.get(random.nextInt(callers.size()));
        DynamicMessage request = request(method.getInputType());
        while (request.getSerializedSize() > MAX_MESSAGE_BYTES) {
          request = message(method.getInputType(), 0); // gRPC refuses those before any code runs
        }
        String before = settled(database);
        Status status = call(method, caller, request);
        calls++;
        codes.merge(status.getCode(), 1, Integer::sum);
        if (status.getCode() == Status.Code.INTERNAL
            || status.getCode() == Status.Code.UNKNOWN
            || status.getCode() == Status.Code.DATA_LOSS) {
          findings.add(
              new Finding(
                  method.getName(),
                  caller.name(),
                  status.getCode(),
                  String.valueOf(status.getDescription()),
                  shorten(request)));
        } else if (!status.isOk() && status.getCode() != Status.Code.DEADLINE_EXCEEDED) {
          String after = settled(database);
          if (!before.equals(after)) {
            findings.add(
                new Finding(
                    method.getName(),
                    caller.name(),
                    status.getCode(),
                    "refused, but the database changed: " + changed(before, after),
                    shorten(request)));
          }
        }
      }
    }
    Report report = new Report(calls, perMethod, findings);
    System.out.printf(
        Locale.ROOT, "%s (seed %d; replay with -Dfuzz.seed=%d)%n", report.summary(), seed, seed);
    return report;
  }

  /**
   * The gRPC method that calls {@code method} (unary or server-streaming) with any message of its
   * request type, and reads its answers as messages of its response type, without generated stubs.
   */
  public static io.grpc.MethodDescriptor<DynamicMessage, DynamicMessage> dynamic(
      MethodDescriptor method) {
    return io.grpc.MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder()
        .setType(
            method.isServerStreaming()
                ? io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING
                : io.grpc.MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(
            io.grpc.MethodDescriptor.generateFullMethodName(
                method.getService().getFullName(), method.getName()))
        .setRequestMarshaller(
            ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getInputType())))
        .setResponseMarshaller(
            ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getOutputType())))
        .build();
  }

  private Status call(MethodDescriptor method, Caller caller, DynamicMessage request) {
    io.grpc.MethodDescriptor<DynamicMessage, DynamicMessage> grpcMethod = dynamic(method);
    CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.SECONDS);
    if (caller.credentials() != null) {
      options = options.withCallCredentials(caller.credentials());
    }
    try {
      if (method.isServerStreaming()) {
        ClientCall<DynamicMessage, DynamicMessage> call = channel.newCall(grpcMethod, options);
        Iterator<DynamicMessage> answers = ClientCalls.blockingServerStreamingCall(call, request);
        // The first answer (or the refusal) is what the fuzz is after; then hang up.
        try {
          if (answers.hasNext()) {
            answers.next();
          }
        } finally {
          call.cancel("fuzz: enough", null);
        }
        return Status.OK;
      }
      ClientCalls.blockingUnaryCall(channel, grpcMethod, options, request);
      return Status.OK;
    } catch (StatusRuntimeException e) {
      if (method.isServerStreaming()
          && e.getStatus().getCode() == Status.Code.CANCELLED
          && "fuzz: enough".equals(e.getStatus().getDescription())) {
        return Status.OK;
      }
      return e.getStatus();
    }
  }

  /** The parts (collections, for {@link #digestOf}) that differ between two digests. */
  public static String changed(String before, String after) {
    List<String> was = List.of(before.replaceAll("^\\{|\\}$", "").split(", "));
    List<String> is = List.of(after.replaceAll("^\\{|\\}$", "").split(", "));
    return is.stream()
        .filter(part -> !was.contains(part))
        .map(part -> part.replaceFirst("=.*", ""))
        .toList()
        .toString();
  }

  /** The database digest once background work (outbox relays) has settled. */
  public static String settled(Supplier<String> database) {
    String previous = database.get();
    for (int i = 0; i < 20; i++) {
      try {
        Thread.sleep(i == 0 ? 5 : 100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return previous;
      }
      String now = database.get();
      if (now.equals(previous)) {
        return now;
      }
      previous = now;
    }
    return previous;
  }

  private static String shorten(DynamicMessage m) {
    String text = m.toString().replace('\n', ' ');
    return text.length() > 400 ? text.substring(0, 400) + "…" : text;
  }

  /** The protobuf descriptor behind a generated gRPC service's descriptor. */
  public static ServiceDescriptor descriptorOf(io.grpc.ServiceDescriptor grpcService) {
    return ((io.grpc.protobuf.ProtoServiceDescriptorSupplier) grpcService.getSchemaDescriptor())
        .getServiceDescriptor();
  }

  /**
   * A digest of every collection of {@code database} but those named in {@code excluded} (audit
   * records note refusals, which is what they are for).
   */
  public static Supplier<String> digestOf(
      com.mongodb.client.MongoDatabase database, java.util.Set<String> excluded) {
    return () -> {
      java.util.TreeMap<String, Long> sums = new java.util.TreeMap<>();
      for (String name : database.listCollectionNames()) {
        if (excluded.contains(name)) {
          continue;
        }
        long count = 0;
        long hash = 0;
        for (org.bson.Document d : database.getCollection(name).find()) {
          count++;
          hash += d.toJson().hashCode() * 31L + 17; // order-free
        }
        sums.put(name, count * 1_000_003L + hash);
      }
      return sums.toString();
    };
  }

  // ---- generation

  private DynamicMessage request(Descriptor type) {
    List<DynamicMessage> valid = examples.get(type.getFullName());
    if (valid == null || random.nextBoolean()) {
      return message(type, 0);
    }
    DynamicMessage example = valid.get(random.nextInt(valid.size()));
    int texts = countText(example);
    if (texts == 0) {
      return example;
    }
    int[] left = {random.nextInt(texts)};
    return (DynamicMessage) replaceText(example, left, new String(pick(NASTY)));
  }

  private static int countText(com.google.protobuf.Message m) {
    int n = 0;
    for (Map.Entry<FieldDescriptor, Object> e : m.getAllFields().entrySet()) {
      FieldDescriptor f = e.getKey();
      for (Object v : f.isRepeated() ? (List<?>) e.getValue() : List.of(e.getValue())) {
        if (f.getJavaType() == FieldDescriptor.JavaType.STRING) {
          n++;
        } else if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
          n += countText((com.google.protobuf.Message) v);
        }
      }
    }
    return n;
  }

  /** {@code m} with its {@code left[0]}-th text field (depth first) set to {@code text}. */
  private static com.google.protobuf.Message replaceText(
      com.google.protobuf.Message m, int[] left, String text) {
    for (Map.Entry<FieldDescriptor, Object> e : m.getAllFields().entrySet()) {
      FieldDescriptor f = e.getKey();
      if (f.isRepeated()) {
        List<?> values = (List<?>) e.getValue();
        for (int i = 0; i < values.size(); i++) {
          Object v = replaced(f, values.get(i), left, text);
          if (v != values.get(i)) {
            return m.toBuilder().setRepeatedField(f, i, v).build();
          }
        }
      } else {
        Object v = replaced(f, e.getValue(), left, text);
        if (v != e.getValue()) {
          return m.toBuilder().setField(f, v).build();
        }
      }
    }
    return m;
  }

  private static Object replaced(FieldDescriptor f, Object v, int[] left, String text) {
    return switch (f.getJavaType()) {
      case STRING -> left[0]-- == 0 ? text : v;
      case MESSAGE -> replaceText((com.google.protobuf.Message) v, left, text);
      default -> v;
    };
  }

  DynamicMessage message(Descriptor type, int depth) {
    DynamicMessage.Builder b = DynamicMessage.newBuilder(type);
    switch (type.getFullName()) {
      case "google.protobuf.Timestamp", "google.protobuf.Duration" -> {
        b.setField(
            type.findFieldByName("seconds"),
            pick(
                0L,
                -1L,
                1L,
                253_402_300_800L,
                -62_135_596_801L,
                Long.MAX_VALUE,
                Long.MIN_VALUE,
                1_800_000_000L,
                (long) random.nextInt()));
        b.setField(
            type.findFieldByName("nanos"),
            pick(0, -1, 999_999_999, 1_000_000_000, Integer.MIN_VALUE, random.nextInt()));
        return b.build();
      }
      case "google.type.Date" -> {
        b.setField(
            type.findFieldByName("year"),
            pick(0, 1, 1899, 1988, 2026, 9999, 10_000, -5, random.nextInt()));
        b.setField(type.findFieldByName("month"), pick(0, 1, 2, 12, 13, -1, random.nextInt()));
        b.setField(type.findFieldByName("day"), pick(0, 1, 29, 30, 31, 32, -1, random.nextInt()));
        return b.build();
      }
      default -> {}
    }
    for (FieldDescriptor f : type.getFields()) {
      if (random.nextInt(10) < 3) {
        continue; // left unset
      }
      if (f.isRepeated()) {
        int count = random.nextInt(20) == 0 ? 200 + random.nextInt(400) : random.nextInt(4);
        for (int i = 0; i < count; i++) {
          Object v = value(f, depth, f.isMapField() || count > 50);
          if (v != null) {
            b.addRepeatedField(f, v);
          }
        }
      } else {
        Object v = value(f, depth, false);
        if (v != null) {
          b.setField(f, v);
        }
      }
    }
    return b.build();
  }

  private Object value(FieldDescriptor f, int depth, boolean cheap) {
    return switch (f.getJavaType()) {
      case STRING -> string(f, cheap);
      case INT ->
          pick(
              0, 1, -1, 7, 100, 1000, 1001, Integer.MAX_VALUE, Integer.MIN_VALUE, random.nextInt());
      case LONG -> pick(0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, random.nextLong());
      case FLOAT -> pick(0f, -1f, Float.NaN, Float.POSITIVE_INFINITY, random.nextFloat() * 1000);
      case DOUBLE ->
          pick(
              0d,
              -1d,
              1e308,
              -91d,
              181d,
              Double.NaN,
              Double.NEGATIVE_INFINITY,
              35.08,
              -106.65,
              random.nextGaussian() * 100);
      case BOOLEAN -> random.nextBoolean();
      case BYTE_STRING -> {
        byte[] bytes = new byte[random.nextInt(40)];
        random.nextBytes(bytes);
        yield ByteString.copyFrom(bytes);
      }
      case ENUM -> enumValue(f.getEnumType());
      case MESSAGE ->
          depth >= MAX_DEPTH && !f.isRequired() ? null : message(f.getMessageType(), depth + 1);
    };
  }

  private Object enumValue(EnumDescriptor type) {
    int r = random.nextInt(10);
    if (r == 0) {
      return type.findValueByNumberCreatingIfUnknown(pick(99, -1, 1_000_000, Integer.MAX_VALUE));
    }
    if (r == 1) {
      return type.getValues().getFirst(); // the UNSPECIFIED zero
    }
    return type.getValues().get(random.nextInt(type.getValues().size()));
  }

  private String string(FieldDescriptor f, boolean cheap) {
    String name = f.getName();
    int r = random.nextInt(10);
    if (!cheap && r == 0) {
      return repeat("A", pick(129, 257, 1_025, 5_000, 70_000));
    }
    if (!cheap && r == 1) {
      StringBuilder s = new StringBuilder();
      int n = 1 + random.nextInt(300);
      for (int i = 0; i < n; i++) {
        s.appendCodePoint(
            random.nextInt(5) == 0 ? 0x80 + random.nextInt(0x2FFF) : 0x20 + random.nextInt(95));
      }
      return s.toString();
    }
    if (name.endsWith("page_token") && r < 6) {
      return pick(
          "", "0", "-5", "999999999999999999999", "bm90LWEtdG9rZW4", "%%%", "eyJvZmZzZXQiOi0xfQ");
    }
    if (name.equals("paths") || name.endsWith("_mask")) {
      return pick("", "*", "etag", "title", "x.y.z", "status", repeat("p", 300), "sides.agency");
    }
    return STRINGS[random.nextInt(STRINGS.length)];
  }

  private static String repeat(String s, int n) {
    return s.repeat(n);
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }
}
