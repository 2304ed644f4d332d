package org.taskforce.cases.intake.adapter.grpc;

import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.common.v1.PhoneSelector;
import org.taskforce.api.common.v1.PointOfContact;
import org.taskforce.api.common.v1.Selector;
import org.taskforce.api.deconfliction.v1.CreateTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.DeconflictionServiceGrpc;
import org.taskforce.api.deconfliction.v1.TargetRegistration;
import org.taskforce.api.intake.v1.AssignTipRequest;
import org.taskforce.api.intake.v1.CloseReason;
import org.taskforce.api.intake.v1.CloseTipRequest;
import org.taskforce.api.intake.v1.ConvertTipToCaseRequest;
import org.taskforce.api.intake.v1.CreateTipRequest;
import org.taskforce.api.intake.v1.ExportTipOutcomesRequest;
import org.taskforce.api.intake.v1.ExportTipOutcomesResponse;
import org.taskforce.api.intake.v1.GetTipRequest;
import org.taskforce.api.intake.v1.IdentifierType;
import org.taskforce.api.intake.v1.Indicator;
import org.taskforce.api.intake.v1.Industry;
import org.taskforce.api.intake.v1.MergeTipsRequest;
import org.taskforce.api.intake.v1.PersonRole;
import org.taskforce.api.intake.v1.Reporter;
import org.taskforce.api.intake.v1.Tip;
import org.taskforce.api.intake.v1.TipIdentifier;
import org.taskforce.api.intake.v1.TipLocation;
import org.taskforce.api.intake.v1.TipPerson;
import org.taskforce.api.intake.v1.TipServiceGrpc;
import org.taskforce.api.intake.v1.TipSource;
import org.taskforce.api.intake.v1.TraffickingKind;
import org.taskforce.cases.adapter.grpc.CaseTestBase;
import org.taskforce.platform.testing.Background;
import org.taskforce.platform.testing.BearerCredentials;

/**
 * case-service as {@link CaseTestBase} runs it, with a reporter key; the people of the task force's
 * intake desk; a tip as a hotline would enter it; registrations by HSI made directly at the
 * deconfliction-service case-service calls.
 */
public abstract class IntakeTestBase extends CaseTestBase {
  /** A reporter whose name and phone must never leave the vault but through RevealReporter. */
  static final String REPORTER_NAME = "Rosalind Quennell-Ybarra";

  static final String REPORTER_PHONE = "+15055550187";
  static final String REPORTER_EMAIL = "rq.ybarra@example.org";

  private ManagedChannel deconflictionChannel;

  @DynamicPropertySource
  static void intake(DynamicPropertyRegistry registry) {
    registry.add(
        "taskforce.intake.reporter-key", () -> "q3Vb1cJ5o0m8l9R2n6Zt4wYx7AaBcDdEeFfGgHhIiJk=");
  }

  @BeforeEach
  void intakeCollections() {
    Background.paused(
        background(),
        () -> {
          for (String c : List.of("tips", "tip_reporters", "tip_relation_keys")) {
            database.getCollection(c).deleteMany(new Document());
          }
        });
    int port = Integer.parseInt(deconflictionAddress().replaceAll(".*:", ""));
    deconflictionChannel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
  }

  /** Where the deconfliction-service case-service calls listens (the fake unless overridden). */
  protected String deconflictionAddress() {
    return DECONFLICTION.address();
  }

  @AfterEach
  void closeDeconfliction() throws InterruptedException {
    deconflictionChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  // ---- callers

  TipServiceGrpc.TipServiceBlockingStub tips(String token) {
    return TipServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerCredentials.of(token));
  }

  DeconflictionServiceGrpc.DeconflictionServiceBlockingStub deconfliction(String token) {
    return DeconflictionServiceGrpc.newBlockingStub(deconflictionChannel)
        .withCallCredentials(BearerCredentials.of(token));
  }

  /** AGO's intake coordinator, who is also an investigator (and so may open cases). */
  static String agoCoordinator() {
    return REALM.user("ago-intake", AGO, "STATE", "intake-coordinator", "investigator").mint();
  }

  /** An intake coordinator with no other role. */
  static String coordinatorOnly(String agency, String type) {
    return REALM.user("intake-" + agency, agency, type, "intake-coordinator").mint();
  }

  static String agoInvestigator() {
    return investigator(AGO, "STATE");
  }

  /** The state hotline's advocate at the victim-service provider. */
  static String hotline() {
    return advocate();
  }

  // ---- data

  static Timestamp ago(Duration d) {
    Instant i = Instant.now().minus(d);
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).build();
  }

  static Tip.Builder motelTip(String phone) {
    return Tip.newBuilder()
        .setSource(TipSource.TIP_SOURCE_STATE_HOTLINE)
        .setReceivedTime(ago(Duration.ofHours(2)))
        .setNarrative("Caller saw young women brought to rooms at night; a man collects cash.")
        .setLocation(
            TipLocation.newBuilder()
                .setAddress("5400 Central Avenue Southeast")
                .setCity("Albuquerque")
                .setState("NM")
                .setBuildingType("motel"))
        .setFrequency("nightly, 10 pm to 3 am")
        .addPersons(
            TipPerson.newBuilder()
                .setName("Dario Velasquez")
                .setApproximateAge(35)
                .setRole(PersonRole.PERSON_ROLE_POSSIBLE_TRAFFICKER))
        .addPersons(
            TipPerson.newBuilder()
                .setName("Maria Lopez")
                .setApproximateAge(19)
                .setRole(PersonRole.PERSON_ROLE_POSSIBLE_VICTIM))
        .addIdentifiers(
            TipIdentifier.newBuilder()
                .setType(IdentifierType.IDENTIFIER_TYPE_PHONE)
                .setValue(phone))
        .setTraffickingKind(TraffickingKind.TRAFFICKING_KIND_SEX)
        .addIndustries(Industry.INDUSTRY_HOTEL_TOURISM)
        .addIndicators(Indicator.INDICATOR_CANNOT_SPEAK_ALONE);
  }

  static Reporter reporter() {
    return Reporter.newBuilder()
        .setName(REPORTER_NAME)
        .setPhone(REPORTER_PHONE)
        .setEmail(REPORTER_EMAIL)
        .setRelationship("night clerk")
        .build();
  }

  Tip enter(String token, Tip.Builder tip) {
    return tips(token)
        .createTip(CreateTipRequest.newBuilder().setTip(tip).setReporter(reporter()).build())
        .getTip();
  }

  /** {@code token} reads the tip. */
  Tip get(String token, String tipId) {
    return tips(token).getTip(GetTipRequest.newBuilder().setTipId(tipId).build()).getTip();
  }

  /** AGO's intake coordinator reads the tip. */
  Tip get(String tipId) {
    return get(agoCoordinator(), tipId);
  }

  /** {@code token} assigns the tip to {@code agency} (its own when empty) and {@code officer}. */
  Tip assign(String token, Tip tip, String agency, String officer) {
    var assignment = AssignTipRequest.newBuilder().setTipId(tip.getTipId()).setAgencyId(agency);
    return tips(token)
        .assignTip(assignment.setOfficer(officer).setEtag(tip.getEtag()).build())
        .getTip();
  }

  /** A hotline tip naming {@code phone}, assigned by AGO's coordinator to APD's Det. Chavez. */
  Tip assignedToApd(String phone) {
    return assign(agoCoordinator(), enter(hotline(), motelTip(phone)), APD, "Det. Chavez");
  }

  /** Closing the tip at its version, for {@code reason}. */
  static CloseTipRequest closing(Tip tip, CloseReason reason) {
    return CloseTipRequest.newBuilder()
        .setTipId(tip.getTipId())
        .setReason(reason)
        .setEtag(tip.getEtag())
        .build();
  }

  /** Merging {@code other} into the tip, at the tip's version. */
  static MergeTipsRequest merging(Tip tip, Tip other) {
    return MergeTipsRequest.newBuilder()
        .setTipId(tip.getTipId())
        .setOtherTipId(other.getTipId())
        .setEtag(tip.getEtag())
        .build();
  }

  /** The outcomes of the state hotline's tips, as {@code token}'s agency exports them. */
  ExportTipOutcomesResponse hotlineOutcomes(String token) {
    return tips(token)
        .exportTipOutcomes(
            ExportTipOutcomesRequest.newBuilder()
                .setSource(TipSource.TIP_SOURCE_STATE_HOTLINE)
                .build());
  }

  /** Converting the tip at its version into a case titled {@code title}, Agent Baca its contact. */
  static ConvertTipToCaseRequest conversion(Tip tip, String title) {
    return ConvertTipToCaseRequest.newBuilder()
        .setTipId(tip.getTipId())
        .setTitle(title)
        .setEtag(tip.getEtag())
        .setPointOfContact(
            PointOfContact.newBuilder().setDisplayName("Agent Baca").setPhone("+15055550120"))
        .build();
  }

  /** A registration of {@code phone} by HSI, made before the tip arrives. */
  TargetRegistration hsiRegisters(String phone) {
    return deconfliction(hsi())
        .createTargetRegistration(
            CreateTargetRegistrationRequest.newBuilder()
                .setRegistration(
                    TargetRegistration.newBuilder()
                        .addSelectors(
                            Selector.newBuilder()
                                .setPhone(PhoneSelector.newBuilder().setNumber(phone)))
                        .setCaseReference("HSI-ABQ-2026-117")
                        .setDisclosureLevel(DisclosureLevel.DISCLOSURE_LEVEL_OPEN)
                        .setPointOfContact(
                            PointOfContact.newBuilder()
                                .setDisplayName("SA Okafor")
                                .setPhone("+15055550133")))
                .build())
        .getRegistration();
  }
}
