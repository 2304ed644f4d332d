package org.taskforce.cases.intake.adapter.grpc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.taskforce.api.intake.v1.CyberTiplineReport;
import org.taskforce.api.intake.v1.CyberTiplineReportingCompany;
import org.taskforce.cases.intake.application.NewTip;
import org.taskforce.cases.intake.domain.IdentifierType;
import org.taskforce.cases.intake.domain.Indicator;
import org.taskforce.cases.intake.domain.Reporter;
import org.taskforce.cases.intake.domain.TipIdentifier;
import org.taskforce.cases.intake.domain.TipLocation;
import org.taskforce.cases.intake.domain.TipSource;
import org.taskforce.cases.intake.domain.TraffickingKind;
import org.taskforce.platform.error.Violations;

/**
 * NCMEC CyberTipline reports as tips: the report number becomes the source reference, the reporting
 * company's URLs, e-mails, screen names, IP addresses and phones become identifiers, and "Child Sex
 * Trafficking" (a minor in commercial sex) makes the tip urgent. The reporting company is the
 * reporter of record and is not sealed (it is an electronic service provider, not a person).
 * Report-level faults are named by their place in the file ({@code reports[3].report_number}).
 */
final class CyberTiplineMapping {
  /** NCMEC's published incident types. */
  static final Set<String> INCIDENT_TYPES =
      Set.of(
          "Child Pornography (possession, manufacture, and distribution)",
          "Child Sex Trafficking",
          "Child Sex Tourism",
          "Child Sexual Molestation",
          "Misleading Domain Name",
          "Misleading Words or Digital Images on the Internet",
          "Online Enticement of Children for Sexual Acts",
          "Unsolicited Obscene Material Sent to a Child");

  static final String SEX_TRAFFICKING = "Child Sex Trafficking";

  private CyberTiplineMapping() {}

  /** The reports as tips; {@code v} collects what is wrong with the file itself. */
  static List<NewTip> tips(List<CyberTiplineReport> reports, Instant now, Violations v) {
    List<NewTip> tips = new ArrayList<>();
    Set<String> numbers = new HashSet<>();
    for (int i = 0; i < reports.size(); i++) {
      CyberTiplineReport r = reports.get(i);
      String at = "reports[" + i + "].";
      String number = r.getReportNumber().strip();
      v.check(
          number.matches("[0-9]{1,20}"),
          at + "report_number",
          "must be the report's number (1 to 20 digits): " + Violations.quote(r.getReportNumber()));
      v.check(
          number.isEmpty() || numbers.add(number),
          at + "report_number",
          "appears twice in the file");
      v.check(
          INCIDENT_TYPES.contains(r.getIncidentType().strip()),
          at + "incident_type",
          "is not a CyberTipline incident type: " + Violations.quote(r.getIncidentType()));
      Instant incident = r.hasIncidentTime() ? TipMapping.instant(r.getIncidentTime()) : null;
      v.check(
          incident == null || !incident.isAfter(now.plusSeconds(300)),
          at + "incident_time",
          "is in the future");
      CyberTiplineReportingCompany c = r.getReportingCompany();
      v.check(
          c.getName().length() <= 200,
          at + "reporting_company.name",
          "must be at most 200 characters");
      int total =
          c.getUrlsCount()
              + c.getEmailsCount()
              + c.getScreenNamesCount()
              + c.getIpAddressesCount()
              + c.getPhonesCount();
      v.check(
          total <= 100,
          at + "reporting_company",
          "names at most 100 URLs, e-mails, screen names, IPs and phones (" + total + ")");
      List<TipIdentifier> ids = new ArrayList<>();
      String company = at + "reporting_company.";
      List<String> fields = new ArrayList<>();
      for (int k = 0; k < c.getUrlsCount(); k++) {
        ids.add(new TipIdentifier(IdentifierType.URL, c.getUrls(k), ""));
        fields.add(company + "urls[" + k + "]");
      }
      for (int k = 0; k < c.getEmailsCount(); k++) {
        ids.add(new TipIdentifier(IdentifierType.EMAIL, c.getEmails(k), ""));
        fields.add(company + "emails[" + k + "]");
      }
      for (int k = 0; k < c.getScreenNamesCount(); k++) {
        var s = c.getScreenNames(k);
        String platform = s.getPlatform().isBlank() ? c.getName() : s.getPlatform();
        ids.add(
            new TipIdentifier(
                IdentifierType.HANDLE, s.getName(), platform.toLowerCase(java.util.Locale.ROOT)));
        fields.add(company + "screen_names[" + k + "].name");
      }
      for (int k = 0; k < c.getIpAddressesCount(); k++) {
        ids.add(new TipIdentifier(IdentifierType.IP_ADDRESS, c.getIpAddresses(k).getAddress(), ""));
        fields.add(company + "ip_addresses[" + k + "].address");
      }
      for (int k = 0; k < c.getPhonesCount(); k++) {
        ids.add(new TipIdentifier(IdentifierType.PHONE, c.getPhones(k), ""));
        fields.add(company + "phones[" + k + "]");
      }
      // Each identifier checked where the file has it, so the violation names the file's field.
      if (total <= 100) {
        for (int k = 0; k < ids.size(); k++) {
          Violations one = new Violations();
          org.taskforce.cases.intake.application.IdentifierRules.check(one, "", ids.get(k));
          String field = fields.get(k);
          one.list().forEach(f -> v.add(field, f.description()));
        }
      }
      String narrative = r.getAdditionalInformation();
      v.check(
          narrative.length() <= NewTip.MAX_NARRATIVE,
          at + "additional_information",
          "must be at most "
              + NewTip.MAX_NARRATIVE
              + " characters ("
              + narrative.length()
              + " given)");
      tips.add(
          new NewTip(
              TipSource.CYBERTIPLINE,
              number,
              r.hasReceivedTime() ? TipMapping.instant(r.getReceivedTime()) : now,
              narrative,
              TipLocation.NONE,
              incident == null ? "" : "incident at " + incident,
              List.of(),
              total <= 100 ? ids : List.of(),
              TraffickingKind.SEX,
              List.of(),
              SEX_TRAFFICKING.equals(r.getIncidentType().strip())
                  ? List.of(Indicator.MINOR_IN_COMMERCIAL_SEX)
                  : List.of(),
              r.getIncidentType().strip(),
              Reporter.ANONYMOUS,
              ""));
    }
    return tips;
  }
}
