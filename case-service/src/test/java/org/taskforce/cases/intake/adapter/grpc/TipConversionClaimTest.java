package org.taskforce.cases.intake.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.taskforce.api.intake.v1.CloseReason;
import org.taskforce.api.intake.v1.ConvertTipToCaseRequest;
import org.taskforce.api.intake.v1.ConvertTipToCaseResponse;
import org.taskforce.api.intake.v1.Tip;
import org.taskforce.api.intake.v1.TipStatus;
import org.taskforce.cases.adapter.grpc.CrashSeams;
import org.taskforce.platform.testing.ErrorDetails;

/**
 * Converting a tip claims it first: whoever else converts, links or closes the tip while a
 * conversion is writing its case — a second coordinator, the agency the tip is assigned to — is
 * refused cleanly and writes nothing, so one tip never becomes two cases; and a conversion stopped
 * part way (a crash) leaves no tip open beside a case: its retry finishes the same case.
 */
class TipConversionClaimTest extends IntakeTestBase {
  @Autowired CrashSeams seams;

  @Test
  void theAssignedAgencyConvertingWhileTheReceivingAgencyConverts_isRefused_andOneCaseExists() {
    Tip tip = assignedToApd("505-555-0151");
    String apd = investigator(APD, "LOCAL");
    AtomicReference<Throwable> second = new AtomicReference<>();
    // APD converts while AGO's conversion is between writing the case and marking the tip.
    seams.runAt(
        "tip.conversion.carried",
        () -> second.set(catchThrowable(() -> tips(apd).convertTipToCase(conversion(tip, "APD")))));

    ConvertTipToCaseResponse first =
        tips(agoCoordinator()).convertTipToCase(conversion(tip, "AGO"));

    assertThat(second.get()).isInstanceOf(StatusRuntimeException.class);
    StatusRuntimeException refused = (StatusRuntimeException) second.get();
    assertThat(refused.getStatus().getCode())
        .isIn(Status.Code.FAILED_PRECONDITION, Status.Code.ABORTED);
    assertThat(refused.getStatus().getDescription()).doesNotContain(first.getCaseNumber());
    assertThat(caseIds()).containsExactly(first.getCaseId());
    assertThat(subjectCaseIds()).containsOnly(first.getCaseId());
    Tip stored = get(tip.getTipId());
    assertThat(stored.getStatus()).isEqualTo(TipStatus.TIP_STATUS_CONVERTED);
    assertThat(stored.getCaseId()).isEqualTo(first.getCaseId());
    assertThat(database.getCollection("subjects").countDocuments())
        .isEqualTo(first.getSubjectCount());
    assertThat(database.getCollection("victims").countDocuments()).isOne();
  }

  @Test
  void convertersRacingFromTheSameVersion_openExactlyOneCase_andTheOthersGetACleanError()
      throws Exception {
    Tip tip = assignedToApd("505-555-0152");
    String agoColleague =
        REALM.user("ago-intake-2", AGO, "STATE", "intake-coordinator", "investigator").mint();
    List<String> converters =
        List.of(
            agoCoordinator(),
            investigator(APD, "LOCAL"),
            agoColleague,
            REALM.user("apd-det-2", APD, "LOCAL", "investigator").mint());
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(converters.size());
    ConcurrentLinkedQueue<ConvertTipToCaseResponse> won = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<StatusRuntimeException> lost = new ConcurrentLinkedQueue<>();
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < converters.size(); i++) {
        String token = converters.get(i);
        String title = "Converter " + i;
        runs.add(
            pool.submit(() -> {
              start.await();
              try {
                won.add(tips(token).convertTipToCase(conversion(tip, title)));
              } catch (StatusRuntimeException e) {
                lost.add(e);
              }
              return null;
            }));
      }
      start.countDown();
      for (Future<?> f : runs) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(won).hasSize(1);
    assertThat(lost).hasSize(converters.size() - 1);
    assertThat(lost)
        .allSatisfy(e ->
            assertThat(e.getStatus().getCode())
                .isIn(Status.Code.FAILED_PRECONDITION, Status.Code.ABORTED));
    String caseId = won.peek().getCaseId();
    assertThat(caseIds()).containsExactly(caseId);
    assertThat(subjectCaseIds()).containsOnly(caseId);
    // Read as stored: whichever agency won leads the case, and only its participants are shown
    // the case id (AGO's coordinator reading an APD case sees it converted without the id).
    assertThat(storedCaseId(tip.getTipId())).isEqualTo(caseId);
    assertThat(get(tip.getTipId()).getStatus()).isEqualTo(TipStatus.TIP_STATUS_CONVERTED);
  }

  @Test
  void aConversionStoppedAfterWritingItsCase_leavesTheTipToIt_andItsRetryFinishesTheSameCase() {
    Tip tip = assignedToApd("505-555-0153");
    ConvertTipToCaseRequest request = conversion(tip, "AGO");
    seams.crashAt("tip.conversion.carried");
    var crash = thrownBy(() -> tips(agoCoordinator()).convertTipToCase(request));
    assertThat(crash.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
    List<String> opened = caseIds();
    assertThat(opened).hasSize(1);
    Tip stopped = get(tip.getTipId());
    assertThat(stopped.getStatus()).isNotIn(TipStatus.TIP_STATUS_ASSIGNED);

    // Nobody else may take the tip meanwhile: not the assigned agency, not a close, not another
    // request of the converter; each is refused and writes nothing.
    var byApd =
        thrownBy(() ->
            tips(investigator(APD, "LOCAL"))
                .convertTipToCase(conversion(stopped, "APD").toBuilder().build()));
    var closed =
        thrownBy(() ->
            tips(agoCoordinator())
                .closeTip(closing(stopped, CloseReason.CLOSE_REASON_NO_INDICATORS)));
    var otherTitle =
        thrownBy(() -> tips(agoCoordinator()).convertTipToCase(conversion(tip, "Another title")));
    for (StatusRuntimeException e : List.of(byApd, closed, otherTitle)) {
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
      assertThat(ErrorDetails.reason(e)).isEqualTo("TIP_CONVERTING");
    }
    assertThat(caseIds()).isEqualTo(opened);
    assertThat(get(tip.getTipId())).isEqualTo(stopped);

    ConvertTipToCaseResponse retried = tips(agoCoordinator()).convertTipToCase(request);

    assertThat(retried.getCaseId()).isEqualTo(opened.getFirst());
    assertThat(retried.getSubjectCount()).isEqualTo(3);
    assertThat(retried.getVictimCount()).isOne();
    assertThat(retried.getTip().getStatus()).isEqualTo(TipStatus.TIP_STATUS_CONVERTED);
    assertThat(retried.getTip()).isEqualTo(get(tip.getTipId()));
    assertThat(caseIds()).isEqualTo(opened);
    assertThat(database.getCollection("subjects").countDocuments()).isEqualTo(3);
    assertThat(database.getCollection("victims").countDocuments()).isOne();
    assertThat(tips(agoCoordinator()).convertTipToCase(request)).isEqualTo(retried);
  }

  @Test
  void aConversionStoppedWhileAddingItsSubjects_isFinishedByItsRetry_eachSubjectOnce() {
    Tip tip = assignedToApd("505-555-0154");
    ConvertTipToCaseRequest request = conversion(tip, "AGO");
    seams.crashAt("subject.stored");
    thrownBy(() -> tips(agoCoordinator()).convertTipToCase(request));

    ConvertTipToCaseResponse retried = tips(agoCoordinator()).convertTipToCase(request);

    assertThat(caseIds()).containsExactly(retried.getCaseId());
    assertThat(retried.getSubjectCount()).isEqualTo(3);
    assertThat(database.getCollection("subjects").countDocuments()).isEqualTo(3);
    assertThat(database.getCollection("victims").countDocuments()).isOne();
    assertThat(get(tip.getTipId()).getStatus()).isEqualTo(TipStatus.TIP_STATUS_CONVERTED);
  }

  @Test
  void aConverterCaseServiceWouldRefuse_isRefusedBeforeTheClaim_andTheTipStaysInTriage() {
    // A victim-service provider may be assigned a tip, and its investigator passes intake's own
    // checks, but providers never lead a case: refused before the tip is claimed, so it is not
    // left CONVERTING for good (neither a retry nor the sweep could ever finish that claim).
    Tip entered = enter(hotline(), motelTip("505-555-0155"));
    Tip tip = assign(agoCoordinator(), entered, CRISIS, "Advocate Ruiz");

    var refused =
        thrownBy(() ->
            tips(REALM.user("crisis-inv", CRISIS, "SERVICE_PROVIDER", "investigator").mint())
                .convertTipToCase(conversion(tip, "Crisis")));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(caseIds()).isEmpty();
    Tip after = get(tip.getTipId());
    assertThat(after.getStatus()).isEqualTo(TipStatus.TIP_STATUS_ASSIGNED);
    assertThat(after.getEtag()).isEqualTo(tip.getEtag());
    // Still the receiving agency's to convert.
    ConvertTipToCaseResponse opened =
        tips(agoCoordinator()).convertTipToCase(conversion(tip, "AGO"));
    assertThat(caseIds()).containsExactly(opened.getCaseId());
  }

  // ---- helpers

  private String storedCaseId(String tipId) {
    return database
        .getCollection("tips")
        .find(new Document("_id", tipId))
        .first()
        .getString("caseId");
  }

  private List<String> caseIds() {
    return database
        .getCollection("cases")
        .find()
        .map(d -> d.getString("_id"))
        .into(new ArrayList<>());
  }

  private List<String> subjectCaseIds() {
    return database
        .getCollection("subjects")
        .find()
        .map((Document d) -> d.getString("caseId"))
        .into(new ArrayList<>());
  }

  private static Throwable catchThrowable(Runnable r) {
    try {
      r.run();
      return null;
    } catch (Throwable t) {
      return t;
    }
  }
}
