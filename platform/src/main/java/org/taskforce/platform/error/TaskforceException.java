package org.taskforce.platform.error;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one exception type Taskforce code throws for failures a caller should see. It carries a
 * stable machine-readable {@link #reason()} (UPPER_SNAKE_CASE, e.g. {@code STALE_ETAG}), a message
 * for people, field violations for bad input and optional metadata. The gRPC layer turns it into a
 * {@code google.rpc.Status} with {@code ErrorInfo} and {@code BadRequest}; the gateway into JSON.
 *
 * <p>Plain Java on purpose: domain code may throw it without depending on gRPC.
 */
public class TaskforceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorKind kind;
  private final String reason;

  // Immutable copies; Taskforce never Java-serialises exceptions (they cross the wire as statuses).
  @SuppressWarnings("serial")
  private final List<FieldViolation> violations;

  @SuppressWarnings("serial")
  private final Map<String, String> metadata;

  public TaskforceException(
      ErrorKind kind,
      String reason,
      String message,
      List<FieldViolation> violations,
      Map<String, String> metadata) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.reason = requireReason(reason);
    this.violations = List.copyOf(violations);
    this.metadata = Map.copyOf(metadata);
  }

  public TaskforceException(ErrorKind kind, String reason, String message) {
    this(kind, reason, message, List.of(), Map.of());
  }

  /** Bad input: one or more fields are invalid. */
  public static TaskforceException invalidArgument(List<FieldViolation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("an invalid-argument error needs at least one violation");
    }
    String message =
        violations.size() == 1
            ? violations.get(0).field() + ": " + violations.get(0).description()
            : violations.size() + " fields are invalid; first " + violations.get(0).field();
    return new TaskforceException(
        ErrorKind.INVALID_ARGUMENT, "INVALID_ARGUMENT", message, violations, Map.of());
  }

  /** Bad input in one field. */
  public static TaskforceException invalidArgument(String field, String description) {
    return invalidArgument(List.of(new FieldViolation(field, description)));
  }

  /** The resource does not exist or is not visible to the caller (never tell them apart). */
  public static TaskforceException notFound(String resourceType, String id) {
    return new TaskforceException(
        ErrorKind.NOT_FOUND,
        // "target registration" → TARGET_REGISTRATION_NOT_FOUND
        resourceType.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]+", "_")
            + "_NOT_FOUND",
        resourceType + " " + id + " was not found",
        List.of(),
        Map.of("resource_type", resourceType, "id", id));
  }

  /** The etag the caller sent is no longer current: someone else changed the resource. */
  public static TaskforceException staleEtag(String resourceType, String id) {
    return new TaskforceException(
        ErrorKind.ABORTED,
        "STALE_ETAG",
        resourceType + " " + id + " was changed by someone else; read it again and retry",
        List.of(),
        Map.of("resource_type", resourceType, "id", id));
  }

  /** The caller may not do this; {@code reason} says which rule refused it. */
  public static TaskforceException permissionDenied(String reason, String message) {
    return new TaskforceException(ErrorKind.PERMISSION_DENIED, reason, message);
  }

  /** The resource's state does not allow the operation. */
  public static TaskforceException failedPrecondition(String reason, String message) {
    return new TaskforceException(ErrorKind.FAILED_PRECONDITION, reason, message);
  }

  public ErrorKind kind() {
    return kind;
  }

  public String reason() {
    return reason;
  }

  public List<FieldViolation> violations() {
    return violations;
  }

  public Map<String, String> metadata() {
    return metadata;
  }

  private static String requireReason(String reason) {
    if (reason == null || !reason.matches("[A-Z][A-Z0-9_]*")) {
      throw new IllegalArgumentException("reason must be UPPER_SNAKE_CASE: " + reason);
    }
    return reason;
  }
}
