package org.taskforce.gateway.transcoding;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the gRPC request of a REST call the way {@code google.api.http} defines it: the body
 * (JSON, proto3 JSON names or field names) fills the whole request ({@code body: "*"}) or one
 * field; path variables set their fields; query parameters set any other field, nested with dots
 * ({@code time_window.start_time}), repeated by repeating the parameter, enums by name.
 */
public final class RequestTranscoder {
  private static final Set<FieldDescriptor.JavaType> SCALARS =
      Set.of(
          FieldDescriptor.JavaType.STRING,
          FieldDescriptor.JavaType.INT,
          FieldDescriptor.JavaType.LONG,
          FieldDescriptor.JavaType.FLOAT,
          FieldDescriptor.JavaType.DOUBLE,
          FieldDescriptor.JavaType.BOOLEAN,
          FieldDescriptor.JavaType.ENUM,
          FieldDescriptor.JavaType.BYTE_STRING);

  private final JsonFormat.Parser parser;

  public RequestTranscoder(ApiDescriptors descriptors) {
    this.parser = JsonFormat.parser().usingTypeRegistry(descriptors.typeRegistry());
  }

  public DynamicMessage transcode(
      RestRoutes.Match match, Map<String, List<String>> query, String body) {
    RestRoute route = match.route();
    Descriptor input = route.method().getInputType();
    JsonObject json = new JsonObject();

    if (!route.body().isEmpty()) {
      JsonElement parsed = parseBody(body);
      if (route.body().equals("*")) {
        if (!parsed.isJsonObject()) {
          throw new BadRequestException("body", "the body must be a JSON object");
        }
        json = parsed.getAsJsonObject();
      } else {
        FieldDescriptor field = input.findFieldByName(route.body());
        json.add(field.getJsonName(), parsed);
      }
    } else if (body != null && !body.isBlank()) {
      throw new BadRequestException(
          "body", route.httpMethod() + " " + route.path() + " takes no body");
    }

    for (Map.Entry<String, String> bound : match.pathValues().entrySet()) {
      set(json, input, bound.getKey(), List.of(bound.getValue()), true);
    }
    if (!route.body().equals("*")) {
      for (Map.Entry<String, List<String>> param : query.entrySet()) {
        if (route.body().isEmpty() || !param.getKey().startsWith(route.body())) {
          set(json, input, param.getKey(), param.getValue(), false);
        }
      }
    }

    DynamicMessage.Builder request = DynamicMessage.newBuilder(input);
    try {
      parser.merge(json.toString(), request);
    } catch (InvalidProtocolBufferException e) {
      throw new BadRequestException("body", e.getMessage());
    }
    return request.build();
  }

  private static JsonElement parseBody(String body) {
    if (body == null || body.isBlank()) {
      return new JsonObject();
    }
    try {
      return JsonParser.parseString(body);
    } catch (JsonParseException e) {
      throw new BadRequestException("body", "the body is not valid JSON: " + e.getMessage());
    }
  }

  /** Sets a (dotted) field path in the JSON form of {@code type}, creating nested objects. */
  private static void set(
      JsonObject root, Descriptor type, String path, List<String> values, boolean fromPath) {
    String[] parts = path.split("\\.");
    JsonObject node = root;
    Descriptor current = type;
    for (int i = 0; i < parts.length; i++) {
      FieldDescriptor field = field(current, parts[i]);
      if (field == null) {
        throw new BadRequestException(path, "no such field in " + type.getName());
      }
      String key = field.getJsonName();
      boolean last = i == parts.length - 1;
      if (!last) {
        if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE || field.isRepeated()) {
          throw new BadRequestException(path, "'" + parts[i] + "' has no fields");
        }
        JsonElement child = node.get(key);
        if (child == null || !child.isJsonObject()) {
          child = new JsonObject();
          node.add(key, child);
        }
        node = child.getAsJsonObject();
        current = field.getMessageType();
        continue;
      }
      if (field.isMapField()) {
        throw new BadRequestException(path, "map fields cannot be set from the URL");
      }
      if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !isWellKnownScalar(field)) {
        throw new BadRequestException(path, "a message field cannot be set from the URL");
      }
      if (field.isRepeated()) {
        JsonArray array = new JsonArray();
        values.forEach(v -> array.add(new JsonPrimitive(v)));
        node.add(key, array);
      } else {
        if (values.size() > 1) {
          throw new BadRequestException(
              path, "is not repeated but was given " + values.size() + " times");
        }
        JsonElement given = fromPath ? node.get(key) : null;
        // A body may repeat a path value (the same, as a string) or leave it null; anything
        // else — another value, an array, an object — contradicts the path.
        if (given != null
            && !given.isJsonNull()
            && !(given.isJsonPrimitive() && given.getAsString().equals(values.get(0)))) {
          throw new BadRequestException(
              path,
              "the body says "
                  + BadRequestException.cut(given.toString(), BadRequestException.QUOTED)
                  + " but the path says '"
                  + values.get(0)
                  + "'");
        }
        node.add(key, new JsonPrimitive(values.get(0)));
      }
    }
  }

  private static FieldDescriptor field(Descriptor type, String name) {
    FieldDescriptor field = type.findFieldByName(name);
    if (field != null) {
      return field;
    }
    return type.getFields().stream()
        .filter(f -> f.getJsonName().equals(name))
        .findFirst()
        .orElse(null);
  }

  /** Timestamps, durations, field masks and wrappers have a string JSON form. */
  private static boolean isWellKnownScalar(FieldDescriptor field) {
    String name = field.getMessageType().getFullName();
    return name.equals("google.protobuf.Timestamp")
        || name.equals("google.protobuf.Duration")
        || name.equals("google.protobuf.FieldMask")
        || (name.startsWith("google.protobuf.")
            && name.endsWith("Value")
            && SCALARS.contains(field.getMessageType().findFieldByName("value").getJavaType()));
  }
}
