package org.taskforce.gateway.transcoding;

import com.google.api.FieldBehavior;
import com.google.api.FieldBehaviorProto;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.Deque;

/**
 * OpenAPI schemas of protobuf messages in their proto3 JSON form; every message type a schema
 * refers to is added to {@code pending} so that it gets a schema of its own.
 */
final class OpenApiSchemas {
  private OpenApiSchemas() {}

  static JsonObject ref(Descriptor type) {
    JsonObject ref = new JsonObject();
    ref.addProperty("$ref", "#/components/schemas/" + type.getFullName());
    return ref;
  }

  static JsonObject schema(Descriptor type, Deque<Descriptor> pending) {
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

  static JsonObject fieldSchema(FieldDescriptor field, Deque<Descriptor> pending) {
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
    JsonObject schema = new JsonObject();
    switch (field.getJavaType()) {
      case INT -> {
        schema.addProperty("type", "integer");
        schema.addProperty("format", "int32");
      }
      case LONG -> {
        schema.addProperty("type", "string");
        schema.addProperty("format", "int64");
      }
      case FLOAT, DOUBLE -> schema.addProperty("type", "number");
      case BOOLEAN -> schema.addProperty("type", "boolean");
      case STRING -> schema.addProperty("type", "string");
      case BYTE_STRING -> {
        schema.addProperty("type", "string");
        schema.addProperty("format", "byte");
      }
      case ENUM -> {
        schema.addProperty("type", "string");
        JsonArray values = new JsonArray();
        for (EnumValueDescriptor value : field.getEnumType().getValues()) {
          values.add(value.getName());
        }
        schema.add("enum", values);
      }
      case MESSAGE -> {
        Descriptor type = field.getMessageType();
        switch (type.getFullName()) {
          case "google.protobuf.Timestamp" -> {
            schema.addProperty("type", "string");
            schema.addProperty("format", "date-time");
          }
          case "google.protobuf.Duration", "google.protobuf.FieldMask" ->
              schema.addProperty("type", "string");
          case "google.protobuf.Any", "google.protobuf.Struct" ->
              schema.addProperty("type", "object");
          default -> {
            pending.add(type);
            return ref(type);
          }
        }
      }
    }
    return schema;
  }

  private static boolean isIdentifier(FieldDescriptor field) {
    return field.getJavaType() == FieldDescriptor.JavaType.STRING
        && !field.isRepeated()
        && field
            .getOptions()
            .getExtension(FieldBehaviorProto.fieldBehavior)
            .contains(FieldBehavior.IDENTIFIER);
  }

  static boolean isStringForm(Descriptor type) {
    String name = type.getFullName();
    return name.equals("google.protobuf.Timestamp")
        || name.equals("google.protobuf.Duration")
        || name.equals("google.protobuf.FieldMask");
  }

  static JsonObject errorSchema() {
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
