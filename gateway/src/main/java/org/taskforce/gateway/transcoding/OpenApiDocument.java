package org.taskforce.gateway.transcoding;

import com.google.api.FieldBehavior;
import com.google.api.FieldBehaviorProto;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * An OpenAPI 3.0 description of the REST surface, generated from the same descriptors and
 * annotations the gateway transcodes with, so it cannot drift from what the gateway serves.
 */
public final class OpenApiDocument {
  private OpenApiDocument() {}

  public static String generate(RestRoutes routes, String version) {
    JsonObject root = new JsonObject();
    root.addProperty("openapi", "3.0.3");
    JsonObject info = new JsonObject();
    info.addProperty("title", "Taskforce API");
    info.addProperty("version", version);
    info.addProperty(
        "description",
        "REST/JSON form of the Taskforce gRPC API (proto3 JSON mapping). Every call needs a"
            + " Keycloak bearer token. Errors: {\"error\": {code, status, message, details}}.");
    root.add("info", info);
    JsonObject security = new JsonObject();
    security.add("bearer", new JsonArray());
    JsonArray securityList = new JsonArray();
    securityList.add(security);
    root.add("security", securityList);

    JsonObject paths = new JsonObject();
    Deque<Descriptor> pending = new ArrayDeque<>();
    for (RestRoute route : routes.all()) {
      String path = openApiPath(route.path().toString());
      JsonObject item = paths.has(path) ? paths.getAsJsonObject(path) : new JsonObject();
      paths.add(path, item);
      item.add(route.httpMethod().toLowerCase(java.util.Locale.ROOT), operation(route, pending));
    }
    root.add("paths", paths);

    JsonObject schemas = new JsonObject();
    Set<String> done = new HashSet<>();
    while (!pending.isEmpty()) {
      Descriptor type = pending.pop();
      if (done.add(type.getFullName())) {
        schemas.add(type.getFullName(), schema(type, pending));
      }
    }
    schemas.add("Error", errorSchema());
    JsonObject components = new JsonObject();
    components.add("schemas", schemas);
    JsonObject bearer = new JsonObject();
    bearer.addProperty("type", "http");
    bearer.addProperty("scheme", "bearer");
    bearer.addProperty("bearerFormat", "JWT");
    JsonObject securitySchemes = new JsonObject();
    securitySchemes.add("bearer", bearer);
    components.add("securitySchemes", securitySchemes);
    root.add("components", components);
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
  }

  private static String openApiPath(String template) {
    return template.replaceAll("\\{([^}=]+)(=\\*)?}", "{$1}");
  }

  private static JsonObject operation(RestRoute route, Deque<Descriptor> pending) {
    JsonObject op = new JsonObject();
    op.addProperty("operationId", route.method().getName());
    JsonArray tags = new JsonArray();
    tags.add(route.method().getService().getName());
    op.add("tags", tags);
    op.addProperty("summary", route.grpcMethodName());
    JsonArray parameters = new JsonArray();
    Set<String> bound = new HashSet<>(route.path().variables());
    for (String variable : route.path().variables()) {
      JsonObject p = new JsonObject();
      p.addProperty("name", variable);
      p.addProperty("in", "path");
      p.addProperty("required", true);
      JsonObject s = new JsonObject();
      s.addProperty("type", "string");
      p.add("schema", s);
      parameters.add(p);
    }
    Descriptor input = route.method().getInputType();
    if (!route.body().equals("*")) {
      for (FieldDescriptor field : input.getFields()) {
        boolean boundByPath =
            bound.stream()
                .anyMatch(v -> v.equals(field.getName()) || v.startsWith(field.getName() + "."));
        if (boundByPath || field.getName().equals(route.body()) || field.isMapField()) {
          continue;
        }
        if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
            && !isStringForm(field.getMessageType())) {
          continue;
        }
        JsonObject p = new JsonObject();
        p.addProperty("name", field.getName());
        p.addProperty("in", "query");
        p.add("schema", fieldSchema(field, pending));
        parameters.add(p);
      }
    }
    op.add("parameters", parameters);
    if (!route.body().isEmpty()) {
      Descriptor bodyType =
          route.body().equals("*") ? input : input.findFieldByName(route.body()).getMessageType();
      pending.add(bodyType);
      JsonObject requestBody = new JsonObject();
      requestBody.addProperty("required", true);
      requestBody.add("content", jsonContent(ref(bodyType)));
      op.add("requestBody", requestBody);
    }
    pending.add(route.method().getOutputType());
    JsonObject responses = new JsonObject();
    JsonObject ok = new JsonObject();
    ok.addProperty("description", "OK");
    ok.add("content", jsonContent(ref(route.method().getOutputType())));
    responses.add("200", ok);
    JsonObject error = new JsonObject();
    error.addProperty("description", "The gRPC status as JSON, with the matching HTTP code");
    JsonObject errorRef = new JsonObject();
    errorRef.addProperty("$ref", "#/components/schemas/Error");
    error.add("content", jsonContent(errorRef));
    responses.add("default", error);
    op.add("responses", responses);
    return op;
  }

  private static JsonObject jsonContent(JsonObject schema) {
    JsonObject media = new JsonObject();
    media.add("schema", schema);
    JsonObject content = new JsonObject();
    content.add("application/json", media);
    return content;
  }

  private static JsonObject ref(Descriptor type) {
    JsonObject ref = new JsonObject();
    ref.addProperty("$ref", "#/components/schemas/" + type.getFullName());
    return ref;
  }

  private static JsonObject schema(Descriptor type, Deque<Descriptor> pending) {
    JsonObject schema = new JsonObject();
    schema.addProperty("type", "object");
    JsonObject properties = new JsonObject();
    JsonArray required = new JsonArray();
    for (FieldDescriptor field : type.getFields()) {
      JsonObject property = fieldSchema(field, pending);
      if (isIdentifier(field)) {
        // A resource's name: the service sets it and every answer carries it. readOnly + required
        // is OpenAPI's "required in responses only" (a create request leaves it out).
        property.addProperty("readOnly", true);
        required.add(field.getJsonName());
      }
      properties.add(field.getJsonName(), property);
    }
    schema.add("properties", properties);
    if (!required.isEmpty()) {
      schema.add("required", required);
    }
    return schema;
  }

  private static JsonObject fieldSchema(FieldDescriptor field, Deque<Descriptor> pending) {
    if (field.isMapField()) {
      JsonObject map = new JsonObject();
      map.addProperty("type", "object");
      map.add(
          "additionalProperties",
          singleSchema(field.getMessageType().findFieldByName("value"), pending));
      return map;
    }
    JsonObject single = singleSchema(field, pending);
    if (!field.isRepeated()) {
      return single;
    }
    JsonObject array = new JsonObject();
    array.addProperty("type", "array");
    array.add("items", single);
    return array;
  }

  private static JsonObject singleSchema(FieldDescriptor field, Deque<Descriptor> pending) {
    JsonObject s = new JsonObject();
    switch (field.getJavaType()) {
      case INT -> {
        s.addProperty("type", "integer");
        s.addProperty("format", "int32");
      }
      case LONG -> {
        s.addProperty("type", "string");
        s.addProperty("format", "int64");
      }
      case FLOAT, DOUBLE -> s.addProperty("type", "number");
      case BOOLEAN -> s.addProperty("type", "boolean");
      case STRING -> s.addProperty("type", "string");
      case BYTE_STRING -> {
        s.addProperty("type", "string");
        s.addProperty("format", "byte");
      }
      case ENUM -> {
        s.addProperty("type", "string");
        JsonArray values = new JsonArray();
        for (EnumValueDescriptor v : field.getEnumType().getValues()) {
          values.add(v.getName());
        }
        s.add("enum", values);
      }
      case MESSAGE -> {
        Descriptor type = field.getMessageType();
        switch (type.getFullName()) {
          case "google.protobuf.Timestamp" -> {
            s.addProperty("type", "string");
            s.addProperty("format", "date-time");
          }
          case "google.protobuf.Duration", "google.protobuf.FieldMask" ->
              s.addProperty("type", "string");
          case "google.protobuf.Any", "google.protobuf.Struct" -> s.addProperty("type", "object");
          default -> {
            pending.add(type);
            return ref(type);
          }
        }
      }
    }
    return s;
  }

  private static boolean isIdentifier(FieldDescriptor field) {
    return field.getJavaType() == FieldDescriptor.JavaType.STRING
        && !field.isRepeated()
        && field
            .getOptions()
            .getExtension(FieldBehaviorProto.fieldBehavior)
            .contains(FieldBehavior.IDENTIFIER);
  }

  private static boolean isStringForm(Descriptor type) {
    String name = type.getFullName();
    return name.equals("google.protobuf.Timestamp")
        || name.equals("google.protobuf.Duration")
        || name.equals("google.protobuf.FieldMask");
  }

  private static JsonObject errorSchema() {
    JsonObject error = new JsonObject();
    error.addProperty("type", "object");
    JsonObject inner = new JsonObject();
    inner.addProperty("type", "object");
    JsonObject props = new JsonObject();
    JsonObject code = new JsonObject();
    code.addProperty("type", "integer");
    props.add("code", code);
    JsonObject status = new JsonObject();
    status.addProperty("type", "string");
    props.add("status", status);
    JsonObject message = new JsonObject();
    message.addProperty("type", "string");
    props.add("message", message);
    JsonObject details = new JsonObject();
    details.addProperty("type", "array");
    JsonObject item = new JsonObject();
    item.addProperty("type", "object");
    details.add("items", item);
    props.add("details", details);
    inner.add("properties", props);
    JsonObject outer = new JsonObject();
    outer.add("error", inner);
    error.add("properties", outer);
    return error;
  }
}
