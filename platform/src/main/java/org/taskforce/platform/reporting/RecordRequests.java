package org.taskforce.platform.reporting;

import java.util.Optional;
import org.taskforce.platform.error.TaskforceException;

/** The checks every report's drill-down (the records behind one number) makes on its request. */
public final class RecordRequests {
  /** The largest page of records a drill-down gives. */
  public static final int MAX_PAGE = 200;

  private RecordRequests() {}

  /** The measure a {@code measure_id} named, or INVALID_ARGUMENT on {@code measure_id}. */
  public static <M> M measure(Optional<M> found) {
    return found.orElseThrow(
        () -> TaskforceException.invalidArgument("measure_id", "is not a measure of ours"));
  }

  /** A page size from 0 (the default) to {@link #MAX_PAGE}, or INVALID_ARGUMENT. */
  public static void requirePageSize(int pageSize) {
    if (pageSize < 0 || pageSize > MAX_PAGE) {
      throw TaskforceException.invalidArgument("page_size", "must be 0 to " + MAX_PAGE);
    }
  }
}
