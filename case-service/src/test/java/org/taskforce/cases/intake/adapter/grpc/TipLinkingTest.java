package org.taskforce.cases.intake.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;
import org.taskforce.api.cases.v1.Case;
import org.taskforce.api.cases.v1.CaseStatus;
import org.taskforce.api.intake.v1.LinkTipToCaseRequest;
import org.taskforce.api.intake.v1.Tip;
import org.taskforce.api.intake.v1.TipStatus;
import org.taskforce.platform.testing.ErrorDetails;

/**
 * A tip is linked only to a case the caller's agency investigates (ACTIVE, LEAD or SUPPORTING). A
 * case the agency is only invited to — which it may not read yet — is refused exactly as a case
 * that does not exist, so the refusal tells nothing about it; an agency active in another role is
 * told why. A closed case is no longer worked: its investigators are told so (CASE_CLOSED), anyone
 * else gets the NOT_FOUND of a case that does not exist. A refused link changes nothing.
 */
class TipLinkingTest extends IntakeTestBase {
  private static final String NO_SUCH_CASE = "c000000000000000000000000";

  @Test
  void aCaseTheAgencyIsOnlyInvitedTo_isRefusedAsACaseThatDoesNotExist() {
    Case joint = jointCase(); // APD invited, has not answered
    Tip tip = assignedTo(APD, "505-555-0195");
    String apd = investigator(APD, "LOCAL");

    var invited = thrownBy(() -> link(apd, tip, joint.getCaseId()));
    var missing = thrownBy(() -> link(apd, tip, NO_SUCH_CASE));

    assertThat(invited.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(sameAnswer(invited, joint.getCaseId(), missing, NO_SUCH_CASE)).isTrue();
    assertThat(get(tip).getEtag()).isEqualTo(tip.getEtag());

    // Once APD accepts (a supporting investigator), the same link goes through.
    accept(joint, APD, apd);
    Tip linked = link(apd, tip, joint.getCaseId());
    assertThat(linked.getStatus()).isEqualTo(TipStatus.TIP_STATUS_LINKED);
    assertThat(linked.getCaseId()).isEqualTo(joint.getCaseId());
  }

  @Test
  void aCaseTheAgencyIsNotOn_isRefusedAsACaseThatDoesNotExist() {
    Case hsiOnly = createCase(hsi(), "HSI's own case");
    Tip tip = assignedTo(APD, "505-555-0196");
    String apd = investigator(APD, "LOCAL");

    var other = thrownBy(() -> link(apd, tip, hsiOnly.getCaseId()));
    var missing = thrownBy(() -> link(apd, tip, NO_SUCH_CASE));

    assertThat(sameAnswer(other, hsiOnly.getCaseId(), missing, NO_SUCH_CASE)).isTrue();
    assertThat(get(tip).getEtag()).isEqualTo(tip.getEtag());
  }

  @Test
  void anAgencyActiveOnTheCaseButNotInvestigatingIt_isToldWhy() {
    Case joint = jointCase(); // the US Attorney prosecutes (ACTIVE)
    Tip tip = assignedTo(USAO, "505-555-0197");

    var refused = thrownBy(() -> link(usao(), tip, joint.getCaseId()));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(ErrorDetails.reason(refused)).isEqualTo("PARTICIPANT_ROLE_NOT_PERMITTED");
    assertThat(get(tip).getEtag()).isEqualTo(tip.getEtag());
  }

  @Test
  void aClosedCase_isRefusedWithItsReason_toItsInvestigators_andNotFoundToEveryoneElse() {
    Case joint = jointCase(); // AGO leads, HSI supports, APD only invited, FBI not on it
    Case closed = close(joint);
    Tip ours = get(enter(hotline(), motelTip("505-555-0161")));
    Tip hsis = assignedTo(HSI, "505-555-0162");
    Tip apds = assignedTo(APD, "505-555-0163");
    Tip fbis = assignedTo(FBI, "505-555-0164");

    for (var investigating :
        java.util.List.of(
            java.util.Map.entry(agoCoordinator(), ours), java.util.Map.entry(hsi(), hsis))) {
      var refused =
          thrownBy(
              () -> link(investigating.getKey(), investigating.getValue(), closed.getCaseId()));
      assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
      assertThat(ErrorDetails.reason(refused)).isEqualTo("CASE_CLOSED");
      assertThat(get(investigating.getValue())).isEqualTo(investigating.getValue());
    }
    for (var outsider :
        java.util.List.of(
            java.util.Map.entry(investigator(APD, "LOCAL"), apds),
            java.util.Map.entry(fbi(), fbis))) {
      var hidden = thrownBy(() -> link(outsider.getKey(), outsider.getValue(), closed.getCaseId()));
      var missing = thrownBy(() -> link(outsider.getKey(), outsider.getValue(), NO_SUCH_CASE));
      assertThat(hidden.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
      assertThat(sameAnswer(hidden, closed.getCaseId(), missing, NO_SUCH_CASE)).isTrue();
      assertThat(hidden.getStatus().getDescription()).doesNotContain(closed.getCaseNumber());
      assertThat(get(outsider.getValue())).isEqualTo(outsider.getValue());
    }
  }

  @Test
  void theLeadAgencysIntakeCoordinator_links() {
    Case joint = jointCase();
    Tip tip = get(enter(hotline(), motelTip("505-555-0198")));

    Tip linked = link(coordinatorOnly(AGO, "STATE"), tip, joint.getCaseId());

    assertThat(linked.getStatus()).isEqualTo(TipStatus.TIP_STATUS_LINKED);
  }

  /** Code, reason and text alike, but for the id the caller sent. */
  private static boolean sameAnswer(
      StatusRuntimeException a, String aId, StatusRuntimeException b, String bId) {
    return a.getStatus().getCode() == b.getStatus().getCode()
        && ErrorDetails.reason(a).equals(ErrorDetails.reason(b))
        && a.getStatus()
            .getDescription()
            .replace(aId, "<id>")
            .equals(b.getStatus().getDescription().replace(bId, "<id>"))
        && a.getTrailers().keys().stream()
            .sorted()
            .toList()
            .equals(b.getTrailers().keys().stream().sorted().toList());
  }

  private Tip link(String token, Tip tip, String caseId) {
    return tips(token)
        .linkTipToCase(
            LinkTipToCaseRequest.newBuilder()
                .setTipId(tip.getTipId())
                .setCaseId(caseId)
                .setEtag(tip.getEtag())
                .build())
        .getTip();
  }

  private Case close(Case c) {
    return changeStatus(ago(), c, CaseStatus.CASE_STATUS_CLOSED);
  }

  private Tip assignedTo(String agency, String phone) {
    Tip t = enter(hotline(), motelTip(phone));
    return assign(agoCoordinator(), t, agency, "Det. Chavez");
  }

  private Tip get(Tip tip) {
    return get(tip.getTipId());
  }
}
