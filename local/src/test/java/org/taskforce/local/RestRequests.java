package org.taskforce.local;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests made from an OpenAPI operation: path values (ids seen in earlier answers, or bad ones),
 * query values, and JSON bodies of the declared schema with boundary values, wrong types, unknown
 * fields, huge strings, deep nesting, bad enum names and numbers, bad timestamps, garbage page
 * tokens and update masks — or no JSON at all.
 */
final class RestRequests {
  /** What is sent: path with query, body bytes (null: none) and content type. */
  record Request(String pathAndQuery, byte[] body, String contentType) {
    String describe() {
      String b = body == null ? "" : new String(body, StandardCharsets.UTF_8);
      return RestFuzzer.shorten(pathAndQuery) + " " + contentType + " " + RestFuzzer.shorten(b);
    }
  }

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
  private static final String[] STRINGS = {
    "",
    " ",
    "x",
    "0",
    "-1",
    "null",
    "..",
    "../../etc/passwd",
    "a\u0000b",
    "%00%ff",
    "\u202Eevil",
    "Jos\u00e9 Garc\u00eda",
    "\ud83d\ude00",
    "+1 (505) 555-0142",
    "someone@example.org",
    "https://127.0.0.1/hook",
    "c-00000000-0000-0000-0000-000000000000",
    "$where",
    "{\"$gt\":\"\"}",
    "a/b",
    "Operation Mesa",
    "NM",
  };
  private static final String[] TIMESTAMPS = {
    "2027-01-15T10:00:00Z",
    "2026-13-45T00:00:00Z",
    "yesterday",
    "",
    "0000-01-01T00:00:00Z",
    "9999-12-31T23:59:59.999999999Z",
    "10000-01-01T00:00:00Z",
    "2026-12-01T10:00:00+25:00",
    "1970-01-01T00:00:00Z",
    "2026-12-01",
  };
  private static final String[] PAGE_TOKENS = {
    "",
    "0",
    "-5",
    "999999999999999999999",
    "bm90LWEtdG9rZW4",
    "%%%",
    "eyJvZmZzZXQiOi0xfQ",
    "!!!not-base64!!!",
    "A".repeat(2_000),
  };
  private static final String[] MASKS = {
    "", "*", "etag", "title", "x.y.z", "title,,summary", "status", "p".repeat(300), "title,title",
  };

  private final JsonObject schemas;
  private final Random random;

  /** Ids seen in answers, by the normalised name of the field that held them. */
  private final Map<String, List<String>> seen = new LinkedHashMap<>();

  RestRequests(JsonObject openApi, Random random) {
    this.schemas = openApi.getAsJsonObject("components").getAsJsonObject("schemas");
    this.random = random;
  }

  /** Remembers the ids and names an answer carried, to use them as path values later. */
  void harvest(String body) {
    try {
      collect(JsonParser.parseString(body), "");
    } catch (RuntimeException notJson) {
      // a 2xx without a JSON body has nothing to harvest
    }
  }

  private void collect(JsonElement e, String field) {
    if (e.isJsonObject()) {
      e.getAsJsonObject().entrySet().forEach(x -> collect(x.getValue(), x.getKey()));
    } else if (e.isJsonArray()) {
      e.getAsJsonArray().forEach(x -> collect(x, field));
    } else if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
      String key = normalise(field);
      if (key.endsWith("id") || key.equals("name") || key.equals("number")) {
        List<String> values = seen.computeIfAbsent(key, k -> new ArrayList<>());
        if (values.size() < 50 && !values.contains(e.getAsString())) {
          values.add(e.getAsString());
        }
      }
    }
  }

  private static String normalise(String name) {
    return name.replace("_", "").replace(".", "").toLowerCase(Locale.ROOT);
  }

  Request request(String template, JsonObject operation) {
    StringBuilder path = new StringBuilder();
    Matcher m = VARIABLE.matcher(template);
    while (m.find()) {
      m.appendReplacement(path, Matcher.quoteReplacement(RestFuzzer.encode(pathValue(m.group(1)))));
    }
    m.appendTail(path);
    List<String> query = new ArrayList<>();
    if (operation.has("parameters")) {
      for (JsonElement p : operation.getAsJsonArray("parameters")) {
        JsonObject param = p.getAsJsonObject();
        if (param.get("in").getAsString().equals("query") && random.nextInt(10) < 4) {
          String name = param.get("name").getAsString();
          query.add(
              name + "=" + RestFuzzer.encode(queryValue(name, param.getAsJsonObject("schema"))));
        }
      }
    }
    if (random.nextInt(8) == 0) {
      query.add(
          RestFuzzer.encode(pick("zz_unknown", "page_size", "a.b.c", ""))
              + "="
              + RestFuzzer.encode(pick(STRINGS)));
    }
    String pathAndQuery = query.isEmpty() ? path.toString() : path + "?" + String.join("&", query);
    if (!operation.has("requestBody")) {
      return new Request(pathAndQuery, null, null);
    }
    String contentType =
        pick(
            "application/json",
            "application/json",
            "application/json",
            "application/json",
            "application/json",
            "application/json",
            "application/json",
            "text/plain",
            "application/json; charset=ISO-8859-1",
            "application/xml");
    return new Request(pathAndQuery, body(operation), contentType);
  }

  private String pathValue(String variable) {
    List<String> known = seen.getOrDefault(normalise(variable), List.of());
    if (known.isEmpty()) {
      known = seen.values().stream().flatMap(List::stream).toList();
    }
    if (!known.isEmpty() && random.nextInt(10) < 6) {
      return known.get(random.nextInt(known.size()));
    }
    return random.nextInt(6) == 0 ? "A".repeat(pick(129, 1_025, 3_000)) : pick(STRINGS);
  }

  private String queryValue(String name, JsonObject schema) {
    if (name.endsWith("page_token")) {
      return pick(PAGE_TOKENS);
    }
    if (name.endsWith("mask")) {
      return pick(MASKS);
    }
    JsonElement v = value(schema, 3, name);
    return v.isJsonPrimitive() ? v.getAsString() : v.toString();
  }

  private byte[] body(JsonObject operation) {
    int r = random.nextInt(20);
    if (r == 0) {
      return pick(
              "",
              "{",
              "[]",
              "null",
              "\"x\"",
              "{}garbage",
              "{\"a\":1,\"a\":2}",
              "{\"title\":\"\\ud800\"}",
              "[".repeat(5_000),
              "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000))
          .getBytes(StandardCharsets.UTF_8);
    }
    if (r == 1) {
      return new byte[] {
        '{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'
      };
    }
    JsonObject schema =
        operation
            .getAsJsonObject("requestBody")
            .getAsJsonObject("content")
            .getAsJsonObject("application/json")
            .getAsJsonObject("schema");
    return value(schema, 0, "").toString().getBytes(StandardCharsets.UTF_8);
  }

  private JsonObject resolve(JsonObject schema) {
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").getAsString();
      return schemas.getAsJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
    }
    return schema;
  }

  /** A value of {@code schema}, sometimes at a boundary, sometimes of the wrong type. */
  private JsonElement value(JsonObject schema, int depth, String name) {
    if (random.nextInt(12) == 0) {
      return wrong(depth);
    }
    JsonObject s = resolve(schema);
    String type = s.has("type") ? s.get("type").getAsString() : "object";
    String format = s.has("format") ? s.get("format").getAsString() : "";
    return switch (type) {
      case "object" -> object(s, depth);
      case "array" -> {
        JsonArray a = new JsonArray();
        int n = random.nextInt(15) == 0 ? 200 + random.nextInt(200) : random.nextInt(4);
        for (int i = 0; i < n; i++) {
          a.add(
              n > 50
                  ? new JsonPrimitive(pick(STRINGS))
                  : value(s.getAsJsonObject("items"), depth + 1, name));
        }
        yield a;
      }
      case "integer" ->
          number(0, 1, -1, 7, 100, 1_000, 1_001, 2_147_483_648L, 1.5, 1e40, "12", "abc");
      case "number" -> number(35.08, -106.65, -91, 181, 1e308, "NaN", "Infinity", "x", 0);
      case "boolean" ->
          random.nextInt(5) == 0
              ? number("yes", 1, "true")
              : new JsonPrimitive(random.nextBoolean());
      default -> string(s, format, name);
    };
  }

  private JsonElement object(JsonObject s, int depth) {
    JsonObject o = new JsonObject();
    if (s.has("additionalProperties")) {
      for (int i = random.nextInt(3); i > 0; i--) {
        o.add(pick(STRINGS), value(s.getAsJsonObject("additionalProperties"), depth + 1, ""));
      }
      return o;
    }
    if (!s.has("properties") || depth > 4) {
      return o;
    }
    for (Map.Entry<String, JsonElement> p : s.getAsJsonObject("properties").entrySet()) {
      if (random.nextInt(10) < 7) {
        o.add(p.getKey(), value(p.getValue().getAsJsonObject(), depth + 1, p.getKey()));
      }
    }
    if (random.nextInt(10) == 0) {
      o.add(pick("zzUnknown", "@type", "etag_", "__proto__"), wrong(depth));
    }
    return o;
  }

  private JsonElement string(JsonObject s, String format, String name) {
    if (s.has("enum")) {
      JsonArray values = s.getAsJsonArray("enum");
      return random.nextInt(10) < 7
          ? values.get(random.nextInt(values.size()))
          : number(
              "NOPE",
              "",
              99,
              -1,
              1.5,
              values.size() - 1,
              values.get(values.size() - 1).getAsString().toLowerCase(Locale.ROOT));
    }
    return switch (format) {
      case "date-time" ->
          random.nextInt(10) == 0 ? new JsonPrimitive(1.8e9) : new JsonPrimitive(pick(TIMESTAMPS));
      case "int64" ->
          number("1", "-1", "9223372036854775807", "9223372036854775808", "1e3", 1, "abc");
      case "byte" -> new JsonPrimitive(pick("aGVsbG8=", "!!!", "", "aGVsbG8"));
      default -> {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith("pagetoken")) {
          yield new JsonPrimitive(pick(PAGE_TOKENS));
        }
        if (lower.endsWith("mask") || lower.equals("paths")) {
          yield new JsonPrimitive(pick(MASKS));
        }
        if (lower.contains("duration") || lower.equals("ttl")) {
          yield new JsonPrimitive(pick("3600s", "-1s", "1.5s", "x", "315576000001s"));
        }
        yield new JsonPrimitive(
            random.nextInt(8) == 0
                ? "A".repeat(pick(129, 257, 1_025, 5_000, 70_000))
                : pick(STRINGS));
      }
    };
  }

  /** A value of some other JSON type than asked, or nested far deeper than any message. */
  private JsonElement wrong(int depth) {
    return switch (random.nextInt(7)) {
      case 0 -> JsonNull.INSTANCE;
      case 1 -> new JsonPrimitive(random.nextInt());
      case 2 -> new JsonPrimitive(pick(STRINGS));
      case 3 -> new JsonPrimitive(true);
      case 4 -> new JsonArray();
      case 5 -> new JsonObject();
      default -> {
        JsonElement e = new JsonPrimitive(1);
        int levels = pick(50, 200, 1_000);
        for (int i = 0; i < levels; i++) {
          JsonObject o = new JsonObject();
          o.add("a", e);
          e = o;
        }
        yield e;
      }
    };
  }

  private JsonElement number(Object... options) {
    Object v = options[random.nextInt(options.length)];
    return v instanceof String str ? new JsonPrimitive(str) : new JsonPrimitive((Number) v);
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }
}
