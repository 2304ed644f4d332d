package org.taskforce.cases.intake.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;
import org.taskforce.api.intake.v1.AssignTipRequest;
import org.taskforce.api.intake.v1.GetTipRequest;
import org.taskforce.api.intake.v1.ScreenTipRequest;
import org.taskforce.api.intake.v1.Tip;

/**
 * Tips carry the platform's one etag format, the weak {@code W/"n"} of cases, tasks and victims;
 * the forms clients kept from before ({@code "n"}, {@code n}) still name the version they read.
 */
class TipEtagTest extends IntakeTestBase {
  @Test
  void aTipsEtag_isTheWeakEtagOfEveryResource() {
    Tip tip = get(enter(hotline(), motelTip("505-555-0131")).getTipId());
    String caseEtag = createCase(ago(), "Any case").getEtag();

    assertThat(tip.getEtag()).matches("W/\"[0-9]+\"");
    assertThat(caseEtag).matches("W/\"[0-9]+\"");
  }

  @Test
  void theOldQuotedForm_andABareVersion_stillNameTheVersionRead_andAStaleOneIsAborted() {
    Tip tip = get(enter(hotline(), motelTip("505-555-0132")).getTipId());
    String version = tip.getEtag().replace("W/", "").replace("\"", "");

    Tip screened =
        tips(agoCoordinator())
            .screenTip(
                ScreenTipRequest.newBuilder()
                    .setTipId(tip.getTipId())
                    .setEtag("\"" + version + "\"")
                    .build())
            .getTip();
    var stale =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                tips(agoCoordinator())
                    .assignTip(
                        AssignTipRequest.newBuilder()
                            .setTipId(tip.getTipId())
                            .setAgencyId(APD)
                            .setOfficer("Det. Chavez")
                            .setEtag(tip.getEtag())
                            .build()));
    Tip assigned =
        tips(agoCoordinator())
            .assignTip(
                AssignTipRequest.newBuilder()
                    .setTipId(tip.getTipId())
                    .setAgencyId(APD)
                    .setOfficer("Det. Chavez")
                    .setEtag(screened.getEtag().replace("W/", "").replace("\"", ""))
                    .build())
            .getTip();

    assertThat(screened.getEtag()).isNotEqualTo(tip.getEtag()).matches("W/\"[0-9]+\"");
    assertThat(stale.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
    assertThat(assigned.getAssignedAgencyId()).isEqualTo(APD);
  }

  private Tip get(String tipId) {
    return tips(agoCoordinator())
        .getTip(GetTipRequest.newBuilder().setTipId(tipId).build())
        .getTip();
  }
}
