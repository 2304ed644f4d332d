package org.taskforce.notifications.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.taskforce.api.notifications.v1.NotificationServiceGrpc;
import org.taskforce.api.notifications.v1.SubscribeNotificationsRequest;
import org.taskforce.api.notifications.v1.SubscribeNotificationsResponse;
import org.taskforce.platform.testing.BearerCredentials;
import org.taskforce.platform.testing.ErrorDetails;

/** A stream lives no longer than its token, and a caller holds a bounded number of streams. */
@TestPropertySource(
    properties = {
      "taskforce.notifications.stream-poll-interval=50ms",
      "taskforce.notifications.stream-gap-grace=300ms",
      "taskforce.notifications.max-streams-per-caller=2",
      "taskforce.notifications.webhooks.enabled=false"
    })
class StreamLifetimeTest extends NotificationTestBase {

  final class Stream implements StreamObserver<SubscribeNotificationsResponse> {
    final BlockingQueue<SubscribeNotificationsResponse> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Throwable> ended = new CompletableFuture<>();
    final Context.CancellableContext context = Context.current().withCancellation();

    Stream(String token, String afterCursor) {
      context.run(() ->
          NotificationServiceGrpc.newStub(channel)
              .withCallCredentials(BearerCredentials.of(token))
              .subscribeNotifications(
                  SubscribeNotificationsRequest.newBuilder()
                      .setAfterCursor(afterCursor)
                      .setHeartbeatInterval(com.google.protobuf.Duration.newBuilder().setSeconds(1))
                      .build(),
                  this));
    }

    SubscribeNotificationsResponse next() throws InterruptedException {
      return received.poll(10, TimeUnit.SECONDS);
    }

    /** The next notification, skipping heartbeats. */
    SubscribeNotificationsResponse nextNotification() throws InterruptedException {
      for (SubscribeNotificationsResponse r = next(); r != null; r = next()) {
        if (r.hasNotification()) {
          return r;
        }
      }
      return null;
    }

    @Override
    public void onNext(SubscribeNotificationsResponse value) {
      received.add(value);
    }

    @Override
    public void onError(Throwable t) {
      ended.complete(t);
    }

    @Override
    public void onCompleted() {
      ended.complete(null);
    }
  }

  @Test
  void aStreamEndsUnauthenticated_whenItsTokenExpires_andAResumedStreamMissesNothing()
      throws Exception {
    publishTargetConflict("e-0"); // the first call of a run is slow (keys fetched, classes loaded)
    String shortLived =
        REALM
            .user("bcso-short", "bcso", "LOCAL", "investigator")
            .claim("exp", Instant.now().plus(Duration.ofSeconds(6)))
            .mint();
    Stream first = new Stream(shortLived, "");
    assertThat(first.next().hasHeartbeat()).as("stream open").isTrue();
    publishTargetConflict("e-1");
    String cursor = first.nextNotification().getNotification().getCursor();

    Throwable end = first.ended.get(15, TimeUnit.SECONDS);
    assertThat(Status.fromThrowable(end).getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(ErrorDetails.reason((StatusRuntimeException) end)).isEqualTo("TOKEN_EXPIRED");

    publishTargetConflict("e-2"); // while the client has no stream
    Stream resumed =
        new Stream(REALM.user("bcso-short", "bcso", "LOCAL", "investigator").mint(), cursor);
    assertThat(resumed.nextNotification().getNotification().getTitle())
        .isEqualTo("Target conflict e-2");
    resumed.context.cancel(null);
  }

  @Test
  void aCallerHoldsAtMostTheConfiguredNumberOfStreams_andAClosedOneFreesItsPlace()
      throws Exception {
    String token = REALM.user("bcso-many", "bcso", "LOCAL", "investigator").mint();
    List<Stream> open = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Stream s = new Stream(token, "");
      assertThat(s.next()).as("stream %d open", i).isNotNull();
      open.add(s);
    }
    Stream third = new Stream(token, "");
    Throwable refused = third.ended.get(10, TimeUnit.SECONDS);
    assertThat(Status.fromThrowable(refused).getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    // Another user of the same agency is not affected.
    Stream colleague = new Stream(user("bcso", "investigator"), "");
    assertThat(colleague.next()).isNotNull();

    open.getFirst().context.cancel(null);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> {
          Stream again = new Stream(token, "");
          boolean opened = again.next() != null;
          again.context.cancel(null);
          return opened;
        });
    open.forEach(s -> s.context.cancel(null));
    colleague.context.cancel(null);
  }
}
