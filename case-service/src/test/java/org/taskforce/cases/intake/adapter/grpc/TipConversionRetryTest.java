package org.taskforce.cases.intake.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.taskforce.api.intake.v1.ConvertTipToCaseRequest;
import org.taskforce.api.intake.v1.ConvertTipToCaseResponse;
import org.taskforce.api.intake.v1.Tip;
import org.taskforce.api.intake.v1.TipStatus;
import org.taskforce.cases.adapter.grpc.CrashSeams;
import org.taskforce.platform.testing.ErrorDetails;

/**
 * A retried {@code ConvertTipToCase} (the same request: tip, etag, title) answers exactly what the
 * first success answered — the case it opened, with as many subjects and victims — whether the
 * first answer was lost on the way or the service stopped after marking the tip converted; it opens
 * nothing twice. A conversion by someone else is not a retry of yours.
 */
class TipConversionRetryTest extends IntakeTestBase {
  @Autowired CrashSeams seams;

  @Test
  void aConvertRetriedAfterItsAnswer_answersTheFirstAnswerAgain() {
    Tip tip = get(enter(hotline(), motelTip("505-555-0191")).getTipId());
    ConvertTipToCaseRequest request = conversion(tip, "Central Ave motel");

    ConvertTipToCaseResponse first = tips(agoCoordinator()).convertTipToCase(request);
    ConvertTipToCaseResponse again = tips(agoCoordinator()).convertTipToCase(request);

    assertThat(first.getSubjectCount()).isEqualTo(3);
    assertThat(first.getVictimCount()).isEqualTo(1);
    assertThat(again).isEqualTo(first);
    assertThat(tips(agoCoordinator()).convertTipToCase(request)).isEqualTo(first);
    assertThat(database.getCollection("cases").countDocuments()).isOne();
    assertThat(database.getCollection("subjects").countDocuments()).isEqualTo(3);
    assertThat(database.getCollection("victims").countDocuments()).isOne();
  }

  @Test
  void aConvertStoppedAfterTheTipWasMarked_isAnsweredByItsRetry_asIfUninterrupted() {
    Tip tip = get(enter(hotline(), motelTip("505-555-0192")).getTipId());
    ConvertTipToCaseRequest request = conversion(tip, "Central Ave motel");
    seams.crashAt("tip.converted");

    var crash = thrownBy(() -> tips(agoCoordinator()).convertTipToCase(request));

    assertThat(crash.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
    Tip stored = get(tip.getTipId());
    assertThat(stored.getStatus()).isEqualTo(TipStatus.TIP_STATUS_CONVERTED);
    ConvertTipToCaseResponse retried = tips(agoCoordinator()).convertTipToCase(request);
    assertThat(retried.getTip()).isEqualTo(stored);
    assertThat(retried.getCaseId()).isEqualTo(stored.getCaseId());
    Document opened =
        database.getCollection("cases").find(new Document("_id", stored.getCaseId())).first();
    assertThat(opened).isNotNull();
    assertThat(retried.getCaseNumber()).isEqualTo(opened.getString("number"));
    assertThat(retried.getSubjectCount()).isEqualTo(3);
    assertThat(retried.getVictimCount()).isEqualTo(1);
    assertThat(database.getCollection("cases").countDocuments()).isOne();
    assertThat(database.getCollection("subjects").countDocuments()).isEqualTo(3);
    assertThat(database.getCollection("victims").countDocuments()).isOne();
  }

  @Test
  void aConvertByAnotherAgency_ofATipAlreadyConverted_isNotOpen_andOpensNothing() {
    Tip assigned = assignedToApd("505-555-0193");
    ConvertTipToCaseResponse byAgo =
        tips(agoCoordinator()).convertTipToCase(conversion(assigned, "Central Ave motel"));

    var refused =
        thrownBy(() ->
            tips(investigator(APD, "LOCAL"))
                .convertTipToCase(conversion(assigned, "Central Ave motel")));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(ErrorDetails.reason(refused)).isEqualTo("TIP_NOT_OPEN");
    assertThat(database.getCollection("cases").countDocuments()).isOne();
    assertThat(get(assigned.getTipId()).getCaseId()).isEqualTo(byAgo.getCaseId());
  }

  @Test
  void aConvertNamingAVersionNewerThanTheConversion_isNotARetry() {
    Tip tip = get(enter(hotline(), motelTip("505-555-0194")).getTipId());
    ConvertTipToCaseResponse first =
        tips(agoCoordinator()).convertTipToCase(conversion(tip, "Central Ave motel"));

    var refused =
        thrownBy(() ->
            tips(agoCoordinator())
                .convertTipToCase(
                    conversion(tip, "Central Ave motel").toBuilder()
                        .setEtag(first.getTip().getEtag())
                        .build()));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(ErrorDetails.reason(refused)).isEqualTo("TIP_NOT_OPEN");
  }

  @Test
  void aColleagueOfTheSameAgency_withTheStaleEtag_isNotTheConverter_andOpensNothing() {
    Tip tip = get(enter(hotline(), motelTip("505-555-0195")).getTipId());
    ConvertTipToCaseResponse first =
        tips(agoCoordinator()).convertTipToCase(conversion(tip, "Central Ave motel"));
    String colleague =
        REALM.user("ago-intake-2", AGO, "STATE", "intake-coordinator", "investigator").mint();

    var refused =
        thrownBy(() -> tips(colleague).convertTipToCase(conversion(tip, "Central Ave motel")));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(ErrorDetails.reason(refused)).isEqualTo("TIP_NOT_OPEN");
    assertThat(refused.getStatus().getDescription()).doesNotContain(first.getCaseNumber());
    assertThat(database.getCollection("cases").countDocuments()).isOne();
  }

  @Test
  void theConvertersOwnRequest_withANonsenseEtag_orAnotherTitle_isNotARetry() {
    Tip tip = get(enter(hotline(), motelTip("505-555-0196")).getTipId());
    tips(agoCoordinator()).convertTipToCase(conversion(tip, "Central Ave motel"));

    for (ConvertTipToCaseRequest other :
        new ConvertTipToCaseRequest[] {
          conversion(tip, "Central Ave motel").toBuilder().setEtag("x").build(),
          conversion(tip, "Central Ave motel").toBuilder().setEtag("\"-1\"").build(),
          conversion(tip, "Central Ave motel").toBuilder().setTitle("Another title").build()
        }) {
      var refused = thrownBy(() -> tips(agoCoordinator()).convertTipToCase(other));

      assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
      assertThat(ErrorDetails.reason(refused)).isEqualTo("TIP_NOT_OPEN");
    }
    assertThat(database.getCollection("cases").countDocuments()).isOne();
  }

  @Test
  void aConvertStoppedBeforeTheTipWasMarked_isNotMergedInto_andItsRetryCarriesEachSubjectOnce() {
    Tip tip = get(enter(hotline(), motelTip("505-555-0181")).getTipId());
    seams.crashAt("tip.conversion.carried");
    thrownBy(() -> tips(agoCoordinator()).convertTipToCase(conversion(tip, "Central Ave motel")));
    Tip stopped = get(tip.getTipId());
    assertThat(stopped.getStatus()).isEqualTo(TipStatus.TIP_STATUS_CONVERTING);
    Tip other =
        get(
            enter(
                    hotline(),
                    motelTip("505-555-0182")
                        .addPersons(
                            org.taskforce.api.intake.v1.TipPerson.newBuilder()
                                .setName("Zed Archuleta")
                                .setApproximateAge(40)
                                .setRole(org.taskforce.api.intake.v1.PersonRole.PERSON_ROLE_BUYER)))
                .getTipId());

    // The claimed tip's content is what its conversion carries: nothing is merged into it.
    var refused = thrownBy(() -> tips(agoCoordinator()).mergeTips(merging(stopped, other)));
    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(ErrorDetails.reason(refused)).isEqualTo("TIP_CONVERTING");
    assertThat(get(other.getTipId())).isEqualTo(other);

    ConvertTipToCaseResponse done =
        tips(agoCoordinator()).convertTipToCase(conversion(tip, "Central Ave motel"));

    List<String> names = new ArrayList<>();
    database.getCollection("subjects").find().forEach(d -> names.add(d.getString("displayName")));
    assertThat(names).doesNotHaveDuplicates().contains("Dario Velasquez");
    assertThat(names).doesNotContain("Zed Archuleta");
    assertThat(names).hasSize(done.getSubjectCount());
    assertThat(database.getCollection("cases").countDocuments()).isOne();
    assertThat(database.getCollection("victims").countDocuments()).isOne();
  }
}
