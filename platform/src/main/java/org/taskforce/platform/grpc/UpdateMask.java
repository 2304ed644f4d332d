package org.taskforce.platform.grpc;

import com.google.protobuf.FieldMask;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.taskforce.platform.error.Violations;

/**
 * An update's {@code update_mask}: each path one of the fields the resource lets change. Anything
 * else is a violation of {@code update_mask}.
 */
public final class UpdateMask {
  /**
   * Most paths {@link #paths} takes, or as many as the resource has updatable fields if that is
   * more.
   */
  public static final int MAX_PATHS = 8;

  private UpdateMask() {}

  /**
   * The paths named (none: nothing changes), with a violation for each that is not {@code
   * updatable}; more than {@link #MAX_PATHS} (or than the updatable fields, if more) is a violation
   * of {@code update_mask.paths}.
   */
  public static Set<String> paths(FieldMask mask, List<String> updatable, Violations violations) {
    int most = Math.max(MAX_PATHS, updatable.size());
    if (mask.getPathsCount() > most) {
      violations.add(
          "update_mask.paths", "at most " + most + " entries, got " + mask.getPathsCount());
    }
    return checked(mask, updatable, violations);
  }

  /**
   * As {@link #paths}, and at least one path must be named (an update that names none is a
   * violation of {@code update_mask} listing the fields that can change).
   */
  public static Set<String> named(FieldMask mask, List<String> updatable, Violations violations) {
    if (mask.getPathsCount() == 0) {
      violations.add("update_mask", "name the fields to change: " + String.join(", ", updatable));
    }
    return paths(mask, updatable, violations);
  }

  /** As {@link #named}, refused at once ({@code INVALID_ARGUMENT}) when anything is wrong. */
  public static Set<String> named(FieldMask mask, List<String> updatable) {
    Violations violations = new Violations();
    Set<String> paths = named(mask, updatable, violations);
    violations.throwIfAny();
    return paths;
  }

  /**
   * The paths named, which must be at least one and at most as many as there are {@code updatable}
   * fields (a longer mask is refused whole); each other path is a violation.
   */
  public static Set<String> required(
      FieldMask mask, List<String> updatable, Violations violations) {
    if (mask.getPathsCount() == 0) {
      violations.add("update_mask", "name the fields to change, e.g. " + updatable.get(0));
    }
    if (mask.getPathsCount() > updatable.size()) {
      violations.add(
          "update_mask",
          "names "
              + mask.getPathsCount()
              + " paths; at most the "
              + updatable.size()
              + " changeable ones: "
              + String.join(", ", updatable));
      return Set.of();
    }
    return checked(mask, updatable, violations);
  }

  private static Set<String> checked(
      FieldMask mask, List<String> updatable, Violations violations) {
    String allowed = String.join(", ", updatable);
    Set<String> paths = new HashSet<>();
    for (String path : mask.getPathsList()) {
      if (!updatable.contains(path)) {
        violations.add(
            "update_mask", "\"" + clip(path) + "\" cannot be changed; updatable: " + allowed);
      }
      paths.add(path);
    }
    return paths;
  }

  private static String clip(String text) {
    return text.length() <= 100 ? text : text.substring(0, 100) + "…";
  }
}
