package org.taskforce.cases.intake.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskforce.platform.testing.ErrorDetails.refusal;

import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taskforce.api.intake.v1.CreateTipRequest;
import org.taskforce.api.intake.v1.CyberTiplineIpAddress;
import org.taskforce.api.intake.v1.CyberTiplineReport;
import org.taskforce.api.intake.v1.CyberTiplineReportingCompany;
import org.taskforce.api.intake.v1.CyberTiplineScreenName;
import org.taskforce.api.intake.v1.IdentifierType;
import org.taskforce.api.intake.v1.ImportCyberTiplineReportsRequest;
import org.taskforce.api.intake.v1.ImportCyberTiplineReportsResponse;
import org.taskforce.api.intake.v1.Tip;
import org.taskforce.api.intake.v1.TipIdentifier;
import org.taskforce.api.intake.v1.TipServiceGrpc;
import org.taskforce.api.intake.v1.TipSource;
import org.taskforce.platform.testing.ErrorDetails;
import org.taskforce.platform.testing.RpcFuzzer;

/**
 * Bad input is refused with a field violation per bad field and stores nothing: an unknown
 * indicator, a future received time, an oversized narrative (10 MB never reaches the service), a
 * phone deconfliction refuses, a malformed CyberTipline file; and generated messages never make the
 * service fail.
 */
class TipBadInputTest extends IntakeTestBase {

  @Test
  void unknownIndicator_futureTime_longNarrative_areFieldViolations_andNothingIsStored() {
    Tip.Builder bad =
        motelTip("505-555-0191")
            .addIndicatorsValue(999)
            .setReceivedTime(ago(Duration.ofHours(-1)))
            .setNarrative("x".repeat(20_001))
            .addIdentifiers(
                TipIdentifier.newBuilder()
                    .setType(IdentifierType.IDENTIFIER_TYPE_IP_ADDRESS)
                    .setValue("300.1.1.1"));

    var e =
        refusal(() -> tips(hotline()).createTip(CreateTipRequest.newBuilder().setTip(bad).build()));

    assertThat(ErrorDetails.violations(e))
        .containsKeys(
            "tip.indicators[1]", "tip.received_time", "tip.narrative", "tip.identifiers[1].value");
    assertNothingStored();
  }

  @Test
  void aTenMegabyteNarrative_isRefused_beforeItReachesTheService() {
    var e =
        refusal(() ->
            tips(hotline())
                .createTip(
                    CreateTipRequest.newBuilder()
                        .setTip(motelTip("505-555-0192").setNarrative("y".repeat(10 << 20)))
                        .build()));
    assertThat(e.getStatus().getCode())
        .isIn(Status.Code.RESOURCE_EXHAUSTED, Status.Code.INVALID_ARGUMENT);
    assertNothingStored();
  }

  @Test
  void aPhoneDeconflictionRefuses_isNamedByTheTipsField() {
    var e =
        refusal(() ->
            tips(hotline())
                .createTip(
                    CreateTipRequest.newBuilder()
                        .setTip(motelTip("505  555  0199  000  11"))
                        .build()));
    assertThat(ErrorDetails.violations(e)).containsKey("tip.identifiers[0].value");
    assertNothingStored();
  }

  @Test
  void aMalformedCyberTiplineFile_namesEveryBadField_andImportsNoReport() {
    ImportCyberTiplineReportsRequest file =
        ImportCyberTiplineReportsRequest.newBuilder()
            .addReports(good("148800001"))
            .addReports(good("14880000X").setIncidentType("Spam"))
            .addReports(
                good("148800003")
                    .setIncidentTime(ago(Duration.ofDays(-3)))
                    .setReportingCompany(
                        CyberTiplineReportingCompany.newBuilder()
                            .setName("Example Social")
                            .addEmails("not-an-email")
                            .addIpAddresses(
                                CyberTiplineIpAddress.newBuilder().setAddress("10.0.0.300"))
                            .addScreenNames(CyberTiplineScreenName.newBuilder().setName(""))))
            .addReports(good("148800001"))
            .build();

    var e = refusal(() -> tips(coordinatorOnly(AGO, "STATE")).importCyberTiplineReports(file));

    assertThat(ErrorDetails.violations(e))
        .containsOnlyKeys(
            "reports[1].report_number",
            "reports[1].incident_type",
            "reports[2].incident_time",
            "reports[2].reporting_company.emails[0]",
            "reports[2].reporting_company.ip_addresses[0].address",
            "reports[2].reporting_company.screen_names[0].name",
            "reports[3].report_number");
    assertNothingStored();
  }

  @Test
  void aCyberTiplineFile_becomesTips_andImportingItAgainAddsNone() {
    ImportCyberTiplineReportsRequest file =
        ImportCyberTiplineReportsRequest.newBuilder()
            .addReports(good("148800011"))
            .addReports(
                good("148800012").setIncidentType("Online Enticement of Children for Sexual Acts"))
            .build();
    String coordinator = coordinatorOnly(AGO, "STATE");

    ImportCyberTiplineReportsResponse first = tips(coordinator).importCyberTiplineReports(file);
    ImportCyberTiplineReportsResponse again = tips(coordinator).importCyberTiplineReports(file);

    assertThat(first.getTipsList()).hasSize(2);
    assertThat(again.getTipsList())
        .extracting(Tip::getTipId)
        .containsExactlyElementsOf(first.getTipsList().stream().map(Tip::getTipId).toList());
    Tip trafficking = first.getTips(0);
    assertThat(trafficking.getSource()).isEqualTo(TipSource.TIP_SOURCE_CYBERTIPLINE);
    assertThat(trafficking.getSourceReference()).isEqualTo("148800011");
    assertThat(trafficking.getUrgent()).isTrue();
    assertThat(first.getTips(1).getUrgent()).isFalse();
    assertThat(trafficking.getIdentifiersList())
        .extracting(TipIdentifier::getType)
        .containsExactly(
            IdentifierType.IDENTIFIER_TYPE_URL,
            IdentifierType.IDENTIFIER_TYPE_EMAIL,
            IdentifierType.IDENTIFIER_TYPE_HANDLE,
            IdentifierType.IDENTIFIER_TYPE_IP_ADDRESS);
    assertThat(database.getCollection("tips").countDocuments()).isEqualTo(2);
  }

  @Test
  void generatedAndBoundaryMessages_neverInternal_andRefusalsStoreNothing() {
    List<RpcFuzzer.Caller> callers =
        fuzzCallers(caller("ago coordinator", agoCoordinator()), caller("hotline", hotline()));
    RpcFuzzer.Report report = fuzz(TipServiceGrpc.getServiceDescriptor(), callers, 20);
    assertThat(report.findings()).isEmpty();
  }

  static CyberTiplineReport.Builder good(String number) {
    return CyberTiplineReport.newBuilder()
        .setReportNumber(number)
        .setIncidentType("Child Sex Trafficking")
        .setIncidentTime(ago(Duration.ofDays(3)))
        .setReportingCompany(
            CyberTiplineReportingCompany.newBuilder()
                .setName("Example Social")
                .addUrls("https://social.example.com/p/8812")
                .addEmails("seller88@example.net")
                .addScreenNames(
                    CyberTiplineScreenName.newBuilder()
                        .setPlatform("examplesocial")
                        .setName("abq_models"))
                .addIpAddresses(CyberTiplineIpAddress.newBuilder().setAddress("198.51.100.23")))
        .setAdditionalInformation("Account advertises a 16-year-old; meets buyers at motels.");
  }

  private void assertNothingStored() {
    assertThat(database.getCollection("tips").countDocuments()).isZero();
    assertThat(database.getCollection("tip_reporters").countDocuments()).isZero();
    assertThat(database.getCollection("outbox").countDocuments()).isZero();
  }
}
