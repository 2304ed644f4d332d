package org.taskforce.notifications.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Duration;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.taskforce.api.notifications.v1.AcknowledgeNotificationRequest;
import org.taskforce.api.notifications.v1.BatchPublishNotificationsRequest;
import org.taskforce.api.notifications.v1.ListNotificationsRequest;
import org.taskforce.api.notifications.v1.MarkNotificationReadRequest;
import org.taskforce.api.notifications.v1.NotificationKind;
import org.taskforce.api.notifications.v1.NotificationServiceGrpc;
import org.taskforce.api.notifications.v1.PublishNotificationRequest;
import org.taskforce.api.notifications.v1.PublishNotificationResponse;
import org.taskforce.api.notifications.v1.Recipient;
import org.taskforce.api.notifications.v1.Severity;
import org.taskforce.api.notifications.v1.SubscribeNotificationsRequest;
import org.taskforce.api.notifications.v1.SubscribeNotificationsResponse;
import org.taskforce.notifications.adapter.mongo.MongoNotificationStore;
import org.taskforce.notifications.application.Escalation;
import org.taskforce.notifications.application.Publication;
import org.taskforce.notifications.application.PublicationBatch;
import org.taskforce.notifications.application.PublishNotifications;
import org.taskforce.notifications.application.WebhookFanOut;
import org.taskforce.notifications.domain.Notification;
import org.taskforce.platform.grpc.ProtoTimes;
import org.taskforce.platform.testing.BearerCredentials;
import org.taskforce.platform.testing.ErrorDetails;

@TestPropertySource(
    properties = {
      "taskforce.notifications.stream-poll-interval=50ms",
      // The database is emptied between tests while the service keeps its number counters, so
      // the next numbers leave a gap from the stream's start; do not wait long on it.
      "taskforce.notifications.stream-gap-grace=300ms",
      "taskforce.notifications.webhooks.enabled=false"
    })
class NotificationServiceTest extends NotificationTestBase {

  @Autowired Escalation escalation;

  PublishNotificationResponse publish(String eventId, String agency, String role, boolean ack) {
    return as(service())
        .publishNotification(
            PublishNotificationRequest.newBuilder()
                .setEventId(eventId)
                .addRecipients(Recipient.newBuilder().setAgencyId(agency).setRole(role))
                .setKind(NotificationKind.NOTIFICATION_KIND_TARGET_CONFLICT)
                .setSeverity(Severity.SEVERITY_WARNING)
                .setTitle("Target conflict " + eventId)
                .setBody("call Det. Rivera")
                .setRequiresAcknowledgement(ack)
                .build());
  }

  @Test
  void publish_isForServicesOnly_idempotentByEventId_andValidated() {
    var denied =
        refusal(() ->
            as(user("apd", "investigator"))
                .publishNotification(
                    PublishNotificationRequest.newBuilder().setEventId("e").build()));
    assertThat(denied.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);

    var first = publish("deconfliction:conflict-created:c-1:apd", "apd", "", true);
    var again = publish("deconfliction:conflict-created:c-1:apd", "apd", "", true);
    assertThat(first.getDuplicate()).isFalse();
    assertThat(again.getDuplicate()).isTrue();
    assertThat(again.getNotificationIdsList()).isEqualTo(first.getNotificationIdsList());
    assertThat(database.getCollection("notifications").countDocuments()).isEqualTo(1);

    var bad =
        refusal(() ->
            as(service())
                .publishNotification(
                    PublishNotificationRequest.newBuilder().setEventId("e-2").build()));
    assertThat(bad.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(database.getCollection("notifications").countDocuments()).isEqualTo(1);
  }

  static PublishNotificationRequest.Builder event(String eventId, String agency) {
    return PublishNotificationRequest.newBuilder()
        .setEventId(eventId)
        .addRecipients(Recipient.newBuilder().setAgencyId(agency))
        .setKind(NotificationKind.NOTIFICATION_KIND_CASE_UPDATED)
        .setTitle("Case updated " + eventId);
  }

  @Test
  void batchPublish_storesEachEventOnce_inOrderPerAgency_andAnswersInRequestOrder()
      throws Exception {
    publish("before-1", "apd", "", false);
    var batch = BatchPublishNotificationsRequest.newBuilder();
    for (int i = 1; i <= 40; i++) {
      batch.addRequests(event("batch-" + i, i % 3 == 0 ? "hsi-abq" : "apd"));
    }
    batch.addRequests(event("before-1", "apd")); // published earlier
    batch.addRequests(event("batch-7", "apd")); // twice in this batch
    var two =
        event("batch-both", "apd").addRecipients(Recipient.newBuilder().setAgencyId("hsi-abq"));
    batch.addRequests(two);

    var answer = as(service()).batchPublishNotifications(batch.build());

    assertThat(answer.getResponsesCount()).isEqualTo(43);
    assertThat(answer.getResponses(0).getDuplicate()).isFalse();
    assertThat(answer.getResponses(40).getDuplicate()).as("published before").isTrue();
    assertThat(answer.getResponses(41).getDuplicate()).as("earlier in the batch").isTrue();
    assertThat(answer.getResponses(41).getNotificationIdsList())
        .isEqualTo(answer.getResponses(6).getNotificationIdsList());
    assertThat(answer.getResponses(42).getNotificationIdsCount()).isEqualTo(2);
    // 1 before + 40 + 2 for the event with two recipients.
    assertThat(database.getCollection("notifications").countDocuments()).isEqualTo(43);

    // Each agency's stream carries its share in the batch's order.
    for (String agency : List.of("apd", "hsi-abq")) {
      List<String> expected = new ArrayList<>();
      for (int i = 1; i <= 40; i++) {
        if ((i % 3 == 0 ? "hsi-abq" : "apd").equals(agency)) {
          expected.add("batch-" + i);
        }
      }
      expected.add("batch-both");
      Subscriber stream = new Subscriber(user(agency, "investigator"), "0", 1);
      List<String> received = new ArrayList<>();
      while (received.size() < expected.size() + (agency.equals("apd") ? 1 : 0)) {
        SubscribeNotificationsResponse m = stream.next();
        assertThat(m).as("stream of " + agency + " after " + received).isNotNull();
        if (m.hasNotification()) {
          received.add(m.getNotification().getEventId());
        }
      }
      stream.context.cancel(null);
      if (agency.equals("apd")) {
        assertThat(received.removeFirst()).isEqualTo("before-1");
      }
      assertThat(received).isEqualTo(expected);
    }

    // The same batch again (a relay's retry) stores nothing new and returns the same ids.
    var again = as(service()).batchPublishNotifications(batch.build());
    assertThat(again.getResponsesList()).allMatch(r -> r.getDuplicate());
    assertThat(again.getResponses(42).getNotificationIdsList())
        .isEqualTo(answer.getResponses(42).getNotificationIdsList());
    assertThat(database.getCollection("notifications").countDocuments()).isEqualTo(43);
  }

  @Test
  void batchPublish_refusesTheWholeBatchForOneBadEvent_andIsForServicesOnly() {
    var batch =
        BatchPublishNotificationsRequest.newBuilder()
            .addRequests(event("ok-1", "apd"))
            .addRequests(event("ok-2", "apd"))
            .addRequests(event("bad-3", "apd").clearTitle())
            .addRequests(event("bad-4", "").clearRecipients().addRecipients(Recipient.newBuilder()))
            .build();
    var bad = refusal(() -> as(service()).batchPublishNotifications(batch));
    assertThat(bad.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(ErrorDetails.violations(bad))
        .containsKeys("requests[2].title", "requests[3].recipients[0].agency_id");
    assertThat(database.getCollection("notifications").countDocuments()).isZero();
    assertThat(database.getCollection("published_events").countDocuments()).isZero();

    var tooMany = BatchPublishNotificationsRequest.newBuilder();
    for (int i = 0; i <= PublicationBatch.MAX; i++) {
      tooMany.addRequests(event("many-" + i, "apd"));
    }
    var refused = refusal(() -> as(service()).batchPublishNotifications(tooMany.build()));
    assertThat(ErrorDetails.violations(refused)).containsKey("requests");
    assertThat(database.getCollection("notifications").countDocuments()).isZero();

    var denied = refusal(() -> as(user("apd", "investigator")).batchPublishNotifications(batch));
    assertThat(denied.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
  }

  @Test
  void inbox_showsOnlyTheAgencysOwn_andRoleAddressedOnesOnlyToThatRole_andCountsThemSo() {
    publish("e-1", "apd", "", true);
    publish("e-2", "apd", "watch-officer", false);
    publish("e-3", "hsi-abq", "", false);

    var investigator =
        as(user("apd", "investigator"))
            .listNotifications(ListNotificationsRequest.getDefaultInstance());
    assertThat(investigator.getNotificationsList())
        .extracting(n -> n.getEventId())
        .containsExactly("e-1");
    assertThat(investigator.getUnreadCount()).as("not the watch officers' one").isEqualTo(1);
    var watch =
        as(user("apd", "watch-officer"))
            .listNotifications(ListNotificationsRequest.getDefaultInstance());
    assertThat(watch.getNotificationsList())
        .extracting(n -> n.getEventId())
        .containsExactly("e-2", "e-1");
    assertThat(watch.getUnreadCount()).isEqualTo(2);

    String hsiNotification =
        as(user("hsi-abq", "investigator"))
            .listNotifications(ListNotificationsRequest.getDefaultInstance())
            .getNotifications(0)
            .getNotificationId();
    var foreign =
        refusal(() ->
            as(user("apd", "investigator"))
                .acknowledgeNotification(
                    AcknowledgeNotificationRequest.newBuilder()
                        .setNotificationId(hsiNotification)
                        .build()));
    assertThat(foreign.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void readAndAcknowledge_areRecorded_twiceIsHarmless_andFiltersFollow() {
    publish("e-1", "apd", "", true);
    publish("e-2", "apd", "", false);
    var inbox = as(user("apd", "investigator"));
    assertThat(
            inbox.listNotifications(ListNotificationsRequest.getDefaultInstance()).getUnreadCount())
        .isEqualTo(2);
    String needsAck =
        inbox
            .listNotifications(
                ListNotificationsRequest.newBuilder().setNeedsAcknowledgementOnly(true).build())
            .getNotifications(0)
            .getNotificationId();

    var acked =
        inbox
            .acknowledgeNotification(
                AcknowledgeNotificationRequest.newBuilder()
                    .setNotificationId(needsAck)
                    .setNote("calling APD")
                    .build())
            .getNotification();
    var twice =
        inbox
            .acknowledgeNotification(
                AcknowledgeNotificationRequest.newBuilder().setNotificationId(needsAck).build())
            .getNotification();
    assertThat(acked.getAcknowledged().getSubject()).isNotBlank();
    assertThat(twice.getAcknowledged()).isEqualTo(acked.getAcknowledged());
    assertThat(
            inbox
                .listNotifications(
                    ListNotificationsRequest.newBuilder().setNeedsAcknowledgementOnly(true).build())
                .getNotificationsList())
        .isEmpty();

    String other =
        inbox
            .listNotifications(ListNotificationsRequest.newBuilder().setUnreadOnly(true).build())
            .getNotifications(0)
            .getNotificationId();
    inbox.markNotificationRead(
        MarkNotificationReadRequest.newBuilder().setNotificationId(other).build());
    assertThat(
            inbox
                .listNotifications(
                    ListNotificationsRequest.newBuilder().setUnreadOnly(true).build())
                .getNotificationsList())
        .isEmpty();
  }

  /** Collects a stream's messages; cancels it on demand (a dropped connection). */
  final class Subscriber implements StreamObserver<SubscribeNotificationsResponse> {
    final BlockingQueue<SubscribeNotificationsResponse> received = new LinkedBlockingQueue<>();
    final Context.CancellableContext context = Context.current().withCancellation();

    Subscriber(String token, String afterCursor, long heartbeatSeconds) {
      SubscribeNotificationsRequest.Builder r =
          SubscribeNotificationsRequest.newBuilder().setAfterCursor(afterCursor);
      if (heartbeatSeconds > 0) {
        r.setHeartbeatInterval(Duration.newBuilder().setSeconds(heartbeatSeconds));
      }
      context.run(() ->
          NotificationServiceGrpc.newStub(channel)
              .withCallCredentials(BearerCredentials.of(token))
              .subscribeNotifications(r.build(), this));
    }

    SubscribeNotificationsResponse next() throws InterruptedException {
      return received.poll(10, TimeUnit.SECONDS);
    }

    @Override
    public void onNext(SubscribeNotificationsResponse value) {
      received.add(value);
    }

    @Override
    public void onError(Throwable t) {}

    @Override
    public void onCompleted() {}
  }

  @Test
  void aStreamKeepsUp_withFourPublishersAtOnce_everyNotificationOnce_inSequenceOrder()
      throws Exception {
    String token = user("bcso", "investigator");
    Subscriber subscriber = new Subscriber(token, "", 1);
    assertThat(subscriber.next().hasHeartbeat()).as("stream open").isTrue();
    int total = 2_000;
    java.util.concurrent.atomic.AtomicInteger next =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.ExecutorService publishers =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    for (int p = 0; p < 4; p++) {
      publishers.execute(() -> {
        int i;
        while ((i = next.getAndIncrement()) < total) {
          publish("burst-" + i, "bcso", "", false);
        }
      });
    }
    publishers.shutdown();
    assertThat(publishers.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
    java.util.Set<Long> sequences = new java.util.HashSet<>();
    database
        .getCollection("notifications")
        .find()
        .forEach(d -> sequences.add(d.get("seq", Number.class).longValue()));
    assertThat(sequences).as("every notification has its own sequence number").hasSize(total);

    java.util.Set<String> seen = new java.util.HashSet<>();
    long lastSequence = 0;
    while (seen.size() < total) {
      var m = subscriber.next();
      assertThat(m).as("stream delivered %d of %d", seen.size(), total).isNotNull();
      if (m.hasNotification()) {
        assertThat(seen.add(m.getNotification().getEventId())).as("delivered once").isTrue();
        long sequence = Long.parseLong(m.getNotification().getCursor());
        assertThat(sequence).as("in order").isGreaterThan(lastSequence);
        lastSequence = sequence;
      }
    }
    subscriber.context.cancel(null);
  }

  @Test
  void aClientThatDropsAndResumesWithItsCursor_missesNothing_inOrder() throws Exception {
    String token = user("apd", "investigator");
    publish("before", "apd", "", false);
    String start =
        as(token)
            .listNotifications(ListNotificationsRequest.getDefaultInstance())
            .getNotifications(0)
            .getCursor();

    Subscriber first = new Subscriber(token, start, 0);
    List<String> published = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      publish("n-" + i, "apd", "", false);
      published.add("n-" + i);
    }
    List<String> received = new ArrayList<>();
    String cursor = start;
    for (int i = 0; i < 4; i++) {
      var m = first.next();
      received.add(m.getNotification().getEventId());
      cursor = m.getNotification().getCursor();
    }
    first.context.cancel(null); // the connection drops mid-stream
    for (int i = 10; i < 15; i++) {
      publish("n-" + i, "apd", "", false);
      published.add("n-" + i);
    }

    Subscriber second = new Subscriber(token, cursor, 0);
    while (received.size() < published.size()) {
      var m = second.next();
      assertThat(m).as("stream delivers the rest").isNotNull();
      if (m.hasNotification()) {
        received.add(m.getNotification().getEventId());
      }
    }
    second.context.cancel(null);
    assertThat(received).isEqualTo(published);
  }

  @Test
  void notificationsStoredByAnotherReplica_reachTheStream_andIdleStreamsGetHeartbeats()
      throws Exception {
    Subscriber subscriber = new Subscriber(user("nnpd", "investigator"), "", 1);
    // The first heartbeat shows the stream is open and positioned ("" = only what comes next).
    assertThat(subscriber.next().hasHeartbeat()).isTrue();
    // Another replica writes straight to the shared database.
    new PublishNotifications(
            new MongoNotificationStore(database),
            java.time.Clock.systemUTC(),
            new WebhookFanOut(
                    new org.taskforce.notifications.adapter.mongo.MongoWebhookStore(
                        database,
                        org.taskforce.notifications.adapter.mongo.SecretSealer.configured(
                            "", true)),
                    java.time.Clock.systemUTC())
                ::fanOut)
        .publishAs(
            "other-replica",
            new Publication(
                "x-1",
                List.of(new Notification.Recipient("nnpd", "", "")),
                "EVENT_CONFLICT",
                "CRITICAL",
                "Event conflict",
                "",
                "",
                java.util.Map.of(),
                true,
                null));

    SubscribeNotificationsResponse m = subscriber.next();
    for (int i = 0; i < 5 && m != null && m.hasHeartbeat(); i++) {
      m = subscriber.next();
    }
    assertThat(m).isNotNull();
    assertThat(m.getNotification().getEventId()).isEqualTo("x-1");
    SubscribeNotificationsResponse heartbeat = subscriber.next();
    assertThat(heartbeat.hasHeartbeat()).isTrue();
    assertThat(heartbeat.getHeartbeat().getCursor()).isEqualTo(m.getNotification().getCursor());
    subscriber.context.cancel(null);
  }

  @Test
  void unacknowledgedAlerts_escalateToTheWatchOfficersExactlyOnce() {
    as(service())
        .publishNotification(
            PublishNotificationRequest.newBuilder()
                .setEventId("due")
                .addRecipients(Recipient.newBuilder().setAgencyId("apd"))
                .setKind(NotificationKind.NOTIFICATION_KIND_EVENT_CONFLICT)
                .setTitle("Event conflict")
                .setRequiresAcknowledgement(true)
                .setAcknowledgeDeadline(ProtoTimes.timestamp(Instant.now().plusSeconds(60)))
                .build());

    assertThat(escalation.run()).isEqualTo(1); // due within the 15-minute lead
    assertThat(escalation.run()).isZero();
    var watch =
        as(user("nm-ago", "watch-officer"))
            .listNotifications(ListNotificationsRequest.getDefaultInstance())
            .getNotificationsList();
    assertThat(watch)
        .singleElement()
        .satisfies(n -> {
          assertThat(n.getKind()).isEqualTo(NotificationKind.NOTIFICATION_KIND_ESCALATION);
          assertThat(n.getBody()).contains("apd");
        });
  }
}
