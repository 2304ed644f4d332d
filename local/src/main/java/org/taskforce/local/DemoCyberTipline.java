package org.taskforce.local;

import static org.taskforce.local.DemoTipParts.at;

import java.time.Duration;
import org.taskforce.api.intake.v1.CyberTiplineIpAddress;
import org.taskforce.api.intake.v1.CyberTiplineReport;
import org.taskforce.api.intake.v1.CyberTiplineReportingCompany;
import org.taskforce.api.intake.v1.CyberTiplineScreenName;
import org.taskforce.api.intake.v1.ImportCyberTiplineReportsRequest;

/** The demo's CyberTipline file: one report, as NCMEC publishes it. */
final class DemoCyberTipline {
  private final Client api;

  DemoCyberTipline(Client api) {
    this.api = api;
  }

  /** Imports the file as {@code token} (an intake coordinator); how many tips it made. */
  int load(String token) {
    return api.tips(token)
        .importCyberTiplineReports(
            ImportCyberTiplineReportsRequest.newBuilder()
                .addReports(
                    CyberTiplineReport.newBuilder()
                        .setReportNumber("148823456")
                        .setIncidentType("Online Enticement of Children for Sexual Acts")
                        .setIncidentTime(at(Duration.ofDays(5)))
                        .setReportingCompany(
                            CyberTiplineReportingCompany.newBuilder()
                                .setName("Example Social, Inc.")
                                .addUrls("https://social.example.com/u/sunny_abq505")
                                .addEmails("sunny.abq505@example.net")
                                .addScreenNames(
                                    CyberTiplineScreenName.newBuilder()
                                        .setPlatform("examplesocial")
                                        .setName("sunny_abq505"))
                                .addIpAddresses(
                                    CyberTiplineIpAddress.newBuilder()
                                        .setAddress("198.51.100.77")
                                        .setCaptureTime(at(Duration.ofDays(5)))))
                        .setAdditionalInformation(
                            "Adult account messaging a 14-year-old user, offering money to meet."))
                .build())
        .getTipsCount();
  }
}
