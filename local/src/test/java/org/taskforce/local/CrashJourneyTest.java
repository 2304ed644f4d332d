package org.taskforce.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskforce.local.Eventually.sleep;
import static org.taskforce.local.Eventually.waitUntil;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.deconfliction.v1.Conflict;
import org.taskforce.api.deconfliction.v1.ConflictKind;
import org.taskforce.api.deconfliction.v1.CreateTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.CreateTargetRegistrationResponse;
import org.taskforce.api.deconfliction.v1.GetTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.ListConflictsRequest;
import org.taskforce.api.deconfliction.v1.ListConflictsResponse;
import org.taskforce.api.deconfliction.v1.TargetRegistration;
import org.taskforce.api.notifications.v1.CreateWebhookSubscriptionRequest;
import org.taskforce.api.notifications.v1.ListNotificationsRequest;
import org.taskforce.api.notifications.v1.ListNotificationsResponse;
import org.taskforce.api.notifications.v1.Notification;
import org.taskforce.api.notifications.v1.NotificationKind;
import org.taskforce.api.notifications.v1.SubscribeNotificationsRequest;
import org.taskforce.api.notifications.v1.SubscribeNotificationsResponse;

/**
 * Nothing acknowledged is lost when a process dies: the real stack on the embedded file database, a
 * burst of cross-agency conflicts through the gateway while each service in turn is killed with
 * SIGKILL and started again on the same data. Callers retry what failed with the same request id,
 * as the API tells them to; a stream reconnects with its last cursor.
 *
 * <p>Afterwards: every acknowledged registration is there, exactly one conflict per pair, exactly
 * one alert per agency per conflict, every alert on the resumed stream and at the webhook (a
 * redelivery carries the same idempotency key).
 */
class CrashJourneyTest extends StackTestBase {
  private static final int PAIRS = 48;
  private static final List<String> VICTIMS =
      List.of("notification-service", "deconfliction-service", "gateway", "notification-service");

  private final PartnerReceiver partner = new PartnerReceiver();

  @Override
  LocalStack.Options stackOptions() {
    return freshStack("journey-stack", false);
  }

  @BeforeAll
  void startThePartner() {
    partner.start();
  }

  @AfterAll
  void stopThePartner() {
    partner.stop();
  }

  @Test
  @Timeout(value = 15, unit = TimeUnit.MINUTES)
  void aBurstOfConflictsWhileEachServiceIsKilled_losesAndDoublesNothing() throws Exception {
    CreateWebhookSubscriptionRequest subscription =
        partner.targetConflictsTo("/hsi/crash", "hsi-crash-secret-0123456789");
    retrying(() ->
        api.notifications(api.userToken("hsi.admin")).createWebhookSubscription(subscription));
    ResumingStream stream = new ResumingStream("hsi.investigator");
    stream.start();

    AtomicInteger progress = new AtomicInteger();
    AtomicReference<Throwable> killerFailed = new AtomicReference<>();
    Thread killer =
        Thread.ofPlatform()
            .name("crash-killer")
            .start(() -> {
              try {
                for (int round = 0; round < VICTIMS.size(); round++) {
                  int at = (round + 1) * PAIRS / (VICTIMS.size() + 1);
                  while (progress.get() < at) {
                    Thread.sleep(20);
                  }
                  String victim = VICTIMS.get(round);
                  stack.kill(victim);
                  Thread.sleep(1_500);
                  stack.restart(victim);
                }
              } catch (Throwable t) {
                killerFailed.set(t);
              }
            });

    Map<String, String> acknowledged = new HashMap<>(); // registration id → owner's user
    for (int i = 0; i < PAIRS; i++) {
      String phone = String.format("+1505777%04d", i);
      acknowledged.put(register("hsi.investigator", "hsi-crash-" + i, phone), "hsi.investigator");
      acknowledged.put(register("fbi.investigator", "fbi-crash-" + i, phone), "fbi.investigator");
      if (i == 0) {
        // From here on the stream has a cursor to resume from, whatever is killed.
        waitUntil("the first alert on HSI's stream", Duration.ofSeconds(60), stream::hasCursor);
      }
      progress.incrementAndGet();
    }
    killer.join(TimeUnit.MINUTES.toMillis(6));
    assertThat(killerFailed.get()).as("killing and restarting the services").isNull();
    assertThat(killer.isAlive()).as("the killer finished its rounds").isFalse();

    // Every acknowledged registration survived.
    for (Map.Entry<String, String> r : acknowledged.entrySet()) {
      TargetRegistration stored =
          retrying(() ->
              api.deconfliction(api.userToken(r.getValue()))
                  .getTargetRegistration(
                      GetTargetRegistrationRequest.newBuilder()
                          .setRegistrationId(r.getKey())
                          .build())
                  .getRegistration());
      assertThat(stored.getRegistrationId()).isEqualTo(r.getKey());
    }

    // Exactly one conflict per pair, seen the same from both sides.
    List<Conflict> hsiConflicts = conflicts("hsi.investigator");
    List<Conflict> fbiConflicts = conflicts("fbi.investigator");
    assertThat(hsiConflicts).hasSize(PAIRS);
    assertThat(ids(hsiConflicts, Conflict::getConflictId))
        .isEqualTo(ids(fbiConflicts, Conflict::getConflictId));
    Set<String> conflictIds = ids(hsiConflicts, Conflict::getConflictId);

    // Exactly one alert per agency per conflict, in each inbox.
    for (String user : List.of("hsi.investigator", "fbi.investigator")) {
      waitUntil(
          "every conflict alert in " + user + "'s inbox",
          Duration.ofSeconds(90),
          () -> conflictAlerts(user).size() >= PAIRS);
      List<Notification> alerts = conflictAlerts(user);
      Map<String, Long> perConflict =
          alerts.stream()
              .collect(
                  Collectors.groupingBy(
                      n -> n.getAttributesOrDefault("conflict_id", n.getResource()),
                      Collectors.counting()));
      assertThat(perConflict.values()).as("alerts per conflict for " + user).containsOnly(1L);
      assertThat(alerts).hasSize(PAIRS);
      assertThat(perConflict.keySet().stream().map(CrashJourneyTest::lastSegment).toList())
          .containsExactlyInAnyOrderElementsOf(conflictIds);
    }

    // Every alert reached the resumed stream and the webhook.
    Set<String> hsiAlertIds =
        ids(conflictAlerts("hsi.investigator"), Notification::getNotificationId);
    waitUntil(
        "every alert on HSI's resumed stream",
        Duration.ofSeconds(60),
        () -> stream.seen().containsAll(hsiAlertIds));
    waitUntil(
        "every alert at HSI's webhook",
        Duration.ofSeconds(120),
        () -> webhookNotificationIds().keySet().containsAll(hsiAlertIds));
    stream.stop();
    Map<String, Set<String>> keysPerAlert = webhookNotificationIds();
    for (String id : hsiAlertIds) {
      assertThat(keysPerAlert.get(id))
          .as("idempotency keys of every delivery of alert %s", id)
          .hasSize(1);
    }
    assertThat(stream.cursorsReused()).as("stream cursors handed out twice").isEmpty();
  }

  private String register(String user, String requestId, String phone) {
    CreateTargetRegistrationResponse r =
        retrying(() ->
            api.deconfliction(api.userToken(user))
                .createTargetRegistration(
                    CreateTargetRegistrationRequest.newBuilder()
                        .setRequestId(requestId)
                        .setRegistration(
                            TargetRegistration.newBuilder()
                                .addSelectors(DemoRequests.phone(phone))
                                .setCaseReference("CRASH-" + requestId)
                                .setDisclosureLevel(DisclosureLevel.DISCLOSURE_LEVEL_OPEN)
                                .setPointOfContact(
                                    DemoRequests.contact("Crash Test", "+15055550100")))
                        .build()));
    return r.getRegistration().getRegistrationId();
  }

  private List<Conflict> conflicts(String user) {
    List<Conflict> all = new ArrayList<>();
    String token = "";
    do {
      String page = token;
      ListConflictsResponse r =
          retrying(() ->
              api.deconfliction(api.userToken(user))
                  .listConflicts(
                      ListConflictsRequest.newBuilder()
                          .setPageSize(25)
                          .setPageToken(page)
                          .addKinds(ConflictKind.CONFLICT_KIND_TARGET)
                          .build()));
      all.addAll(r.getConflictsList());
      token = r.getNextPageToken();
    } while (!token.isEmpty());
    return all;
  }

  private List<Notification> conflictAlerts(String user) {
    List<Notification> all = new ArrayList<>();
    String token = "";
    do {
      String page = token;
      ListNotificationsResponse r =
          retrying(() ->
              api.notifications(api.userToken(user))
                  .listNotifications(
                      ListNotificationsRequest.newBuilder()
                          .setPageSize(20)
                          .setPageToken(page)
                          .addKinds(NotificationKind.NOTIFICATION_KIND_TARGET_CONFLICT)
                          .build()));
      all.addAll(r.getNotificationsList());
      token = r.getNextPageToken();
    } while (!token.isEmpty());
    return all;
  }

  /** Notification id (from the signed body) → the idempotency keys it was delivered with. */
  private Map<String, Set<String>> webhookNotificationIds() {
    Map<String, Set<String>> keys = new HashMap<>();
    for (LoggedRequest request : partner.deliveries("/hsi/crash")) {
      String body = request.getBodyAsString();
      int at = body.indexOf("\"notificationId\"");
      if (at < 0) {
        at = body.indexOf("\"notification_id\"");
      }
      assertThat(at).as("the webhook body names its notification: %s", body).isNotNegative();
      int start = body.indexOf('"', body.indexOf(':', at) + 1) + 1;
      String id = body.substring(start, body.indexOf('"', start));
      keys.computeIfAbsent(id, k -> new HashSet<>()).add(request.getHeader("Idempotency-Key"));
    }
    return keys;
  }

  /** Retries what a crash made fail, with the same request (and so the same request id). */
  private static <T> T retrying(Supplier<T> call) {
    return Eventually.retrying(Duration.ofMinutes(2), CrashJourneyTest::crashed, call);
  }

  /** How a call fails while a part is down: unreachable, cut off, or the gateway's HTTP error. */
  private static boolean crashed(StatusRuntimeException e) {
    Status.Code code = e.getStatus().getCode();
    return code == Status.Code.UNAVAILABLE
        || code == Status.Code.DEADLINE_EXCEEDED
        || code == Status.Code.UNKNOWN
        || code == Status.Code.INTERNAL && String.valueOf(e.getMessage()).contains("HTTP");
  }

  private static <T> Set<String> ids(List<T> items, java.util.function.Function<T, String> id) {
    return items.stream().map(id).collect(Collectors.toSet());
  }

  private static String lastSegment(String resource) {
    return resource.substring(resource.lastIndexOf('/') + 1);
  }

  /**
   * A client that keeps a notification stream open through crashes: on any end it reconnects after
   * its last cursor, as the API promises a client may.
   */
  private final class ResumingStream {
    private final String user;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Map<String, String> cursorOwner = new ConcurrentHashMap<>();
    private final Set<String> reused = ConcurrentHashMap.newKeySet();
    private volatile String cursor = "";
    private volatile boolean running = true;
    private volatile boolean live;
    private volatile Context.CancellableContext current;
    private Thread loop;

    ResumingStream(String user) {
      this.user = user;
    }

    /** Starts the stream and returns once the server has answered on it (a heartbeat). */
    void start() {
      loop = Thread.ofPlatform().name("resuming-stream").start(this::run);
      waitUntil("HSI's stream is open", Duration.ofSeconds(60), () -> live);
    }

    boolean hasCursor() {
      return !cursor.isEmpty();
    }

    private void run() {
      while (running) {
        Context.CancellableContext context = Context.current().withCancellation();
        current = context;
        java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        try {
          context.run(() ->
              api.notificationStream(api.userToken(user))
                  .subscribeNotifications(
                      SubscribeNotificationsRequest.newBuilder()
                          .setAfterCursor(cursor)
                          .setHeartbeatInterval(
                              com.google.protobuf.Duration.newBuilder().setSeconds(1))
                          .build(),
                      new StreamObserver<>() {
                        @Override
                        public void onNext(SubscribeNotificationsResponse r) {
                          live = true;
                          if (r.hasNotification()) {
                            Notification n = r.getNotification();
                            String previous =
                                cursorOwner.putIfAbsent(n.getCursor(), n.getNotificationId());
                            if (previous != null && !previous.equals(n.getNotificationId())) {
                              reused.add(n.getCursor());
                            }
                            seen.add(n.getNotificationId());
                            cursor = n.getCursor();
                          }
                        }

                        @Override
                        public void onError(Throwable t) {
                          ended.countDown();
                        }

                        @Override
                        public void onCompleted() {
                          ended.countDown();
                        }
                      }));
          ended.await();
        } catch (RuntimeException e) {
          // the gateway or Keycloak was down while connecting: try again
        } catch (InterruptedException e) {
          return;
        } finally {
          context.cancel(null);
        }
        if (running) {
          sleep(500);
        }
      }
    }

    Set<String> seen() {
      return seen;
    }

    Set<String> cursorsReused() {
      return reused;
    }

    void stop() throws InterruptedException {
      running = false;
      Context.CancellableContext c = current;
      if (c != null) {
        c.cancel(null);
      }
      loop.join(5_000);
    }
  }
}
