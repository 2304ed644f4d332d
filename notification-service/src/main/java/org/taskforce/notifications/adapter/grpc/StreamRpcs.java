package org.taskforce.notifications.adapter.grpc;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Function;
import org.taskforce.api.notifications.v1.SubscribeNotificationsRequest;
import org.taskforce.api.notifications.v1.SubscribeNotificationsResponse;
import org.taskforce.notifications.application.Bounds;
import org.taskforce.notifications.application.port.NotificationStore;
import org.taskforce.notifications.domain.Notification;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.grpc.CallerContext;
import org.taskforce.platform.grpc.ProtoTimes;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * SubscribeNotifications: where the stream starts (after the client's last cursor, or at the
 * newest), how often it beats when idle, and until when it lives (its token's expiry).
 */
public final class StreamRpcs {
  static final Duration MIN_HEARTBEAT = Duration.ofSeconds(1);
  static final Duration MAX_HEARTBEAT = Duration.ofSeconds(60);
  static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);

  private final NotificationStore store;
  private final NotificationStreams streams;
  private final Function<String, Instant> tokenExpiry;

  /**
   * @param tokenExpiry when a (verified) bearer token expires; a stream ends then
   */
  public StreamRpcs(
      NotificationStore store, NotificationStreams streams, Function<String, Instant> tokenExpiry) {
    this.store = store;
    this.streams = streams;
    this.tokenExpiry = tokenExpiry;
  }

  void subscribe(
      SubscribeNotificationsRequest request,
      StreamObserver<SubscribeNotificationsResponse> observer) {
    AgencyPrincipal caller = CallerContext.principal();
    Violations violations = new Violations();
    Set<String> kinds = NotificationMapping.kinds(request.getKindsValueList(), "kinds", violations);
    Bounds.max(violations, "after_cursor", request.getAfterCursor(), Bounds.CURSOR);
    violations.throwIfAny();
    streams.open(
        caller,
        startAfter(caller, request.getAfterCursor()),
        kinds,
        heartbeat(request),
        CallerContext.bearerToken().map(tokenExpiry).orElse(null),
        (ServerCallStreamObserver<SubscribeNotificationsResponse>) observer);
  }

  /** The position after the client's cursor; without one, the newest (only what comes next). */
  private long startAfter(AgencyPrincipal caller, String cursor) {
    if (cursor.isEmpty()) {
      return store.latestSequence(caller.agencyId());
    }
    long after = Notification.sequenceOf(cursor);
    if (after < 0) {
      throw TaskforceException.invalidArgument(
          "after_cursor", "is not a cursor this service issued");
    }
    return after;
  }

  /** The interval asked for, held between {@link #MIN_HEARTBEAT} and {@link #MAX_HEARTBEAT}. */
  private static Duration heartbeat(SubscribeNotificationsRequest request) {
    if (!request.hasHeartbeatInterval()) {
      return DEFAULT_HEARTBEAT;
    }
    Duration asked = ProtoTimes.duration(request.getHeartbeatInterval(), "heartbeat_interval");
    if (asked.compareTo(MIN_HEARTBEAT) < 0) {
      return MIN_HEARTBEAT;
    }
    return asked.compareTo(MAX_HEARTBEAT) > 0 ? MAX_HEARTBEAT : asked;
  }
}
