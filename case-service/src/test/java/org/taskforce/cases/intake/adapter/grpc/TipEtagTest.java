package org.taskforce.cases.intake.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import org.junit.jupiter.api.Test;
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
    var stale = thrownBy(() -> assign(agoCoordinator(), tip, APD, "Det. Chavez"));
    String bareVersion = screened.getEtag().replace("W/", "").replace("\"", "");
    Tip assigned =
        assign(agoCoordinator(), tip.toBuilder().setEtag(bareVersion).build(), APD, "Det. Chavez");

    assertThat(screened.getEtag()).isNotEqualTo(tip.getEtag()).matches("W/\"[0-9]+\"");
    assertThat(stale.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
    assertThat(assigned.getAssignedAgencyId()).isEqualTo(APD);
  }
}
