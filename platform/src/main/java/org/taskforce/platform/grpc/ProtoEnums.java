package org.taskforce.platform.grpc;

import com.google.protobuf.ProtocolMessageEnum;
import java.util.List;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;

/**
 * Enum fields as a service reads them: the zero value ({@code *_UNSPECIFIED}) means unset, and a
 * number the contract does not know ({@code UNRECOGNIZED}, whose {@code getNumber()} throws) is bad
 * input — {@code INVALID_ARGUMENT} on the field, never {@code INTERNAL}.
 */
public final class ProtoEnums {
  private ProtoEnums() {}

  /** Whether a value is a number this contract does not know. */
  public static boolean unrecognized(ProtocolMessageEnum value) {
    return value instanceof Enum<?> e && e.name().equals("UNRECOGNIZED");
  }

  /** Whether a value is set: known and not the zero value. */
  public static boolean isSet(ProtocolMessageEnum value) {
    return !unrecognized(value) && value.getNumber() != 0;
  }

  /**
   * The value, or null when unset; an unknown number is added to {@code v} as a violation of {@code
   * field} (and null returned).
   */
  public static <E extends ProtocolMessageEnum> E optional(
      E value, String field, Violations violations) {
    if (unrecognized(value)) {
      violations.add(field, "is not a known value of " + typeName(value));
      return null;
    }
    return value.getNumber() == 0 ? null : value;
  }

  /**
   * As {@link #optional(ProtocolMessageEnum, String, Violations)}, as the value of {@code domain}
   * it names ({@link #toDomain}).
   */
  public static <D extends Enum<D>> D optional(
      ProtocolMessageEnum value, String field, Violations violations, Class<D> domain) {
    ProtocolMessageEnum known = optional(value, field, violations);
    return known == null ? null : toDomain(known, domain);
  }

  /**
   * The value of a service's own enum that a known, set contract value names: the contract's name
   * without the prefix all values of its enum carry ({@code OUTCOME_KIND_CONVICTION} is {@code
   * CONVICTION}).
   */
  public static <D extends Enum<D>> D toDomain(ProtocolMessageEnum value, Class<D> domain) {
    String name = value.getValueDescriptor().getName();
    return Enum.valueOf(domain, name.substring(prefix(value).length()));
  }

  /** As {@link #optional(ProtocolMessageEnum, String, Violations)}, throwing at once. */
  public static <E extends ProtocolMessageEnum> E optional(E value, String field) {
    Violations violations = new Violations();
    E known = optional(value, field, violations);
    violations.throwIfAny();
    return known;
  }

  /** The value; unset or unknown is {@code INVALID_ARGUMENT} with {@code describe} as the text. */
  public static <E extends ProtocolMessageEnum> E required(E value, String field, String describe) {
    if (unrecognized(value) || value.getNumber() == 0) {
      throw TaskforceException.invalidArgument(field, describe);
    }
    return value;
  }

  /** Every known, set value of a repeated enum field; unknown ones are violations. */
  public static <E extends ProtocolMessageEnum> List<E> known(
      List<E> values, String field, Violations violations) {
    for (int i = 0; i < values.size(); i++) {
      if (unrecognized(values.get(i))) {
        violations.add(field + "[" + i + "]", "is not a known value of " + typeName(values.get(i)));
      }
    }
    return values.stream().filter(ProtoEnums::isSet).toList();
  }

  /** The prefix of every value of the enum: its zero value's name before {@code UNSPECIFIED}. */
  private static String prefix(ProtocolMessageEnum value) {
    String zero = value.getDescriptorForType().getValues().get(0).getName();
    if (!zero.endsWith("_UNSPECIFIED")) {
      throw new IllegalArgumentException(typeName(value) + " has no *_UNSPECIFIED zero value");
    }
    return zero.substring(0, zero.length() - "UNSPECIFIED".length());
  }

  private static String typeName(ProtocolMessageEnum value) {
    return value.getDescriptorForType().getName();
  }
}
