package org.taskforce.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskforce.local.Eventually.retrying;
import static org.taskforce.local.Eventually.sleep;

import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.taskforce.api.cases.v1.CaseServiceGrpc;
import org.taskforce.api.cases.v1.ListCasesRequest;
import org.taskforce.api.cases.v1.ListSubjectsRequest;
import org.taskforce.api.common.v1.PointOfContact;
import org.taskforce.api.intake.v1.ConvertTipToCaseRequest;
import org.taskforce.api.intake.v1.ConvertTipToCaseResponse;
import org.taskforce.api.intake.v1.CreateTipRequest;
import org.taskforce.api.intake.v1.GetTipRequest;
import org.taskforce.api.intake.v1.IdentifierType;
import org.taskforce.api.intake.v1.PersonRole;
import org.taskforce.api.intake.v1.Tip;
import org.taskforce.api.intake.v1.TipIdentifier;
import org.taskforce.api.intake.v1.TipLocation;
import org.taskforce.api.intake.v1.TipPerson;
import org.taskforce.api.intake.v1.TipServiceGrpc;
import org.taskforce.api.intake.v1.TipSource;
import org.taskforce.api.intake.v1.TipStatus;
import org.taskforce.api.intake.v1.TraffickingKind;
import org.taskforce.platform.faults.HaltAtSeam;
import org.taskforce.platform.testing.KeycloakTestRealm;

/**
 * Issue 22: case-service killed ({@link HaltAtSeam}, as {@code kill -9}) at each step of converting
 * a tip into a case, on the embedded file database, with the real deconfliction- and
 * notification-service beside it. Started again on the same data, the same request's retry finishes
 * the conversion the dead process claimed — one case for the tip, its subjects once — and answers
 * as an uninterrupted conversion does; a conversion nobody retries is finished by the conversion
 * sweep in the converter's name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TipConversionKillTest {
  private static final String AGO = "nm-ago";
  private static final String CRISIS = "nm-crisis-center";
  private static final List<String> SEAMS =
      List.of(
          "tip.conversion.claimed",
          "tip.conversion.opened",
          "tip.conversion.carried",
          "tip.converted");

  private final KeycloakTestRealm realm = new KeycloakTestRealm();
  private final List<ServiceProcess> processes = new ArrayList<>();
  private ServiceProcess cases;
  private ManagedChannel channel;
  private int next;

  @BeforeAll
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void startTheServices() throws Exception {
    Path data = ServiceProcess.runDirectory("tip-kill");
    List<String> peers = new ArrayList<>();
    for (String module : List.of("notification-service", "deconfliction-service", "case-service")) {
      realm.serviceClient(module, AGO, "STATE");
      ServiceProcess p =
          new ServiceProcess(
              data,
              module,
              List.of(
                  "--taskforce.security.issuer-uri=" + realm.issuer(),
                  "--taskforce.security.client.client-id=" + module,
                  "--taskforce.security.client.client-secret=dev",
                  "--taskforce.outbox.poll-interval=200ms",
                  "--taskforce.outbox.prepared-timeout=2s"));
      processes.add(p);
    }
    String[] channels = {"notifications", "deconfliction", "cases"};
    for (int i = 0; i < channels.length; i++) {
      peers.add(
          "--spring.grpc.client.channels."
              + channels[i]
              + ".address=static://"
              + processes.get(i).address());
    }
    cases = processes.get(2);
    // Short, so that the sweep finishes within the test what nobody retries; a retry right after
    // a restart may then meet the sweep finishing the same conversion: both write the same records
    // and the retry answers as the first success would.
    cases.addSettings(
        List.of(
            "--taskforce.intake.conversion-sweep.interval=1s",
            "--taskforce.intake.conversion-sweep.settle-after=5s"));
    for (ServiceProcess p : processes) {
      p.addSettings(peers);
      p.start();
    }
    channel = NettyChannelBuilder.forTarget(cases.address()).usePlaintext().build();
  }

  @AfterAll
  void stopTheServices() {
    if (channel != null) {
      channel.shutdownNow();
    }
    processes.reversed().forEach(ServiceProcess::close);
    realm.close();
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void aConversionKilledAtEachStep_isFinishedByItsRetry_intoOneCase() {
    ConvertTipToCaseResponse control = retrying(() -> tips().convertTipToCase(request(newTip())));
    for (String seam : SEAMS) {
      ConvertTipToCaseRequest request = request(newTip());
      killAt(seam, () -> tips().convertTipToCase(request));

      ConvertTipToCaseResponse retried = retrying(() -> tips().convertTipToCase(request));

      assertThat(retried.getSubjectCount()).as(seam).isEqualTo(control.getSubjectCount());
      assertThat(retried.getVictimCount()).as(seam).isEqualTo(control.getVictimCount());
      assertThat(retried.getTip().getStatus()).as(seam).isEqualTo(TipStatus.TIP_STATUS_CONVERTED);
      assertThat(retried.getTip()).as(seam).isEqualTo(get(request.getTipId()));
      assertOneCase(seam, request, retried);
      assertThat(retrying(() -> tips().convertTipToCase(request))).as(seam).isEqualTo(retried);
    }
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aConversionKilledAfterItsCase_andNeverRetried_isFinishedByTheSweep() {
    ConvertTipToCaseRequest request = request(newTip());
    killAt("tip.conversion.opened", () -> tips().convertTipToCase(request));

    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (get(request.getTipId()).getStatus() != TipStatus.TIP_STATUS_CONVERTED) {
      assertThat(Instant.now()).as("the sweep finishes the conversion").isBefore(deadline);
      sleep(500);
    }
    Tip done = get(request.getTipId());
    ConvertTipToCaseResponse late = retrying(() -> tips().convertTipToCase(request));
    assertThat(late.getTip()).isEqualTo(done);
    assertThat(late.getCaseId()).isEqualTo(done.getCaseId());
    assertOneCase("sweep", request, late);
  }

  // ---- helpers

  private void killAt(String seam, Runnable request) {
    cases.killAt(seam, request, () -> realm.serviceClient("case-service", AGO, "STATE"));
  }

  private void assertOneCase(
      String seam, ConvertTipToCaseRequest request, ConvertTipToCaseResponse r) {
    var opened =
        retrying(() ->
            cases()
                .listCases(
                    ListCasesRequest.newBuilder()
                        .setTitleContains(request.getTitle())
                        .setPageSize(10)
                        .build())
                .getCasesList());
    assertThat(opened).as("%s: cases opened from the tip", seam).hasSize(1);
    assertThat(opened.getFirst().getCaseId()).isEqualTo(r.getCaseId());
    var subjects =
        retrying(() ->
            cases()
                .listSubjects(
                    ListSubjectsRequest.newBuilder()
                        .setCaseId(r.getCaseId())
                        .setPageSize(50)
                        .build())
                .getSubjectsList());
    assertThat(subjects).as("%s: the case's subjects", seam).hasSize(r.getSubjectCount());
  }

  private String newTip() {
    int n = ++next;
    Tip tip =
        Tip.newBuilder()
            .setSource(TipSource.TIP_SOURCE_STATE_HOTLINE)
            .setReceivedTime(
                Timestamp.newBuilder().setSeconds(Instant.now().getEpochSecond() - 3600))
            .setNarrative("Young women brought to rooms at night; a man collects cash.")
            .setLocation(
                TipLocation.newBuilder()
                    .setAddress((5400 + n) + " Central Avenue Southeast")
                    .setCity("Albuquerque")
                    .setState("NM"))
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
                    .setValue("+1505555" + (4000 + n)))
            .setTraffickingKind(TraffickingKind.TRAFFICKING_KIND_SEX)
            .build();
    String hotline =
        realm.user("crisis.advocate", CRISIS, "SERVICE_PROVIDER", "victim-advocate").mint();
    String id =
        retrying(() ->
            TipServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(Client.bearer(hotline))
                .withDeadlineAfter(20, TimeUnit.SECONDS)
                .createTip(
                    CreateTipRequest.newBuilder().setTip(tip).setRequestId("kill-tip-" + n).build())
                .getTip()
                .getTipId());
    return id;
  }

  private ConvertTipToCaseRequest request(String tipId) {
    return ConvertTipToCaseRequest.newBuilder()
        .setTipId(tipId)
        .setTitle("Tip conversion " + tipId)
        .setEtag(get(tipId).getEtag())
        .setPointOfContact(
            PointOfContact.newBuilder().setDisplayName("Agent Baca").setPhone("+15055550120"))
        .build();
  }

  private Tip get(String tipId) {
    return retrying(
        () -> tips().getTip(GetTipRequest.newBuilder().setTipId(tipId).build()).getTip());
  }

  private TipServiceGrpc.TipServiceBlockingStub tips() {
    return TipServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(
            Client.bearer(
                realm
                    .user("ago.intake", AGO, "STATE", "intake-coordinator", "investigator")
                    .mint()))
        .withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  private CaseServiceGrpc.CaseServiceBlockingStub cases() {
    return CaseServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(
            Client.bearer(realm.user("ago.investigator", AGO, "STATE", "investigator").mint()))
        .withDeadlineAfter(20, TimeUnit.SECONDS);
  }
}
