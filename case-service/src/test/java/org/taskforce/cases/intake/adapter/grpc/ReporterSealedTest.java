package org.taskforce.cases.intake.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.taskforce.api.intake.v1.CreateTipRequest;
import org.taskforce.api.intake.v1.GetTipRequest;
import org.taskforce.api.intake.v1.Indicator;
import org.taskforce.api.intake.v1.ListRelatedTipsRequest;
import org.taskforce.api.intake.v1.ListTipsRequest;
import org.taskforce.api.intake.v1.ReferTipRequest;
import org.taskforce.api.intake.v1.Reporter;
import org.taskforce.api.intake.v1.RevealReporterRequest;
import org.taskforce.api.intake.v1.RevealReporterResponse;
import org.taskforce.api.intake.v1.Tip;
import org.taskforce.platform.testing.ErrorDetails;

/**
 * The reporter's name, phone and e-mail are found in exactly one place: the answer to an audited
 * RevealReporter. Every other response (and error), every notification, the outcome export, every
 * document of every collection, every call to deconfliction and every log line is searched for
 * them, in the forms they were given and as bare digits.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReporterSealedTest extends IntakeTestBase {
  static final List<String> NEEDLES =
      List.of(REPORTER_NAME, "Quennell", REPORTER_PHONE, "5055550187", "555-0187", REPORTER_EMAIL);

  @Test
  void theReporterIsOnlyInTheAuditedReveal(CapturedOutput output) {
    List<String> seen = new ArrayList<>();
    String coordinator = agoCoordinator();
    CreateTipRequest create =
        CreateTipRequest.newBuilder()
            .setTip(motelTip("505-555-0181").addIndicators(Indicator.INDICATOR_IMMINENT_DANGER))
            .setReporter(reporter())
            .build();
    Tip tip = tips(hotline()).createTip(create).getTip();
    seen.add(text(tip));
    Tip other = enter(hotline(), motelTip("505-555-0182"));
    seen.add(text(other));
    // Refused: a future received time with the reporter given; the error must not carry it.
    seen.add(
        refusal(() ->
            tips(hotline())
                .createTip(
                    create.toBuilder()
                        .setTip(
                            create.getTip().toBuilder().setReceivedTime(ago(Duration.ofDays(-2))))
                        .build())));
    // Refused: the reporter's own fields out of bounds; never quoted back.
    seen.add(
        refusal(() ->
            tips(hotline())
                .createTip(
                    create.toBuilder()
                        .setReporter(
                            Reporter.newBuilder()
                                .setName(REPORTER_NAME.repeat(20))
                                .setPhone(REPORTER_PHONE.repeat(5)))
                        .build())));
    seen.add(
        text(
            tips(coordinator).getTip(GetTipRequest.newBuilder().setTipId(tip.getTipId()).build())));
    seen.add(text(tips(coordinator).listTips(ListTipsRequest.getDefaultInstance())));
    seen.add(
        text(
            tips(coordinator)
                .listRelatedTips(
                    ListRelatedTipsRequest.newBuilder().setTipId(tip.getTipId()).build())));
    Tip assigned = assign(coordinator, tip, "", "Agent Baca");
    seen.add(text(assigned));
    seen.add(text(tips(coordinator).convertTipToCase(conversion(assigned, "Central Ave motel"))));
    seen.add(
        text(
            tips(coordinator)
                .referTip(
                    ReferTipRequest.newBuilder()
                        .setTipId(other.getTipId())
                        .setAgencyId(NNPD)
                        .setEtag(other.getEtag())
                        .build())));
    seen.add(hotlineOutcomes(coordinator).getCsv());
    drainOutbox();
    seen.add(NOTIFICATIONS.published().toString());
    seen.add(DECONFLICTION.checks().toString());
    seen.add(DECONFLICTION.creates().toString());
    for (String name : database.listCollectionNames()) {
      if (!name.equals("tip_reporters")) {
        database.getCollection(name).find().forEach(d -> seen.add(name + ": " + d.toJson()));
      }
    }
    Document sealed =
        database.getCollection("tip_reporters").find(new Document("_id", tip.getTipId())).first();
    assertThat(sealed).isNotNull();
    seen.add(sealed.toJson());

    RevealReporterResponse revealed =
        tips(coordinator)
            .revealReporter(
                RevealReporterRequest.newBuilder()
                    .setTipId(tip.getTipId())
                    .setPurpose("call-back to confirm the motel's address")
                    .build());

    assertThat(revealed.getReporter().getName()).isEqualTo(REPORTER_NAME);
    assertThat(revealed.getReporter().getPhone()).isEqualTo(REPORTER_PHONE);
    assertThat(revealed.getReporter().getEmail()).isEqualTo(REPORTER_EMAIL);
    List<Document> audit = new ArrayList<>();
    database
        .getCollection("audit_log")
        .find(new Document("action", "REPORTER_REVEALED"))
        .into(audit);
    assertThat(audit)
        .singleElement()
        .satisfies(a -> {
          assertThat(a.getString("purpose")).isEqualTo("call-back to confirm the motel's address");
          assertThat(a.getString("outcome")).isEqualTo("SUCCESS");
          assertThat(a.getString("resource")).isEqualTo("tips/" + tip.getTipId());
        });
    // After the reveal too: the audit trail and the logs hold no trace of what it revealed.
    database.getCollection("audit_log").find().forEach(d -> seen.add(d.toJson()));
    seen.add(output.getAll());
    assertThat(seen).hasSizeGreaterThan(20);
    for (String s : seen) {
      for (String needle : NEEDLES) {
        assertThat(s).as("%s found in %s", needle, abbreviate(s)).doesNotContain(needle);
      }
    }
  }

  @Test
  void anAnonymousTip_revealsNothing_andASecondAgencysCoordinatorCannotAsk() {
    Tip tip =
        tips(hotline())
            .createTip(CreateTipRequest.newBuilder().setTip(motelTip("505-555-0183")).build())
            .getTip();
    assertThat(tip.getAnonymous()).isTrue();
    assertThat(
            tips(agoCoordinator())
                .revealReporter(
                    RevealReporterRequest.newBuilder()
                        .setTipId(tip.getTipId())
                        .setPurpose("check")
                        .build())
                .getAnonymous())
        .isTrue();
    var e =
        thrownBy(() ->
            tips(agoCoordinator())
                .revealReporter(
                    RevealReporterRequest.newBuilder().setTipId(tip.getTipId()).build()));
    assertThat(ErrorDetails.violations(e)).containsKey("purpose");
  }

  private static String text(Message m) {
    return m.toString();
  }

  private static String refusal(Runnable call) {
    var e = ErrorDetails.refusal(call);
    return e.getStatus() + " " + ErrorDetails.violations(e) + " " + e.getTrailers();
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
