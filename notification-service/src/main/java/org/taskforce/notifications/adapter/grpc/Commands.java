package org.taskforce.notifications.adapter.grpc;

import java.util.function.Supplier;
import org.taskforce.platform.error.ErrorKind;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;

/**
 * Commands check themselves when they are made. An adapter that has found violations of its own
 * while decoding (an unknown enum number, a bad mask) makes the command through here, so that the
 * caller hears of every bad field in one answer.
 */
final class Commands {
  private Commands() {}

  /**
   * The command {@code make} makes, or null when it refused its fields: their violations are then
   * added to {@code violations}, each under {@code prefix} ("" for none).
   */
  static <T> T made(Violations violations, String prefix, Supplier<T> make) {
    try {
      return make.get();
    } catch (TaskforceException refused) {
      if (refused.kind() != ErrorKind.INVALID_ARGUMENT || refused.violations().isEmpty()) {
        throw refused;
      }
      violations.addAll(prefix, refused.violations());
      return null;
    }
  }
}
