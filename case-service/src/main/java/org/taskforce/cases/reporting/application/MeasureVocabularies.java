package org.taskforce.cases.reporting.application;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value lists {@link CaseMeasures} break down by, in the report's order, with their labels:
 * kinds of trafficking, industries, agency types, tip sources and decisions, charges, training
 * audiences.
 */
final class MeasureVocabularies {
  private MeasureVocabularies() {}

  static final Map<String, String> CASE_KINDS =
      labels(
          "SEX_TRAFFICKING", "Sex trafficking",
          "LABOR_TRAFFICKING", "Labor trafficking",
          "SEX_AND_LABOR", "Sex and labor trafficking",
          "OTHER", "Other or unknown");

  /** The task force's industry list (the one tips use). */
  static final Map<String, String> INDUSTRIES =
      labels(
          "COMMERCIAL_SEX_VENUE", "Commercial sex venues",
          "ESCORT_SERVICE", "Escort services",
          "MASSAGE_PARLOR", "Massage parlors",
          "STRIP_CLUB", "Strip clubs",
          "PORNOGRAPHY", "Pornography",
          "MODELING_STUDIO", "Modeling studios",
          "AGRICULTURE", "Agriculture and farming",
          "LANDSCAPING_CONSTRUCTION", "Landscaping and construction",
          "HOTEL_TOURISM", "Hotels and tourism",
          "RESTAURANT", "Restaurants",
          "DOMESTIC_SERVITUDE", "Domestic servitude",
          "PEDDLING_PANHANDLING", "Peddling and panhandling");

  static final Map<String, String> AGENCY_TYPES =
      labels(
          "LOCAL",
          "Local",
          "STATE",
          "State",
          "TRIBAL",
          "Tribal",
          "FEDERAL",
          "Federal",
          "SERVICE_PROVIDER",
          "Service provider");
  static final Map<String, String> TIP_SOURCES =
      labels(
          "NHTH", "National Human Trafficking Hotline",
          "STATE_HOTLINE", "State hotline",
          "CYBERTIPLINE", "NCMEC CyberTipline",
          "CITIZEN", "Citizens",
          "PARTNER_AGENCY", "Partner agencies",
          "OFFICER_OBSERVATION", "Officer observation");
  static final Map<String, String> TIP_DECISIONS =
      labels(
          "CONVERTED", "Converted to a case",
          "LINKED", "Linked to a case",
          "REFERRED", "Referred",
          "CLOSED", "Closed");
  static final Map<String, String> CHARGES =
      labels(
          "STATE_TRAFFICKING", "State trafficking statute",
          "FEDERAL_TRAFFICKING", "Federal trafficking statute",
          "OTHER", "Other charges");
  static final Map<String, String> AUDIENCES =
      labels(
          "LAW_ENFORCEMENT", "Law enforcement",
          "CORRECTIONS", "Corrections",
          "SERVICE_PROVIDERS_AND_MEDICAL", "Service providers and medical staff",
          "HOSPITALITY", "Hospitality",
          "IMMIGRATION_SERVICES", "Immigration services",
          "CHILD_WELFARE", "Child welfare",
          "SART_TEAMS", "SART teams",
          "FAITH_COMMUNITIES", "Faith communities",
          "SCHOOLS", "Schools",
          "TRIBAL_COMMUNITIES", "Tribal communities");

  static Map<String, String> labels(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }
}
