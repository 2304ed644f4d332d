package org.taskforce.local;

import static org.taskforce.local.DemoTipParts.base;
import static org.taskforce.local.DemoTipParts.id;
import static org.taskforce.local.DemoTipParts.loc;
import static org.taskforce.local.DemoTipParts.person;
import static org.taskforce.local.DemoTipParts.reporter;

import org.taskforce.api.intake.v1.CreateTipRequest;
import org.taskforce.api.intake.v1.IdentifierType;
import org.taskforce.api.intake.v1.Indicator;
import org.taskforce.api.intake.v1.Industry;
import org.taskforce.api.intake.v1.PersonRole;
import org.taskforce.api.intake.v1.Reporter;
import org.taskforce.api.intake.v1.Tip;
import org.taskforce.api.intake.v1.TipLocation;
import org.taskforce.api.intake.v1.TipSource;
import org.taskforce.api.intake.v1.TraffickingKind;

/**
 * The tips of the demo: a dozen from every source, as the hotline, the AGO's intake desk, officers
 * and partners enter them. Two are about the same motel (written differently), one is urgent (a
 * minor in commercial sex), one phone is APD's registered target, and one arrives in a CyberTipline
 * file. All go to the AGO's intake desk.
 */
final class DemoTips {
  static final String MOTEL = "5400 Central Ave SE";
  private final Client api;

  DemoTips(Client api) {
    this.api = api;
  }

  int load() {
    String hotline = api.userToken("crisis.advocate");
    String intake = api.userToken("ago.intake");
    String apd = api.userToken("apd.investigator");
    String bcso = api.userToken("bcso.investigator");
    String nnpd = api.userToken("nnpd.investigator");
    int n = 0;
    n +=
        tip(
            hotline,
            "demo-tip-1",
            base(TipSource.TIP_SOURCE_STATE_HOTLINE, 30)
                .setNarrative(
                    "Caller works nights at a motel; young women are brought to rooms by one man who collects cash.")
                .setLocation(loc("5400 Central Avenue Southeast", "motel"))
                .setFrequency("most nights, 10 pm to 3 am")
                .addPersons(person("Ray Montoya", 35, PersonRole.PERSON_ROLE_POSSIBLE_TRAFFICKER))
                .addIdentifiers(id(IdentifierType.IDENTIFIER_TYPE_PHONE, DemoData.SHARED_PHONE, ""))
                .setTraffickingKind(TraffickingKind.TRAFFICKING_KIND_SEX)
                .addIndustries(Industry.INDUSTRY_HOTEL_TOURISM)
                .addIndicators(Indicator.INDICATOR_CANNOT_SPEAK_ALONE)
                .addIndicators(Indicator.INDICATOR_CONTROLLED_MONEY),
            reporter("Lena Ortiz", "+15055550301"));
    n +=
        tip(
            intake,
            "demo-tip-2",
            base(TipSource.TIP_SOURCE_NHTH, 26)
                .setSourceReference("NHTH-2026-114502")
                .setNarrative(
                    "NHTH referral: guest reports girls who look under 18 in rooms 112 and 114.")
                .setLocation(loc(MOTEL, "motel"))
                .addPersons(
                    person("", 16, PersonRole.PERSON_ROLE_POSSIBLE_VICTIM)
                        .setDescription("girl, about 16, braids"))
                .setTraffickingKind(TraffickingKind.TRAFFICKING_KIND_SEX)
                .addIndustries(Industry.INDUSTRY_HOTEL_TOURISM)
                .addIndicators(Indicator.INDICATOR_MINOR_IN_COMMERCIAL_SEX),
            null);
    n +=
        tip(
            hotline,
            "demo-tip-3",
            base(TipSource.TIP_SOURCE_STATE_HOTLINE, 20)
                .setNarrative(
                    "Farmworkers say the crew boss keeps their passports and deducts rent and transport.")
                .setLocation(
                    TipLocation.newBuilder()
                        .setAddress("County Road 4 and NM-28")
                        .setCity("La Mesa")
                        .setState("NM")
                        .setBuildingType("farm"))
                .addPersons(person("Hector Ruiz", 50, PersonRole.PERSON_ROLE_POSSIBLE_TRAFFICKER))
                .setTraffickingKind(TraffickingKind.TRAFFICKING_KIND_LABOR)
                .addIndustries(Industry.INDUSTRY_AGRICULTURE)
                .addIndicators(Indicator.INDICATOR_IDENTITY_DOCUMENTS_HELD)
                .addIndicators(Indicator.INDICATOR_DEBT_BONDAGE),
            reporter("anonymous farmworker's cousin", ""));
    n +=
        tip(
            bcso,
            "demo-tip-4",
            base(TipSource.TIP_SOURCE_CITIZEN, 18)
                .setNarrative(
                    "Neighbour sees a van drop six women at a massage business at 7 am; they leave after midnight.")
                .setLocation(loc("2100 Juan Tabo Blvd NE", "massage business"))
                .addIdentifiers(id(IdentifierType.IDENTIFIER_TYPE_PLATE, "CKR 902", "NM"))
                .setTraffickingKind(TraffickingKind.TRAFFICKING_KIND_BOTH)
                .addIndustries(Industry.INDUSTRY_MASSAGE_PARLOR)
                .addIndicators(Indicator.INDICATOR_LIVES_WITH_EMPLOYER),
            null);
    n +=
        tip(
            apd,
            "demo-tip-5",
            base(TipSource.TIP_SOURCE_OFFICER_OBSERVATION, 15)
                .setNarrative(
                    "Traffic stop: driver with three phones and hotel key cards; passenger gave scripted answers.")
                .addPersons(person("Marcus Bell", 29, PersonRole.PERSON_ROLE_POSSIBLE_TRAFFICKER))
                .addIdentifiers(id(IdentifierType.IDENTIFIER_TYPE_PHONE, "+15055550318", ""))
                .addIdentifiers(
                    id(IdentifierType.IDENTIFIER_TYPE_HANDLE, "bellmarcus_abq", "instagram"))
                .setTraffickingKind(TraffickingKind.TRAFFICKING_KIND_SEX)
                .addIndustries(Industry.INDUSTRY_ESCORT_SERVICE)
                .addIndicators(Indicator.INDICATOR_SCRIPTED_ANSWERS),
            null);
    n +=
        tip(
            nnpd,
            "demo-tip-6",
            base(TipSource.TIP_SOURCE_PARTNER_AGENCY, 12)
                .setSourceReference("NNPD-26-0419")
                .setNarrative(
                    "Navajo Nation PD: recruiter offering hotel jobs in Albuquerque to young women in Shiprock.")
                .addPersons(
                    person("Dana Whitehorse", 0, PersonRole.PERSON_ROLE_POSSIBLE_TRAFFICKER))
                .addIdentifiers(id(IdentifierType.IDENTIFIER_TYPE_PHONE, "+15055550322", ""))
                .setTraffickingKind(TraffickingKind.TRAFFICKING_KIND_UNKNOWN)
                .addIndicators(Indicator.INDICATOR_FALSE_PROMISE_JOB_OR_PAY),
            null);
    n +=
        tip(
            hotline,
            "demo-tip-7",
            base(TipSource.TIP_SOURCE_STATE_HOTLINE, 10)
                .setNarrative(
                    "Restaurant cook sleeps in the storeroom and is never paid; owner threatens his family in Mexico.")
                .setLocation(loc("800 4th St SW", "restaurant"))
                .setTraffickingKind(TraffickingKind.TRAFFICKING_KIND_LABOR)
                .addIndustries(Industry.INDUSTRY_RESTAURANT)
                .addIndicators(Indicator.INDICATOR_UNPAID_OR_BARELY_PAID)
                .addIndicators(Indicator.INDICATOR_THREATS_TO_FAMILY),
            reporter("Tomás Baca", "+15055550307"));
    n +=
        tip(
            intake,
            "demo-tip-8",
            base(TipSource.TIP_SOURCE_NHTH, 8)
                .setSourceReference("NHTH-2026-114977")
                .setNarrative(
                    "Domestic worker in a gated home cannot leave; employer holds her visa.")
                .setLocation(loc("Tanoan Estates", "residence"))
                .setTraffickingKind(TraffickingKind.TRAFFICKING_KIND_LABOR)
                .addIndustries(Industry.INDUSTRY_DOMESTIC_SERVITUDE)
                .addIndicators(Indicator.INDICATOR_CONFINEMENT)
                .addIndicators(Indicator.INDICATOR_FALSE_PROMISE_IMMIGRATION),
            null);
    n +=
        tip(
            bcso,
            "demo-tip-9",
            base(TipSource.TIP_SOURCE_CITIZEN, 6)
                .setNarrative(
                    "Children selling candy door to door at night, driven by an adult who keeps the money.")
                .addIdentifiers(id(IdentifierType.IDENTIFIER_TYPE_PLATE, "BTZ 118", "NM"))
                .setTraffickingKind(TraffickingKind.TRAFFICKING_KIND_LABOR)
                .addIndustries(Industry.INDUSTRY_PEDDLING_PANHANDLING)
                .addIndicators(Indicator.INDICATOR_CONTROLLED_MONEY),
            null);
    n +=
        tip(
            apd,
            "demo-tip-10",
            base(TipSource.TIP_SOURCE_OFFICER_OBSERVATION, 4)
                .setNarrative(
                    "Strip club dancers say the manager fines them into debt and keeps their IDs.")
                .setLocation(loc("3300 San Mateo Blvd NE", "strip club"))
                .setTraffickingKind(TraffickingKind.TRAFFICKING_KIND_SEX)
                .addIndustries(Industry.INDUSTRY_STRIP_CLUB)
                .addIndicators(Indicator.INDICATOR_DEBT_BONDAGE)
                .addIndicators(Indicator.INDICATOR_IDENTITY_DOCUMENTS_HELD),
            null);
    n +=
        tip(
            hotline,
            "demo-tip-11",
            base(TipSource.TIP_SOURCE_STATE_HOTLINE, 2)
                .setNarrative(
                    "Modelling studio advertises 'photo shoots' and asks applicants to move into an apartment.")
                .addIdentifiers(
                    id(
                        IdentifierType.IDENTIFIER_TYPE_URL,
                        "https://abq-models.example.com/apply",
                        ""))
                .addIdentifiers(
                    id(IdentifierType.IDENTIFIER_TYPE_EMAIL, "casting@abq-models.example.com", ""))
                .setTraffickingKind(TraffickingKind.TRAFFICKING_KIND_SEX)
                .addIndustries(Industry.INDUSTRY_MODELING_STUDIO)
                .addIndicators(Indicator.INDICATOR_FALSE_PROMISE_JOB_OR_PAY),
            null);
    // One CyberTipline file with one report, imported by the AGO's intake coordinator.
    n += new DemoCyberTipline(api).load(intake);
    return n;
  }

  private int tip(String token, String requestId, Tip.Builder tip, Reporter reporter) {
    CreateTipRequest.Builder r = CreateTipRequest.newBuilder().setRequestId(requestId).setTip(tip);
    if (reporter != null) {
      r.setReporter(reporter);
    }
    api.tips(token).createTip(r.build());
    return 1;
  }
}
