package org.taskforce.notifications.adapter.grpc;

import com.google.protobuf.FieldMask;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.taskforce.notifications.application.Bounds;
import org.taskforce.platform.error.Violations;

/**
 * An update's {@code update_mask}: at most {@link Bounds#UPDATE_MASK_PATHS} paths, each one of the
 * fields the resource lets change. Anything else is a violation of {@code update_mask}.
 */
final class UpdateMask {
  private UpdateMask() {}

  /** The paths named, with a violation for each that is not {@code updatable}. */
  static Set<String> paths(FieldMask mask, List<String> updatable, Violations violations) {
    Bounds.count(violations, "update_mask.paths", mask.getPathsList(), Bounds.UPDATE_MASK_PATHS);
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
