package org.taskforce.platform.grpc;

import io.grpc.Metadata;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** The {@code x-request-id} header: taken from the caller when sane, otherwise made here. */
public final class RequestIds {
  public static final Metadata.Key<String> HEADER =
      Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private RequestIds() {}

  public static String fromHeaders(Metadata headers) {
    String given = headers.get(HEADER);
    return given != null && SANE.matcher(given).matches() ? given : newId();
  }

  public static String newId() {
    return UUID.randomUUID().toString();
  }

  /**
   * Marks a failure with the request id of the call it ended. Spring gRPC's exception handler runs
   * after the call's context is gone (it wraps the interceptors), so the id travels with the
   * exception, as a suppressed marker that changes nothing else about it.
   */
  static void attach(Throwable failure, String requestId) {
    if (attachedTo(failure).isEmpty()) {
      failure.addSuppressed(new Marker(requestId));
    }
  }

  /** The request id {@link #attach} put on a failure. */
  static Optional<String> attachedTo(Throwable failure) {
    for (Throwable s : failure.getSuppressed()) {
      if (s instanceof Marker m) {
        return Optional.of(m.getMessage());
      }
    }
    return Optional.empty();
  }

  private static final class Marker extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Marker(String requestId) {
      super(requestId, null, false, false);
    }
  }
}
