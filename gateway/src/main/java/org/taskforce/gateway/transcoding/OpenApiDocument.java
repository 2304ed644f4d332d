package org.taskforce.gateway.transcoding;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Locale;
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
      item.add(route.httpMethod().toLowerCase(Locale.ROOT), operation(route, pending));
    }
    root.add("paths", paths);

    JsonObject schemas = new JsonObject();
    Set<String> done = new HashSet<>();
    while (!pending.isEmpty()) {
      Descriptor type = pending.pop();
      if (done.add(type.getFullName())) {
        schemas.add(type.getFullName(), OpenApiSchemas.schema(type, pending));
      }
    }
    schemas.add("Error", OpenApiSchemas.errorSchema());
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
      JsonObject parameter = new JsonObject();
      parameter.addProperty("name", variable);
      parameter.addProperty("in", "path");
      parameter.addProperty("required", true);
      JsonObject schema = new JsonObject();
      schema.addProperty("type", "string");
      parameter.add("schema", schema);
      parameters.add(parameter);
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
            && !OpenApiSchemas.isStringForm(field.getMessageType())) {
          continue;
        }
        JsonObject parameter = new JsonObject();
        parameter.addProperty("name", field.getName());
        parameter.addProperty("in", "query");
        parameter.add("schema", OpenApiSchemas.fieldSchema(field, pending));
        parameters.add(parameter);
      }
    }
    op.add("parameters", parameters);
    if (!route.body().isEmpty()) {
      Descriptor bodyType =
          route.body().equals("*") ? input : input.findFieldByName(route.body()).getMessageType();
      pending.add(bodyType);
      JsonObject requestBody = new JsonObject();
      requestBody.addProperty("required", true);
      requestBody.add("content", jsonContent(OpenApiSchemas.ref(bodyType)));
      op.add("requestBody", requestBody);
    }
    pending.add(route.method().getOutputType());
    JsonObject responses = new JsonObject();
    JsonObject ok = new JsonObject();
    ok.addProperty("description", "OK");
    ok.add("content", jsonContent(OpenApiSchemas.ref(route.method().getOutputType())));
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
}
