package org.taskforce.cases.adapter.grpc;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taskforce.api.cases.v1.AddSubjectRequest;
import org.taskforce.api.cases.v1.Case;
import org.taskforce.api.cases.v1.CaseServiceGrpc;
import org.taskforce.api.cases.v1.CaseType;
import org.taskforce.api.cases.v1.CreateCaseRequest;
import org.taskforce.api.cases.v1.GetCaseRequest;
import org.taskforce.api.cases.v1.InviteParticipantRequest;
import org.taskforce.api.cases.v1.ParticipantRole;
import org.taskforce.api.cases.v1.RespondToInvitationRequest;
import org.taskforce.api.cases.v1.Subject;
import org.taskforce.api.cases.v1.SubjectKind;
import org.taskforce.api.common.v1.AgencyRef;
import org.taskforce.api.common.v1.PersonSelector;
import org.taskforce.api.common.v1.PhoneSelector;
import org.taskforce.api.common.v1.PointOfContact;
import org.taskforce.api.common.v1.Selector;
import org.taskforce.cases.application.SubjectSweep;
import org.taskforce.platform.outbox.OutboxRelay;
import org.taskforce.platform.testing.Background;
import org.taskforce.platform.testing.BearerCredentials;
import org.taskforce.platform.testing.FakeNotificationService;
import org.taskforce.platform.testing.KeycloakTestRealm;
import org.taskforce.platform.testing.Outboxes;

/**
 * Boots case-service on free ports with an in-memory embedded MongoDB, WireMock as Keycloak, a fake
 * deconfliction-service behind the real token check and a fake notification-service, and gives
 * tests the people of a New Mexico task force.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.grpc.server.port=0",
      "spring.grpc.server.host=127.0.0.1",
      "taskforce.mongodb.embedded-backend=MEMORY",
      "taskforce.outbox.poll-interval=100ms",
      "taskforce.outbox.initial-backoff=100ms",
      "taskforce.outbox.max-backoff=500ms",
      "taskforce.security.client.client-id=case-service",
      "taskforce.security.client.client-secret=test-secret",
      "taskforce.cases.deconfliction.timeout=2s",
      "taskforce.cases.deconfliction.circuit-open-for=100ms"
    })
@Import(CaseTestBase.Crashes.class)
public abstract class CaseTestBase {
  /** Lets tests stop multi-step writes at a seam ({@link CrashSeams}). */
  @TestConfiguration(proxyBeanMethods = false)
  static class Crashes {
    @Bean
    @Primary
    CrashSeams crashSeams() {
      return new CrashSeams();
    }
  }

  protected static final KeycloakTestRealm REALM = new KeycloakTestRealm();
  protected static final FakeNotificationService NOTIFICATIONS = new FakeNotificationService();
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
          "report_tally_receipts");

  protected static final String AGO = "nm-ago";
  protected static final String HSI = "hsi-abq";
  protected static final String USAO = "usao-nm";
  protected static final String APD = "apd";
  protected static final String NNPD = "nnpd";
  protected static final String FBI = "fbi-abq";
  protected static final String CRISIS = "nm-crisis-center";
  protected static final String BCSO = "bcso";

  @Autowired private GrpcServerLifecycle server;
  @Autowired protected com.mongodb.client.MongoDatabase database;
  @Autowired protected OutboxRelay relay;
  @Autowired private ApplicationContext context;
  @Autowired CrashSeams crashes;
  @Autowired protected SubjectSweep sweep;
  protected ManagedChannel channel;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("taskforce.security.issuer-uri", REALM::issuer);
    registry.add("spring.grpc.client.channels.notifications.address", NOTIFICATIONS::address);
    registry.add("spring.grpc.client.channels.deconfliction.address", DECONFLICTION::address);
  }

  @BeforeEach
  void connect() {
    Background.paused(
        background(),
        () -> {
          COLLECTIONS.forEach(c -> database.getCollection(c).deleteMany(new Document()));
          NOTIFICATIONS.clear();
          NOTIFICATIONS.setDown(false);
          DECONFLICTION.clear();
          DECONFLICTION.setDown(false);
          crashes.disarm();
          REALM.serviceClient("case-service", AGO, "STATE");
        });
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
  }

  /** The service's background work: the outbox relay, report-count upkeep and sweeps. */
  protected List<Lifecycle> background() {
    return Background.of(context);
  }

  @AfterEach
  void disconnect() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  // ---- callers

  protected CaseServiceGrpc.CaseServiceBlockingStub as(String token) {
    return CaseServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(BearerCredentials.of(token));
  }

  protected static String investigator(String agency, String type) {
    return REALM.user("inv-" + agency, agency, type, "investigator").mint();
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
    return as(ago())
        .getCase(GetCaseRequest.newBuilder().setCaseId(c.getCaseId()).build())
        .getCase();
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

  /** Outbox entries left, by state. */
  protected long outboxEntries() {
    return database.getCollection("outbox").countDocuments();
  }

  /** Delivers the outbox until it is empty (or gives up after a few seconds). */
  protected void drainOutbox() {
    Outboxes.drain(database, relay);
  }
}
