package org.taskforce.cases.adapter.grpc;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.FieldMask;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taskforce.api.cases.v1.AddSubjectRequest;
import org.taskforce.api.cases.v1.AddVictimRequest;
import org.taskforce.api.cases.v1.Case;
import org.taskforce.api.cases.v1.CaseEvent;
import org.taskforce.api.cases.v1.CaseServiceGrpc;
import org.taskforce.api.cases.v1.CaseStatus;
import org.taskforce.api.cases.v1.CaseType;
import org.taskforce.api.cases.v1.ChangeCaseStatusRequest;
import org.taskforce.api.cases.v1.CreateCaseRequest;
import org.taskforce.api.cases.v1.CreateTaskRequest;
import org.taskforce.api.cases.v1.GetCaseRequest;
import org.taskforce.api.cases.v1.InviteParticipantRequest;
import org.taskforce.api.cases.v1.ListCaseEventsRequest;
import org.taskforce.api.cases.v1.ListNotesRequest;
import org.taskforce.api.cases.v1.ListSubjectsRequest;
import org.taskforce.api.cases.v1.ParticipantRole;
import org.taskforce.api.cases.v1.RemoveSubjectRequest;
import org.taskforce.api.cases.v1.RespondToInvitationRequest;
import org.taskforce.api.cases.v1.Subject;
import org.taskforce.api.cases.v1.SubjectKind;
import org.taskforce.api.cases.v1.Task;
import org.taskforce.api.cases.v1.UpdateCaseRequest;
import org.taskforce.api.cases.v1.UpdateTaskRequest;
import org.taskforce.api.cases.v1.Victim;
import org.taskforce.api.common.v1.AgencyRef;
import org.taskforce.api.common.v1.PersonSelector;
import org.taskforce.api.common.v1.PhoneSelector;
import org.taskforce.api.common.v1.PointOfContact;
import org.taskforce.api.common.v1.Selector;
import org.taskforce.cases.application.SubjectSweep;
import org.taskforce.platform.testing.BearerCredentials;
import org.taskforce.platform.testing.RpcFuzzer;
import org.taskforce.platform.testing.ServiceTestBase;

/**
 * Boots case-service on free ports with an in-memory embedded MongoDB, WireMock as Keycloak, a fake
 * deconfliction-service behind the real token check and a fake notification-service, and gives
 * tests the people of a New Mexico task force.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "taskforce.security.client.client-id=case-service",
      "taskforce.security.client.client-secret=test-secret",
      "taskforce.cases.deconfliction.timeout=2s",
      "taskforce.cases.deconfliction.circuit-open-for=100ms"
    })
@Import(CaseTestBase.Crashes.class)
public abstract class CaseTestBase extends ServiceTestBase {
  /** Lets tests stop multi-step writes at a seam ({@link CrashSeams}). */
  @TestConfiguration(proxyBeanMethods = false)
  static class Crashes {
    @Bean
    @Primary
    CrashSeams crashSeams() {
      return new CrashSeams();
    }
  }

  protected static final FakeDeconflictionService DECONFLICTION =
      new FakeDeconflictionService(REALM);
  static final List<String> COLLECTIONS =
      List.of(
          "cases",
          "sequences",
          "case_numbers",
          "subjects",
          "tasks",
          "notes",
          "victims",
          "outbox",
          "audit_log",
          // the report's case tallies go with the cases
          "report_tallies",
          "report_tally_receipts",
          "subject_outcomes",
          "training_sessions");

  protected static final String AGO = "nm-ago";
  protected static final String HSI = "hsi-abq";
  protected static final String USAO = "usao-nm";
  protected static final String APD = "apd";
  protected static final String NNPD = "nnpd";
  protected static final String FBI = "fbi-abq";
  protected static final String CRISIS = "nm-crisis-center";
  protected static final String BCSO = "bcso";

  @Autowired CrashSeams crashes;
  @Autowired protected SubjectSweep sweep;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.grpc.client.channels.deconfliction.address", DECONFLICTION::address);
  }

  @BeforeEach
  void cleanUp() {
    clean(
        COLLECTIONS,
        () -> {
          DECONFLICTION.clear();
          DECONFLICTION.setDown(false);
          crashes.disarm();
          REALM.serviceClient("case-service", AGO, "STATE");
        });
  }

  // ---- callers

  protected CaseServiceGrpc.CaseServiceBlockingStub as(String token) {
    return CaseServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(BearerCredentials.of(token));
  }

  protected static String investigator(String agency, String type) {
    return REALM.investigator(agency, type);
  }

  /** Attorney General's office: opens and leads the joint case. */
  protected static String ago() {
    return investigator(AGO, "STATE");
  }

  protected static String hsi() {
    return investigator(HSI, "FEDERAL");
  }

  protected static String usao() {
    return investigator(USAO, "FEDERAL");
  }

  protected static String apd() {
    return investigator(APD, "LOCAL");
  }

  protected static String fbi() {
    return investigator(FBI, "FEDERAL");
  }

  protected static String advocate() {
    return REALM.user("advocate", CRISIS, "SERVICE_PROVIDER", "victim-advocate").mint();
  }

  /**
   * The task-force commander: the realm role {@code taskforce-commander} (in the demo realm the
   * lead agency's commander holds it), here at an agency that is on no case, so only the role opens
   * it.
   */
  protected static String taskForceCommander() {
    return REALM.user("tf-cmdr", BCSO, "LOCAL", "commander", "taskforce-commander").mint();
  }

  /** An agency's commander (role {@code commander} only) of an agency that is on no case. */
  protected static String commander() {
    return REALM.user("cmdr", BCSO, "LOCAL", "commander").mint();
  }

  /** The victim-service provider's commander. */
  protected static String providerCommander() {
    return REALM.user("crisis-cmdr", CRISIS, "SERVICE_PROVIDER", "commander").mint();
  }

  protected static String partnerOf(String agency, String type) {
    return REALM.client(agency + "-rms", agency, type, "partner-system").mint();
  }

  /** A caller of a fuzzing run ({@link #fuzz}) with {@code token}. */
  protected static RpcFuzzer.Caller caller(String name, String token) {
    return new RpcFuzzer.Caller(name, BearerCredentials.of(token));
  }

  /** Fuzzing callers: {@code own}, then HSI's investigator, APD's partner system and no token. */
  protected static List<RpcFuzzer.Caller> fuzzCallers(RpcFuzzer.Caller... own) {
    List<RpcFuzzer.Caller> callers = new ArrayList<>(List.of(own));
    callers.add(caller("hsi investigator", hsi()));
    callers.add(caller("partner system", partnerOf(APD, "LOCAL")));
    callers.add(new RpcFuzzer.Caller("no token", null));
    return callers;
  }

  // ---- test data

  protected Case createCase(String token, String title) {
    return as(token)
        .createCase(
            CreateCaseRequest.newBuilder()
                .setCase(
                    Case.newBuilder()
                        .setTitle(title)
                        .setCaseType(CaseType.CASE_TYPE_SEX_TRAFFICKING)
                        .addJurisdictions("NM")
                        .addJurisdictions("Bernalillo County")
                        .setSummary("Online advertisements linked to three motels on Central Ave."))
                .build())
        .getCase();
  }

  protected Case invite(Case c, String agency, ParticipantRole role) {
    return as(ago())
        .inviteParticipant(
            InviteParticipantRequest.newBuilder()
                .setCaseId(c.getCaseId())
                .setAgency(AgencyRef.newBuilder().setAgencyId(agency))
                .setRole(role)
                .setEtag(c.getEtag())
                .build())
        .getCase();
  }

  protected Case accept(Case c, String agency, String token) {
    return as(token)
        .respondToInvitation(
            RespondToInvitationRequest.newBuilder()
                .setCaseId(c.getCaseId())
                .setAgencyId(agency)
                .setAccept(true)
                .setPointOfContact(
                    PointOfContact.newBuilder()
                        .setDisplayName("SA " + agency)
                        .setPhone("+15055550111"))
                .build())
        .getCase();
  }

  /**
   * The joint case of the issue: AGO leads; HSI supports, the US Attorney prosecutes, the crisis
   * center gives victim services (all accepted); APD is invited and has not answered; FBI is not on
   * it.
   */
  protected Case jointCase() {
    Case c = createCase(ago(), "Operation Desert Lantern");
    c = invite(c, HSI, ParticipantRole.PARTICIPANT_ROLE_SUPPORTING);
    c = invite(c, USAO, ParticipantRole.PARTICIPANT_ROLE_PROSECUTION);
    c = invite(c, CRISIS, ParticipantRole.PARTICIPANT_ROLE_VICTIM_SERVICES);
    c = invite(c, APD, ParticipantRole.PARTICIPANT_ROLE_SUPPORTING);
    accept(c, HSI, hsi());
    accept(c, USAO, usao());
    accept(c, CRISIS, advocate());
    return current(c);
  }

  /** The case as its lead (AGO) reads it now. */
  protected Case current(Case c) {
    return as(ago())
        .getCase(GetCaseRequest.newBuilder().setCaseId(c.getCaseId()).build())
        .getCase();
  }

  /** {@code token} changes the status of the case at the version {@code c} holds. */
  protected Case changeStatus(String token, Case c, CaseStatus status) {
    var change = ChangeCaseStatusRequest.newBuilder().setCaseId(c.getCaseId()).setStatus(status);
    return as(token).changeCaseStatus(change.setEtag(c.getEtag()).build()).getCase();
  }

  /** The case's timeline as its lead (AGO) reads it, up to 200 events. */
  protected List<CaseEvent> events(Case c) {
    return as(ago())
        .listCaseEvents(
            ListCaseEventsRequest.newBuilder().setCaseId(c.getCaseId()).setPageSize(200).build())
        .getEventsList();
  }

  /**
   * An UpdateCase of {@code c} as {@code change} leaves it, masked to {@code paths} (none: no
   * mask).
   */
  protected static UpdateCaseRequest caseUpdate(
      Case c, UnaryOperator<Case.Builder> change, String... paths) {
    UpdateCaseRequest.Builder update =
        UpdateCaseRequest.newBuilder().setCase(change.apply(c.toBuilder()));
    if (paths.length > 0) {
      update.setUpdateMask(FieldMask.newBuilder().addAllPaths(List.of(paths)));
    }
    return update.build();
  }

  /** The page of the case's notes that {@code pageToken} names. */
  protected static ListNotesRequest notesPage(Case c, String pageToken) {
    return ListNotesRequest.newBuilder().setCaseId(c.getCaseId()).setPageToken(pageToken).build();
  }

  /** The victim-service provider's advocate records {@code victim} on the case. */
  protected Victim addVictim(Case c, Victim.Builder victim) {
    return as(advocate())
        .addVictim(AddVictimRequest.newBuilder().setCaseId(c.getCaseId()).setVictim(victim).build())
        .getVictim();
  }

  /** {@code token} creates {@code task} on the case. */
  protected Task createTask(String token, Case c, Task.Builder task) {
    return as(token)
        .createTask(CreateTaskRequest.newBuilder().setCaseId(c.getCaseId()).setTask(task).build())
        .getTask();
  }

  /** {@code token} changes the fields {@code paths} of the task to what {@code task} holds. */
  protected Task updateTask(String token, Task.Builder task, String... paths) {
    return as(token)
        .updateTask(
            UpdateTaskRequest.newBuilder()
                .setTask(task)
                .setUpdateMask(FieldMask.newBuilder().addAllPaths(List.of(paths)))
                .build())
        .getTask();
  }

  protected static Selector phone(String number) {
    return Selector.newBuilder().setPhone(PhoneSelector.newBuilder().setNumber(number)).build();
  }

  protected static Selector person(String given, String surname) {
    return Selector.newBuilder()
        .setPerson(PersonSelector.newBuilder().addGivenNames(given).addSurnames(surname))
        .build();
  }

  protected static AddSubjectRequest subject(String caseId, String name, Selector... selectors) {
    return AddSubjectRequest.newBuilder()
        .setCaseId(caseId)
        .setSubject(
            Subject.newBuilder()
                .setKind(SubjectKind.SUBJECT_KIND_PERSON)
                .setDisplayName(name)
                .addAllSelectors(List.of(selectors))
                .setPointOfContact(
                    PointOfContact.newBuilder()
                        .setDisplayName("Det. Rivera")
                        .setPhone("+15055550100")))
        .build();
  }

  /** A person with a phone number no deconfliction accepts ({@code subject.selectors[1]}). */
  protected static AddSubjectRequest badPhoneSubject(Case c) {
    return subject(c.getCaseId(), "bad phone", person("Ana", "Ruiz"), phone("555-01x"));
  }

  /** HSI adds a subject with one phone number to the case. */
  protected Subject addPhoneSubject(Case c, String number) {
    return as(hsi()).addSubject(subject(c.getCaseId(), "phone", phone(number))).getSubject();
  }

  /**
   * HSI's subject with {@code phone} on the {@link #jointCase}, removed by the lead (AGO) for
   * {@code reason}, the outbox delivered.
   */
  protected Subject removedByTheLead(String phone, String reason) {
    Case c = jointCase();
    Subject s = addPhoneSubject(c, phone);
    removeSubject(ago(), c, s, reason);
    drainOutbox();
    return s;
  }

  /** The case's subjects as its lead (AGO) lists them. */
  protected List<Subject> subjects(Case c) {
    return as(ago())
        .listSubjects(ListSubjectsRequest.newBuilder().setCaseId(c.getCaseId()).build())
        .getSubjectsList();
  }

  /** {@code token} removes the subject from the case, for {@code reason} (none when empty). */
  protected Subject removeSubject(String token, Case c, Subject s, String reason) {
    return as(token)
        .removeSubject(
            RemoveSubjectRequest.newBuilder()
                .setCaseId(c.getCaseId())
                .setSubjectId(s.getSubjectId())
                .setReason(reason)
                .build())
        .getSubject();
  }

  /** What {@code call} was refused with, or null when it went through. */
  protected static StatusRuntimeException thrownBy(ThrowingCallable call) {
    return catchThrowableOfType(StatusRuntimeException.class, call);
  }

  /**
   * After a simulated crash: time passes (prepared outbox entries and stored subjects age past the
   * relay's and the sweep's timeouts), then the relay and the sweep do their work.
   */
  protected void afterCrash() {
    Date past = Date.from(Instant.now().minus(Duration.ofHours(1)));
    database
        .getCollection("outbox")
        .updateMany(new Document(), new Document("$set", new Document("createdAt", past)));
    database
        .getCollection("subjects")
        .updateMany(new Document(), new Document("$set", new Document("createdAt", past)));
    database
        .getCollection("subjects")
        .updateMany(
            new Document("removed", new Document("$ne", null)),
            new Document("$set", new Document("removed.time", past)));
    relay.relayOnce();
    sweep.sweepOnce();
    drainOutbox();
  }

  /** As case-service would see the subject 170 days after registering: ten days left. */
  protected void expiresInTenDays(Subject s) {
    database
        .getCollection("subjects")
        .updateOne(
            new Document("_id", s.getSubjectId()),
            new Document(
                "$set",
                new Document(
                    "registrationExpires", Date.from(Instant.now().plus(Duration.ofDays(10))))));
  }

  /** Outbox entries left, by state. */
  protected long outboxEntries() {
    return database.getCollection("outbox").countDocuments();
  }
}
