package org.taskforce.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskforce.local.Eventually.retrying;
import static org.taskforce.local.Eventually.sleep;
import static org.taskforce.local.Eventually.waitUntil;

import com.google.protobuf.FieldMask;
import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import java.util.function.ObjIntConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.taskforce.api.cases.v1.AddSubjectRequest;
import org.taskforce.api.cases.v1.Case;
import org.taskforce.api.cases.v1.CaseServiceGrpc;
import org.taskforce.api.cases.v1.CaseType;
import org.taskforce.api.cases.v1.CreateCaseRequest;
import org.taskforce.api.cases.v1.CreateTaskRequest;
import org.taskforce.api.cases.v1.DeconflictionState;
import org.taskforce.api.cases.v1.GetCaseRequest;
import org.taskforce.api.cases.v1.InviteParticipantRequest;
import org.taskforce.api.cases.v1.ListSubjectsRequest;
import org.taskforce.api.cases.v1.ListTasksRequest;
import org.taskforce.api.cases.v1.ParticipantRole;
import org.taskforce.api.cases.v1.RemoveSubjectRequest;
import org.taskforce.api.cases.v1.RespondToInvitationRequest;
import org.taskforce.api.cases.v1.Subject;
import org.taskforce.api.cases.v1.SubjectKind;
import org.taskforce.api.cases.v1.Task;
import org.taskforce.api.common.v1.AgencyRef;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.common.v1.GeoPoint;
import org.taskforce.api.common.v1.TimeWindow;
import org.taskforce.api.deconfliction.v1.CheckBeforeActingRequest;
import org.taskforce.api.deconfliction.v1.CheckBeforeActingResponse;
import org.taskforce.api.deconfliction.v1.Conflict;
import org.taskforce.api.deconfliction.v1.ConflictHit;
import org.taskforce.api.deconfliction.v1.CreateEventRegistrationRequest;
import org.taskforce.api.deconfliction.v1.CreateTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.DeconflictionServiceGrpc;
import org.taskforce.api.deconfliction.v1.EventRegistration;
import org.taskforce.api.deconfliction.v1.EventType;
import org.taskforce.api.deconfliction.v1.GetEventRegistrationRequest;
import org.taskforce.api.deconfliction.v1.GetTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.ListConflictsRequest;
import org.taskforce.api.deconfliction.v1.ListConflictsResponse;
import org.taskforce.api.deconfliction.v1.ListEventRegistrationsRequest;
import org.taskforce.api.deconfliction.v1.RegistrationStatus;
import org.taskforce.api.deconfliction.v1.TargetRegistration;
import org.taskforce.api.deconfliction.v1.UpdateEventRegistrationRequest;
import org.taskforce.api.deconfliction.v1.UpdateTargetRegistrationRequest;
import org.taskforce.api.notifications.v1.ListNotificationsRequest;
import org.taskforce.api.notifications.v1.ListNotificationsResponse;
import org.taskforce.api.notifications.v1.Notification;
import org.taskforce.api.notifications.v1.NotificationKind;
import org.taskforce.api.notifications.v1.NotificationServiceGrpc;
import org.taskforce.api.notifications.v1.PublishNotificationRequest;
import org.taskforce.api.notifications.v1.Recipient;
import org.taskforce.platform.faults.HaltAtSeam;
import org.taskforce.platform.testing.KeycloakTestRealm;

/**
 * Issue 19, item 6: a real service process killed at each named step of its multi-step writes.
 * case-, deconfliction- and notification-service run as real processes on free ports and the
 * embedded <em>file</em> database (the local stack's default); the fault-test hook {@link
 * HaltAtSeam} makes the process halt — no shutdown hook, no flush, as {@code kill -9} — exactly
 * when a request's write reaches the seam. The test sees the call fail and the process die with the
 * hook's status, starts it again on the same data with the hook disarmed, retries with the same
 * request id (or, where a caller cannot retry, lets the relay or sweep finish), and compares with
 * the same request run uninterrupted just before: the retry's answer is the uninterrupted answer
 * (ids, phone numbers and times aside), the record is stored whole, and every alert or notice is
 * there exactly once.
 *
 * <p>Tokens come from the test realm (the services verify them against its JWKS as against
 * Keycloak's); no fixed port is used, so no stack lock is needed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeamKillTest {
  private static final String HSI = "hsi-abq";
  private static final String APD = "apd";
  private static final String FBI = "fbi-abq";
  private static final String AGO = "nm-ago";
  private static final Duration SETTLED = Duration.ofSeconds(60);

  private final KeycloakTestRealm realm = new KeycloakTestRealm();
  private ServiceProcess notifications;
  private ServiceProcess deconfliction;
  private ServiceProcess cases;
  private final List<ManagedChannel> channels = new ArrayList<>();
  private ManagedChannel casesChannel;
  private ManagedChannel deconflictionChannel;
  private ManagedChannel notificationsChannel;
  private int next;
  private final Map<String, Integer> seamsKilled = new LinkedHashMap<>();

  @BeforeAll
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void startTheServices() throws Exception {
    Path data = ServiceProcess.runDirectory("seam-kill");
    for (String client : List.of("case-service", "deconfliction-service", "notification-service")) {
      realm.serviceClient(client, AGO, "STATE");
    }
    List<String> common =
        List.of(
            "--taskforce.security.issuer-uri=" + realm.issuer(),
            "--taskforce.outbox.poll-interval=200ms",
            "--taskforce.outbox.lease=5s",
            "--taskforce.outbox.initial-backoff=500ms",
            "--taskforce.outbox.max-backoff=2s",
            "--taskforce.outbox.prepared-timeout=2s");
    notifications =
        new ServiceProcess(
            data,
            "notification-service",
            with(
                common,
                "--taskforce.security.client.client-id=notification-service",
                "--taskforce.security.client.client-secret=dev",
                "--taskforce.notifications.escalation-interval=1s"));
    deconfliction =
        new ServiceProcess(
            data,
            "deconfliction-service",
            with(
                common,
                "--taskforce.security.client.client-id=deconfliction-service",
                "--taskforce.security.client.client-secret=dev",
                // Long enough that a retry right after the restart does the work itself; short
                // enough that the sweep finishes what nobody retries within the test.
                "--taskforce.deconfliction.repair.grace=15s",
                "--taskforce.deconfliction.repair.interval=1s"));
    cases =
        new ServiceProcess(
            data,
            "case-service",
            with(
                common,
                "--taskforce.security.client.client-id=case-service",
                "--taskforce.security.client.client-secret=dev",
                "--taskforce.cases.sweep.interval=2s",
                "--taskforce.cases.sweep.settle-after=5s"));
    List<String> peers =
        List.of(
            "--spring.grpc.client.channels.notifications.address=static://"
                + notifications.address(),
            "--spring.grpc.client.channels.deconfliction.address=static://"
                + deconfliction.address(),
            "--spring.grpc.client.channels.cases.address=static://" + cases.address());
    // (the peers' addresses are known before any starts: ports are chosen up front)
    deconfliction.addSettings(peers);
    cases.addSettings(peers);
    Thread n = Thread.ofPlatform().start(notifications::start);
    Thread d = Thread.ofPlatform().start(deconfliction::start);
    cases.start();
    n.join();
    d.join();
    assertThat(notifications.alive() && deconfliction.alive()).isTrue();
    casesChannel = channel(cases);
    deconflictionChannel = channel(deconfliction);
    notificationsChannel = channel(notifications);
  }

  @AfterAll
  void stopTheServices() {
    channels.forEach(ManagedChannel::shutdownNow);
    for (ServiceProcess p : new ServiceProcess[] {cases, deconfliction, notifications}) {
      if (p != null) {
        p.close();
      }
    }
    realm.close();
    System.out.println("SeamKillTest: processes halted at seams " + seamsKilled);
  }

  // ---- deconfliction-service

  @Test
  @Order(1)
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void aTargetRegistrationKilledAtEachStep_isFinishedByItsRetry_once() {
    killEachStep(
        List.of("target.stored", "target.indexed", "target.matched"),
        this::setUpTarget,
        this::createTarget,
        this::assertWholeTarget);
  }

  @Test
  @Order(2)
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aTargetChangeKilledAfterStoring_isSettledByTheSweep() {
    int control = setUpTarget();
    int killed = setUpTarget();
    String controlId = register(HSI, "+1505" + (6000000 + control), "upd-" + control);
    String killedId = register(HSI, "+1505" + (6000000 + killed), "upd-" + killed);
    Object uninterrupted = shape(moveTarget(controlId, control));
    killAt(deconfliction, "target.replaced", () -> moveTarget(killedId, killed));

    // Nobody can retry a change with its old etag (ABORTED once it is stored): the caller reads
    // it back, and the sweep settles its index entries, conflicts and alerts.
    TargetRegistration stored = getTarget(HSI, killedId);
    assertThat(shape(stored)).isEqualTo(uninterrupted);
    waitUntil(
        "the sweep settled the change", SETTLED, () -> conflictsOf(HSI, killedId).size() == 1);
    assertWhole("target.replaced", killed, killedId);
    assertWhole("target.replaced", control, controlId);
    // The old phone is out of the index: a new registration of it finds no HSI registration.
    assertThat(
            retrying(() ->
                deconfliction(FBI)
                    .createTargetRegistration(
                        targetRequest("+1505" + (6000000 + killed), "old-" + killed))
                    .getHitsList()))
        .noneMatch(h -> h.getOwnerAgency().getAgencyId().equals(HSI));
  }

  @Test
  @Order(3)
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void anOperationKilledAtEachStep_isFinishedByItsRetry_once() {
    killEachStep(
        List.of("event.stored", "event.indexed", "event.matched"),
        this::setUpEvent,
        this::createEvent,
        this::assertWholeEvent);
  }

  @Test
  @Order(4)
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void anOperationChangeKilledAfterStoring_isSettledByTheSweep() {
    int control = setUpEvent();
    int killed = setUpEvent();
    String controlId = registerFarEvent(control);
    String killedId = registerFarEvent(killed);
    Object uninterrupted = shape(moveEvent(controlId, control));
    killAt(deconfliction, "event.replaced", () -> moveEvent(killedId, killed));

    EventRegistration stored = getEvent(killedId);
    assertThat(shape(stored)).isEqualTo(uninterrupted);
    waitUntil(
        "the sweep settled the change", SETTLED, () -> conflictsOf(HSI, killedId).size() == 1);
    assertWholeEventOf("event.replaced", killed, killedId);
    assertWholeEventOf("event.replaced", control, controlId);
  }

  @Test
  @Order(5)
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aCheckKilledBetweenItsTargetsAndItsOperation_isRegisteredWholeByTheSweep() {
    int control = setUpEvent();
    int killed = setUpEvent();
    register(APD, phoneOf(control), "apd-" + control);
    register(APD, phoneOf(killed), "apd-" + killed);
    CheckBeforeActingResponse uninterrupted = deconfliction(HSI).checkBeforeActing(check(control));
    killAt(
        deconfliction, "check.targets", () -> deconfliction(HSI).checkBeforeActing(check(killed)));

    // Nobody retries: the sweep stores the operation the check recorded, and finishes both.
    waitUntil(
        "the sweep registered the operation", SETTLED, () -> operationsOf(killed).size() == 1);
    CheckBeforeActingResponse late = deconfliction(HSI).checkBeforeActing(check(killed));

    assertThat(hits(late.getHitsList())).isEqualTo(hits(uninterrupted.getHitsList()));
    assertThat(late.getTargetRegistrationIdsCount()).isEqualTo(1);
    assertThat(late.getEventRegistrationId()).isEqualTo(operationsOf(killed).getFirst());
    for (CheckBeforeActingResponse r : List.of(uninterrupted, late)) {
      for (String id : List.of(r.getTargetRegistrationIds(0), r.getEventRegistrationId())) {
        assertAlertedOnce("check.targets", id, List.of(HSI, APD));
      }
    }
  }

  private CheckBeforeActingRequest check(int n) {
    return CheckBeforeActingRequest.newBuilder()
        .addSelectors(DemoRequests.phone(phoneOf(n)))
        .setPlannedEvent(operation(n, 0.0005))
        .setPurpose("search warrant " + n)
        .setRegister(true)
        .setPointOfContact(DemoRequests.contact("SA Seam", "+15055550100"))
        .setDisclosureLevel(DisclosureLevel.DISCLOSURE_LEVEL_OPEN)
        .setCaseReference("SEAM-CHECK-" + n)
        .setRequestId("check-" + n)
        .build();
  }

  private List<String> operationsOf(int n) {
    return retrying(() ->
            deconfliction(HSI)
                .listEventRegistrations(
                    ListEventRegistrationsRequest.newBuilder()
                        .setPageSize(100)
                        .setTimeWindow(operation(n, 0).getTimeWindow())
                        .build())
                .getRegistrationsList())
        .stream()
        .filter(e -> e.getCaseReference().equals("SEAM-CHECK-" + n))
        .map(EventRegistration::getRegistrationId)
        .toList();
  }

  // ---- notification-service

  @Test
  @Order(6)
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void anEscalationKilledAfterPublishing_isNotPublishedTwice_andTheAlertIsMarked() {
    String control = "esc-control-" + ++next;
    String killed = "esc-killed-" + ++next;
    String controlId = publishOverdue(control);
    waitUntil("the uninterrupted escalation", SETTLED, () -> escalated(controlId));
    Shape uninterrupted = shape(escalationsOf(controlId).getFirst(), controlId);

    notifications.arm("escalation.published");
    String killedId = publishOverdue(killed);
    int status = notifications.awaitDeath(Duration.ofSeconds(30));
    assertThat(status).as("notification-service halted at escalation.published").isEqualTo(86);
    count("escalation.published");
    notifications.start();

    waitUntil("the alert is marked escalated", SETTLED, () -> escalated(killedId));
    assertThat(escalationsOf(killedId)).hasSize(1);
    assertThat(shape(escalationsOf(killedId).getFirst(), killedId)).isEqualTo(uninterrupted);
    sleep(2_000); // later rounds escalate nothing again
    assertThat(escalationsOf(killedId)).hasSize(1);
    assertThat(escalationsOf(controlId)).hasSize(1);
  }

  // ---- case-service

  @Test
  @Order(7)
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void aSubjectKilledAtEachStep_isRegisteredOnce_andAnnouncedOnce() {
    Case c = jointCase();
    for (String seam : List.of("subject.prepared", "subject.stored", "subject.registered")) {
      int control = ++next;
      int killed = ++next;
      register(FBI, phoneOf(control), "fbi-subj-" + control);
      register(FBI, phoneOf(killed), "fbi-subj-" + killed);
      Subject first = addSubject(c, control);
      killAt(cases, seam, () -> addSubject(c, killed));

      Subject retried = addSubject(c, killed);

      assertThat(shape(retried)).as("the retried subject after %s", seam).isEqualTo(shape(first));
      assertThat(retried).isEqualTo(subject(c, retried.getSubjectId()));
      assertSubjectWhole(seam, c, first);
      assertSubjectWhole(seam, c, retried);
    }
  }

  @Test
  @Order(8)
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void aRemovalKilledAtEachStep_leavesNoLiveRegistration() {
    Case c = jointCase();
    for (String seam : List.of("withdraw.prepared", "withdraw.marked")) {
      int control = ++next;
      int killed = ++next;
      Subject a = settledSubject(c, addSubject(c, control));
      Subject b = settledSubject(c, addSubject(c, killed));
      Subject removed = remove(c, a);
      killAt(cases, seam, () -> remove(c, b));

      Subject retried = remove(c, b);

      assertThat(shape(retried)).as("the retried removal after %s", seam).isEqualTo(shape(removed));
      for (Subject s : List.of(removed, retried)) {
        assertThat(s.getDeconflictionState())
            .isEqualTo(DeconflictionState.DECONFLICTION_STATE_WITHDRAWN);
        waitUntil(
            seam + ": the registration of subject " + s.getSubjectId() + " withdrawn",
            SETTLED,
            () ->
                getTarget(HSI, s.getTargetRegistrationId()).getStatus()
                    == RegistrationStatus.REGISTRATION_STATUS_WITHDRAWN);
      }
    }
  }

  @Test
  @Order(9)
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void aTaskKilledAtEachStep_isStoredOnce_andItsAssigneeToldOnce() {
    Case c = jointCase();
    for (String seam : List.of("notices.prepared", "change.written")) {
      int control = ++next;
      int killed = ++next;
      Task first = createTask(c, control);
      killAt(cases, seam, () -> createTask(c, killed));

      Task retried = createTask(c, killed);

      assertThat(shape(retried)).as("the retried task after %s", seam).isEqualTo(shape(first));
      for (Task t : List.of(first, retried)) {
        assertThat(tasks(c)).filteredOn(x -> x.getTaskId().equals(t.getTaskId())).hasSize(1);
        waitUntil(
            seam + ": HSI told of task " + t.getTaskId(),
            SETTLED,
            () -> !noticesOf(HSI, "/tasks/" + t.getTaskId()).isEmpty());
        sleep(1_000);
        assertThat(noticesOf(HSI, "/tasks/" + t.getTaskId()))
            .as("%s: notices of task %s", seam, t.getTaskId())
            .hasSize(1);
      }
    }
  }

  @Test
  @Order(10)
  void everySeamWasKilledAtOnce() {
    assertThat(seamsKilled.keySet())
        .containsExactlyInAnyOrder(
            "target.stored",
            "target.indexed",
            "target.matched",
            "target.replaced",
            "event.stored",
            "event.indexed",
            "event.matched",
            "event.replaced",
            "check.targets",
            "escalation.published",
            "subject.prepared",
            "subject.stored",
            "subject.registered",
            "withdraw.prepared",
            "withdraw.marked",
            "notices.prepared",
            "change.written");
  }

  // ---- killing

  /**
   * For each seam: sets up a control and a victim, makes the control's request uninterrupted, kills
   * deconfliction-service at the seam with the victim's, and retries it: the retry answers as the
   * control was answered, and both are stored whole.
   */
  private void killEachStep(
      List<String> seams,
      IntSupplier setUp,
      IntFunction<Shape> create,
      ObjIntConsumer<String> assertWhole) {
    for (String seam : seams) {
      int control = setUp.getAsInt();
      int killed = setUp.getAsInt();
      Shape uninterrupted = create.apply(control);
      killAt(deconfliction, seam, () -> create.apply(killed));

      Shape retried = create.apply(killed);

      assertThat(retried)
          .as("the retry's answer after a kill at %s", seam)
          .isEqualTo(uninterrupted);
      assertWhole.accept(seam, control);
      assertWhole.accept(seam, killed);
    }
  }

  /** {@link ServiceProcess#killAt}, with fresh service tokens for the new process. */
  private void killAt(ServiceProcess victim, String seam, Runnable request) {
    victim.killAt(seam, request, this::mintServiceTokens);
    count(seam);
  }

  private void mintServiceTokens() {
    for (String client : List.of("case-service", "deconfliction-service", "notification-service")) {
      realm.serviceClient(client, AGO, "STATE");
    }
  }

  private void count(String seam) {
    seamsKilled.merge(seam, 1, Integer::sum);
  }

  // ---- deconfliction scenarios: APD holds phone n; HSI registers it

  private int setUpTarget() {
    int n = ++next;
    register(APD, phoneOf(n), "apd-" + n);
    return n;
  }

  private Shape createTarget(int n) {
    var r = deconfliction(HSI).createTargetRegistration(hsiTarget(n));
    assertThat(r.getRegistration())
        .as("the answer is the stored registration")
        .isEqualTo(getTarget(HSI, r.getRegistration().getRegistrationId()));
    return new Shape(shape(r.getRegistration()), hits(r.getHitsList()));
  }

  private CreateTargetRegistrationRequest hsiTarget(int n) {
    return targetRequest(phoneOf(n), "hsi-" + n);
  }

  /** HSI's registration of phone n (found by its request id) is whole. */
  private void assertWholeTarget(String seam, int n) {
    String id =
        retrying(() -> deconfliction(HSI).createTargetRegistration(hsiTarget(n)))
            .getRegistration()
            .getRegistrationId();
    assertWhole(seam, n, id);
  }

  /** HSI's registration of phone n: one conflict with APD, one alert each, in the match index. */
  private void assertWhole(String seam, int n, String hsiRegistration) {
    assertAlertedOnce(seam, hsiRegistration, List.of(HSI, APD));
    // Indexed: FBI registering the same phone finds HSI's registration.
    assertThat(
            retrying(() ->
                deconfliction(FBI)
                    .createTargetRegistration(
                        targetRequest(phoneOf(n).replace("+1505", "(505) "), "fbi-" + n))
                    .getHitsList()))
        .as("%s: FBI's hits on phone %d", seam, n)
        .anyMatch(h -> h.getOwnerAgency().getAgencyId().equals(HSI));
  }

  private static String phoneOf(int n) {
    return "+1505" + (7000000 + n);
  }

  private String register(String agency, String phone, String requestId) {
    return retrying(
            () -> deconfliction(agency).createTargetRegistration(targetRequest(phone, requestId)))
        .getRegistration()
        .getRegistrationId();
  }

  private static CreateTargetRegistrationRequest targetRequest(String phone, String requestId) {
    return CreateTargetRegistrationRequest.newBuilder()
        .setRequestId(requestId)
        .setRegistration(
            TargetRegistration.newBuilder()
                .addSelectors(DemoRequests.phone(phone))
                .setCaseReference("SEAM-KILL")
                .setDisclosureLevel(DisclosureLevel.DISCLOSURE_LEVEL_OPEN)
                .setPointOfContact(DemoRequests.contact("SA Seam", "+15055550100")))
        .build();
  }

  private TargetRegistration moveTarget(String id, int n) {
    TargetRegistration current = getTarget(HSI, id);
    return deconfliction(HSI)
        .updateTargetRegistration(
            UpdateTargetRegistrationRequest.newBuilder()
                .setRegistration(
                    current.toBuilder()
                        .clearSelectors()
                        .addSelectors(DemoRequests.phone(phoneOf(n))))
                .setUpdateMask(FieldMask.newBuilder().addPaths("selectors"))
                .build())
        .getRegistration();
  }

  private TargetRegistration getTarget(String agency, String id) {
    return retrying(() ->
        deconfliction(agency)
            .getTargetRegistration(
                GetTargetRegistrationRequest.newBuilder().setRegistrationId(id).build())
            .getRegistration());
  }

  // ---- events: APD plans an operation n (its own place and day); HSI plans one there too

  private int setUpEvent() {
    int n = ++next;
    retrying(() -> deconfliction(APD).createEventRegistration(operation("apd-op-" + n, n, 0)));
    return n;
  }

  private static CreateEventRegistrationRequest operation(
      String requestId, int n, double offsetDegrees) {
    return CreateEventRegistrationRequest.newBuilder()
        .setRequestId(requestId)
        .setRegistration(operation(n, offsetDegrees))
        .build();
  }

  private static EventRegistration operation(int n, double offsetDegrees) {
    Instant start =
        Instant.now().truncatedTo(ChronoUnit.DAYS).plus(2 + n, ChronoUnit.DAYS).plusSeconds(36000);
    return EventRegistration.newBuilder()
        .setEventType(EventType.EVENT_TYPE_SEARCH_WARRANT)
        .setLocation(
            GeoPoint.newBuilder().setLatitude(33.0 + n * 0.05 + offsetDegrees).setLongitude(-106.5))
        .setRadiusMeters(150)
        .setTimeWindow(
            TimeWindow.newBuilder()
                .setStartTime(ts(start))
                .setEndTime(ts(start.plus(3, ChronoUnit.HOURS))))
        .setOnSceneContact(DemoRequests.contact("Sgt. Seam", "+15055550101"))
        .setCaseReference("SEAM-KILL")
        .setDisclosureLevel(DisclosureLevel.DISCLOSURE_LEVEL_OPEN)
        .build();
  }

  private Shape createEvent(int n) {
    var r = deconfliction(HSI).createEventRegistration(operation("hsi-op-" + n, n, 0.0005));
    return new Shape(shape(r.getRegistration()), hits(r.getHitsList()));
  }

  private String registerFarEvent(int n) {
    return retrying(
            () -> deconfliction(HSI).createEventRegistration(operation("hsi-far-" + n, n, 0.02)))
        .getRegistration()
        .getRegistrationId();
  }

  private EventRegistration getEvent(String id) {
    return retrying(() ->
        deconfliction(HSI)
            .getEventRegistration(
                GetEventRegistrationRequest.newBuilder().setRegistrationId(id).build())
            .getRegistration());
  }

  private EventRegistration moveEvent(String id, int n) {
    EventRegistration current = getEvent(id);
    return deconfliction(HSI)
        .updateEventRegistration(
            UpdateEventRegistrationRequest.newBuilder()
                .setRegistration(
                    current.toBuilder().setLocation(operation(n, 0.0005).getLocation()))
                .setUpdateMask(FieldMask.newBuilder().addPaths("location"))
                .build())
        .getRegistration();
  }

  private void assertWholeEvent(String seam, int n) {
    String id =
        retrying(() ->
                deconfliction(HSI).createEventRegistration(operation("hsi-op-" + n, n, 0.0005)))
            .getRegistration()
            .getRegistrationId();
    assertWholeEventOf(seam, n, id);
  }

  private void assertWholeEventOf(String seam, int n, String hsiOperation) {
    assertAlertedOnce(seam, hsiOperation, List.of(HSI, APD));
    // Indexed: FBI planning at the same place and time finds HSI's operation.
    assertThat(
            retrying(() ->
                deconfliction(FBI)
                    .createEventRegistration(
                        operation("fbi-op-" + n + "-" + hsiOperation, n, 0.0005))
                    .getHitsList()))
        .as("%s: FBI's hits on operation %d", seam, n)
        .anyMatch(h -> h.getOwnerAgency().getAgencyId().equals(HSI));
  }

  private List<Conflict> conflictsOf(String agency, String registrationId) {
    return Pages.all(
            page ->
                retrying(() ->
                    deconfliction(agency)
                        .listConflicts(
                            ListConflictsRequest.newBuilder()
                                .setPageSize(100)
                                .setPageToken(page)
                                .build())),
            ListConflictsResponse::getConflictsList,
            ListConflictsResponse::getNextPageToken)
        .stream()
        .filter(c ->
            c.getSidesList().stream().anyMatch(s -> s.getRegistrationId().equals(registrationId)))
        .toList();
  }

  /**
   * The registration is in exactly one conflict, and each of the agencies is alerted of it exactly
   * once.
   */
  private void assertAlertedOnce(String seam, String registrationId, List<String> agencies) {
    List<Conflict> conflicts = conflictsOf(HSI, registrationId);
    assertThat(conflicts).as("%s: conflicts of %s", seam, registrationId).hasSize(1);
    String conflictId = conflicts.getFirst().getConflictId();
    for (String agency : agencies) {
      waitUntil(
          seam + ": " + agency + " alerted",
          SETTLED,
          () -> !alertsOf(agency, conflictId).isEmpty());
    }
    sleep(1_000); // a doubled alert would be relayed by now
    for (String agency : agencies) {
      assertThat(alertsOf(agency, conflictId))
          .as("%s: %s's alerts of conflict %s", seam, agency, conflictId)
          .hasSize(1);
    }
  }

  // ---- notifications

  private List<Notification> inbox(String agency, String role) {
    return Pages.all(
        page ->
            retrying(() ->
                NotificationServiceGrpc.newBlockingStub(notificationsChannel)
                    .withCallCredentials(Client.bearer(user(agency, role)))
                    .withDeadlineAfter(20, TimeUnit.SECONDS)
                    .listNotifications(
                        ListNotificationsRequest.newBuilder()
                            .setPageSize(100)
                            .setPageToken(page)
                            .build())),
        ListNotificationsResponse::getNotificationsList,
        ListNotificationsResponse::getNextPageToken);
  }

  private List<Notification> alertsOf(String agency, String conflictId) {
    return inbox(agency, "investigator").stream()
        .filter(n ->
            n.getKind() == NotificationKind.NOTIFICATION_KIND_TARGET_CONFLICT
                || n.getKind() == NotificationKind.NOTIFICATION_KIND_EVENT_CONFLICT)
        .filter(n ->
            conflictId.equals(n.getAttributesOrDefault("conflict_id", ""))
                || n.getResource().endsWith("/" + conflictId))
        .toList();
  }

  private List<Notification> noticesOf(String agency, String resourceEnd) {
    return inbox(agency, "investigator").stream()
        .filter(n -> n.getResource().endsWith(resourceEnd))
        .toList();
  }

  private String publishOverdue(String eventId) {
    return retrying(() ->
            NotificationServiceGrpc.newBlockingStub(notificationsChannel)
                .withCallCredentials(
                    Client.bearer(realm.client("case-service", AGO, "STATE", "service").mint()))
                .withDeadlineAfter(20, TimeUnit.SECONDS)
                .publishNotification(
                    PublishNotificationRequest.newBuilder()
                        .setEventId(eventId)
                        .addRecipients(Recipient.newBuilder().setAgencyId(HSI))
                        .setKind(NotificationKind.NOTIFICATION_KIND_CASE_UPDATED)
                        .setTitle("Acknowledge the hand-off")
                        .setBody("Due within the hour.")
                        .setResource("cases/seam-kill")
                        .setRequiresAcknowledgement(true)
                        // inside the escalation lead (15 min): due at once
                        .setAcknowledgeDeadline(ts(Instant.now().plus(5, ChronoUnit.MINUTES)))
                        .build()))
        .getNotificationIds(0);
  }

  private List<Notification> escalationsOf(String notificationId) {
    return inbox(AGO, "watch-officer").stream()
        .filter(n -> n.getKind() == NotificationKind.NOTIFICATION_KIND_ESCALATION)
        .filter(n -> notificationId.equals(n.getAttributesOrDefault("notification_id", "")))
        .toList();
  }

  private boolean escalated(String notificationId) {
    return inbox(HSI, "investigator").stream()
        .anyMatch(n -> n.getNotificationId().equals(notificationId) && n.getEscalated());
  }

  // ---- case-service: AGO leads a case HSI investigates in; FBI holds the subjects' phones

  private Case jointCase() {
    int n = ++next;
    Case c =
        retrying(() ->
            cases(AGO)
                .createCase(
                    CreateCaseRequest.newBuilder()
                        .setRequestId("seam-case-" + n)
                        .setCase(
                            Case.newBuilder()
                                .setTitle("Operation Seam " + n)
                                .setCaseType(CaseType.CASE_TYPE_LABOR_TRAFFICKING)
                                .addJurisdictions("NM"))
                        .build())
                .getCase());
    retrying(() ->
        cases(AGO)
            .inviteParticipant(
                InviteParticipantRequest.newBuilder()
                    .setCaseId(c.getCaseId())
                    .setAgency(AgencyRef.newBuilder().setAgencyId(HSI))
                    .setRole(ParticipantRole.PARTICIPANT_ROLE_SUPPORTING)
                    .setEtag(c.getEtag())
                    .build()));
    retrying(() ->
        cases(HSI)
            .respondToInvitation(
                RespondToInvitationRequest.newBuilder()
                    .setCaseId(c.getCaseId())
                    .setAgencyId(HSI)
                    .setAccept(true)
                    .setPointOfContact(DemoRequests.contact("SA Seam", "+15055550100"))
                    .build()));
    return retrying(() ->
        cases(AGO).getCase(GetCaseRequest.newBuilder().setCaseId(c.getCaseId()).build()).getCase());
  }

  private Subject addSubject(Case c, int n) {
    return cases(HSI)
        .addSubject(
            AddSubjectRequest.newBuilder()
                .setCaseId(c.getCaseId())
                .setRequestId("subject-" + n)
                .setSubject(
                    Subject.newBuilder()
                        .setKind(SubjectKind.SUBJECT_KIND_PHONE)
                        .setDisplayName("Recruiter's phone")
                        .addSelectors(DemoRequests.phone(phoneOf(n)))
                        .setDisclosureLevel(DisclosureLevel.DISCLOSURE_LEVEL_OPEN)
                        .setPointOfContact(DemoRequests.contact("SA Seam", "+15055550100")))
                .build())
        .getSubject();
  }

  /** The subject once the relay has settled it (an answer may precede the settling). */
  private Subject settledSubject(Case c, Subject answer) {
    waitUntil(
        "subject " + answer.getSubjectId() + " settled",
        SETTLED,
        () -> {
          Subject s = subject(c, answer.getSubjectId());
          return s.getDeconflictionState() != DeconflictionState.DECONFLICTION_STATE_PENDING
              && (!s.hasRemoved()
                  || s.getDeconflictionState() == DeconflictionState.DECONFLICTION_STATE_WITHDRAWN);
        });
    return subject(c, answer.getSubjectId());
  }

  private List<Subject> subjects(Case c) {
    return retrying(() ->
        cases(AGO)
            .listSubjects(
                ListSubjectsRequest.newBuilder().setCaseId(c.getCaseId()).setPageSize(100).build())
            .getSubjectsList());
  }

  private Subject subject(Case c, String id) {
    return subjects(c).stream()
        .filter(s -> s.getSubjectId().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no subject " + id));
  }

  private Subject remove(Case c, Subject s) {
    return cases(HSI)
        .removeSubject(
            RemoveSubjectRequest.newBuilder()
                .setCaseId(c.getCaseId())
                .setSubjectId(s.getSubjectId())
                .setReason("wrong number")
                .build())
        .getSubject();
  }

  private void assertSubjectWhole(String seam, Case c, Subject s) {
    long same = subjects(c).stream().filter(x -> x.getSubjectId().equals(s.getSubjectId())).count();
    assertThat(same).isEqualTo(1);
    assertThat(s.getDeconflictionState())
        .as("%s: a subject whose phone FBI holds", seam)
        .isEqualTo(DeconflictionState.DECONFLICTION_STATE_CONFLICT);
    // Told first, so that the alerts' second of grace covers the notice too.
    waitUntil(
        seam + ": AGO told of the subject",
        SETTLED,
        () -> !noticesOf(AGO, "/subjects/" + s.getSubjectId()).isEmpty());
    assertAlertedOnce(seam, s.getTargetRegistrationId(), List.of(HSI, FBI));
    assertThat(noticesOf(AGO, "/subjects/" + s.getSubjectId()))
        .as("%s: AGO's notices of the subject", seam)
        .hasSize(1);
  }

  private Task createTask(Case c, int n) {
    return cases(AGO)
        .createTask(
            CreateTaskRequest.newBuilder()
                .setCaseId(c.getCaseId())
                .setRequestId("task-" + n)
                .setTask(Task.newBuilder().setTitle("Canvass the motels").setAssigneeAgencyId(HSI))
                .build())
        .getTask();
  }

  private List<Task> tasks(Case c) {
    return retrying(() ->
        cases(AGO)
            .listTasks(
                ListTasksRequest.newBuilder().setCaseId(c.getCaseId()).setPageSize(100).build())
            .getTasksList());
  }

  // ---- shapes: an answer without what differs between two runs (ids, phones, places, times)

  record Shape(Object record, Object hits) {}

  private static Object shape(TargetRegistration r) {
    return List.of(
        r.getAgency(),
        r.getPointOfContact(),
        r.getDisclosureLevel(),
        r.getStatus(),
        r.getEtag(),
        r.getSelectorsCount(),
        r.getNormalizedSelectorsCount());
  }

  private static Object shape(EventRegistration r) {
    return List.of(
        r.getAgency(),
        r.getEventType(),
        r.getRadiusMeters(),
        r.getOnSceneContact(),
        r.getDisclosureLevel(),
        r.getStatus(),
        r.getEtag());
  }

  private static Object hits(List<ConflictHit> hits) {
    return hits.stream()
        .map(h ->
            h.toBuilder()
                .clearConflictId()
                .clearDeadline()
                .clearDistanceMeters()
                .clearReasons()
                .build())
        .toList();
  }

  private static Object shape(Subject s) {
    return List.of(
        s.getKind(),
        s.getDisplayName(),
        s.getDeconflictionState(),
        s.getDisclosureLevel(),
        s.getPointOfContact(),
        s.getAddedByAgencyId(),
        s.getRemovalReason(),
        s.getTargetRegistrationId().isEmpty());
  }

  private static Object shape(Task t) {
    return List.of(
        t.getTitle(), t.getAssigneeAgencyId(), t.getStatus(), t.getEtag(), t.getDescription());
  }

  private static Shape shape(Notification escalation, String original) {
    Map<String, String> attributes = new LinkedHashMap<>(escalation.getAttributesMap());
    assertThat(attributes.remove("notification_id")).isEqualTo(original);
    return new Shape(
        List.of(
            escalation.getKind(),
            escalation.getSeverity(),
            escalation.getTitle(),
            escalation.getRecipient(),
            escalation.getRequiresAcknowledgement()),
        attributes);
  }

  // ---- plumbing

  private DeconflictionServiceGrpc.DeconflictionServiceBlockingStub deconfliction(String agency) {
    return DeconflictionServiceGrpc.newBlockingStub(deconflictionChannel)
        .withCallCredentials(Client.bearer(user(agency, "investigator")))
        .withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  private CaseServiceGrpc.CaseServiceBlockingStub cases(String agency) {
    return CaseServiceGrpc.newBlockingStub(casesChannel)
        .withCallCredentials(Client.bearer(user(agency, "investigator")))
        .withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  private String user(String agency, String role) {
    String type = agency.equals(AGO) ? "STATE" : agency.equals(APD) ? "LOCAL" : "FEDERAL";
    return realm.user(role + "." + agency, agency, type, role).mint();
  }

  private ManagedChannel channel(ServiceProcess p) {
    ManagedChannel c = NettyChannelBuilder.forTarget(p.address()).usePlaintext().build();
    channels.add(c);
    return c;
  }

  private static List<String> with(List<String> base, String... more) {
    List<String> all = new ArrayList<>(base);
    all.addAll(List.of(more));
    return all;
  }

  private static Timestamp ts(Instant i) {
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
  }
}
