package org.taskforce.cases.intake.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.taskforce.api.common.v1.PointOfContact;
import org.taskforce.api.intake.v1.AssignTipRequest;
import org.taskforce.api.intake.v1.CloseReason;
import org.taskforce.api.intake.v1.ConvertTipToCaseRequest;
import org.taskforce.api.intake.v1.CreateTipRequest;
import org.taskforce.api.intake.v1.CyberTiplineReport;
import org.taskforce.api.intake.v1.ExportTipOutcomesRequest;
import org.taskforce.api.intake.v1.GetTipRequest;
import org.taskforce.api.intake.v1.ImportCyberTiplineReportsRequest;
import org.taskforce.api.intake.v1.LinkTipToCaseRequest;
import org.taskforce.api.intake.v1.ListRelatedTipsRequest;
import org.taskforce.api.intake.v1.ListTipsRequest;
import org.taskforce.api.intake.v1.ReferTipRequest;
import org.taskforce.api.intake.v1.RevealReporterRequest;
import org.taskforce.api.intake.v1.ScreenTipRequest;
import org.taskforce.api.intake.v1.Tip;
import org.taskforce.api.intake.v1.TipServiceGrpc;
import org.taskforce.api.intake.v1.TipSource;
import org.taskforce.platform.testing.ErrorDetails;

/**
 * Every TipService RPC for every kind of caller (role × agency × the agency a tip is assigned or
 * referred to), each on a fresh tip: received by AGO and assigned to APD, or referred to NNPD. A
 * tip is NOT_FOUND to everyone it is not shared with — the task-force commander, other agencies,
 * partner systems, the hotline that entered it — and a refused call changes nothing.
 */
class TipAuthorizationMatrixTest extends IntakeTestBase {
  static final Status.Code OK = Status.Code.OK;
  static final Status.Code NF = Status.Code.NOT_FOUND;
  static final Status.Code PD = Status.Code.PERMISSION_DENIED;
  static final Status.Code UN = Status.Code.UNAUTHENTICATED;
  static final Status.Code FP = Status.Code.FAILED_PRECONDITION;

  /** Callers by name; null is "no token". */
  static Map<String, String> callers() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("ago intake coordinator", coordinatorOnly(AGO, "STATE"));
    c.put("ago investigator", agoInvestigator());
    c.put("apd investigator (assigned)", investigator(APD, "LOCAL"));
    c.put("nnpd coordinator (referred)", coordinatorOnly(NNPD, "TRIBAL"));
    c.put("hsi coordinator", coordinatorOnly(HSI, "FEDERAL"));
    c.put(
        "task-force commander",
        REALM.user("tfc", AGO, "STATE", "commander", "taskforce-commander").mint());
    c.put("ago partner system", partnerOf(AGO, "STATE"));
    c.put("hotline advocate", hotline());
    c.put("no token", null);
    return c;
  }

  /** Expected codes per caller, in {@link #callers()} order. */
  static final Map<String, List<Status.Code>> ASSIGNED_TIP = new LinkedHashMap<>();

  static final Map<String, List<Status.Code>> REFERRED_TIP = new LinkedHashMap<>();

  static {
    //                                     agoC agoI apdI nnpd hsiC tfc  part hotl none
    ASSIGNED_TIP.put("GetTip", List.of(OK, OK, OK, NF, NF, NF, NF, NF, UN));
    ASSIGNED_TIP.put("ListRelatedTips", List.of(OK, OK, OK, NF, NF, NF, NF, NF, UN));
    ASSIGNED_TIP.put("ScreenTip", List.of(OK, PD, OK, NF, NF, NF, NF, NF, UN));
    ASSIGNED_TIP.put("CloseTip", List.of(OK, PD, OK, NF, NF, NF, NF, NF, UN));
    ASSIGNED_TIP.put("MergeTips", List.of(OK, PD, OK, NF, NF, NF, NF, NF, UN));
    ASSIGNED_TIP.put("AssignTip", List.of(OK, PD, PD, NF, NF, NF, NF, NF, UN));
    ASSIGNED_TIP.put("ReferTip", List.of(OK, PD, PD, NF, NF, NF, NF, NF, UN));
    ASSIGNED_TIP.put("RevealReporter", List.of(OK, PD, PD, NF, NF, NF, NF, NF, UN));
    // Opening a case needs the case rights too: a coordinator who is not an investigator may not.
    ASSIGNED_TIP.put("ConvertTipToCase", List.of(PD, PD, OK, NF, NF, NF, NF, NF, UN));
    // Linking needs the case to be visible to the caller: AGO's case is, to AGO's people.
    ASSIGNED_TIP.put("LinkTipToCase", List.of(OK, PD, NF, NF, NF, NF, NF, NF, UN));
    REFERRED_TIP.put("GetTip", List.of(OK, OK, NF, OK, NF, NF, NF, NF, UN));
    REFERRED_TIP.put("ScreenTip", List.of(FP, PD, NF, PD, NF, NF, NF, NF, UN));
    REFERRED_TIP.put("RevealReporter", List.of(OK, PD, NF, PD, NF, NF, NF, NF, UN));
  }

  static final Map<String, List<Status.Code>> NO_TIP = new LinkedHashMap<>();

  static {
    NO_TIP.put("ListTips", List.of(OK, OK, OK, OK, OK, PD, PD, PD, UN));
    NO_TIP.put("CreateTip", List.of(OK, OK, OK, OK, OK, OK, OK, OK, UN));
    NO_TIP.put("ImportCyberTiplineReports", List.of(OK, PD, PD, OK, OK, PD, OK, PD, UN));
    NO_TIP.put("ExportTipOutcomes", List.of(OK, PD, PD, OK, OK, PD, PD, PD, UN));
  }

  @Test
  void everyRpc_forEveryCaller_onATipAssignedToApd() {
    List<String> wrong = new ArrayList<>();
    ASSIGNED_TIP.forEach((rpc, expected) -> run(rpc, expected, this::assignedTip, wrong));
    assertThat(wrong).isEmpty();
  }

  @Test
  void everyRpc_forEveryCaller_onATipReferredToNnpd() {
    List<String> wrong = new ArrayList<>();
    REFERRED_TIP.forEach((rpc, expected) -> run(rpc, expected, this::referredTip, wrong));
    assertThat(wrong).isEmpty();
  }

  @Test
  void rpcsAboutNoTip_forEveryCaller() {
    List<String> wrong = new ArrayList<>();
    NO_TIP.forEach((rpc, expected) -> run(rpc, expected, () -> null, wrong));
    assertThat(wrong).isEmpty();
  }

  /**
   * Converting opens a case the caller's agency leads: it takes the case rights (investigator or
   * commander) as CreateCase does. On a tip AGO received and assigned to itself, AGO's coordinator
   * who is only that is refused with a reason that says what to do instead (link to a case AGO is
   * on, or leave it to an investigator); AGO's investigators convert.
   */
  @Test
  void convertingATipAssignedToTheReceivingAgency_takesCaseRights() {
    Map<String, String> who = new LinkedHashMap<>();
    who.put("ago intake coordinator", coordinatorOnly(AGO, "STATE"));
    who.put("ago coordinator and investigator", agoCoordinator());
    who.put("ago investigator", agoInvestigator());
    who.put("ago commander", REALM.user("ago-cmdr", AGO, "STATE", "commander").mint());
    who.put("apd investigator", investigator(APD, "LOCAL"));
    who.put("hsi coordinator and investigator", hsiCoordinatorAndInvestigator());
    // A commander reads no tips (tips are for intake coordinators and investigators): NOT_FOUND.
    List<Status.Code> expected = List.of(PD, OK, OK, NF, NF, NF);
    List<String> wrong = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, String> caller : who.entrySet()) {
      Tip tip = assignedTo(AGO);
      Status.Code got = OK;
      String reason = "";
      try {
        var converted =
            tips(caller.getValue())
                .convertTipToCase(
                    ConvertTipToCaseRequest.newBuilder()
                        .setTipId(tip.getTipId())
                        .setTitle("From a tip")
                        .setEtag(tip.getEtag())
                        .setPointOfContact(
                            PointOfContact.newBuilder()
                                .setDisplayName("Agent Baca")
                                .setPhone("+15055550122"))
                        .build());
        if (!converted.getCaseNumber().startsWith("NMHTTF-")) {
          wrong.add(caller.getKey() + ": no case number");
        }
      } catch (StatusRuntimeException e) {
        got = e.getStatus().getCode();
        reason = ErrorDetails.reason(e);
      }
      if (got != expected.get(i)) {
        wrong.add(caller.getKey() + ": expected " + expected.get(i) + ", got " + got);
      }
      if (got == PD && !reason.equals("CASE_RIGHTS_REQUIRED")) {
        wrong.add(caller.getKey() + ": refused as " + reason + ", not CASE_RIGHTS_REQUIRED");
      }
      i++;
    }
    assertThat(wrong).isEmpty();
    // Nothing was opened for the refused: only the two conversions made cases.
    assertThat(database.getCollection("cases").countDocuments()).isEqualTo(2);
  }

  private static String hsiCoordinatorAndInvestigator() {
    return REALM.user("hsi-intake", HSI, "FEDERAL", "intake-coordinator", "investigator").mint();
  }

  private Tip assignedTo(String agency) {
    Tip t = enter(hotline(), motelTip("505-555-0175"));
    return assign(agoCoordinator(), t, agency, "Agent Baca");
  }

  private void run(
      String rpc,
      List<Status.Code> expected,
      java.util.function.Supplier<Tip> fixture,
      List<String> wrong) {
    int i = 0;
    for (Map.Entry<String, String> caller : callers().entrySet()) {
      Tip tip = fixture.get();
      Status.Code got = call(rpc, caller.getValue(), tip);
      if (got != expected.get(i)) {
        wrong.add(
            rpc + " as " + caller.getKey() + ": expected " + expected.get(i) + ", got " + got);
      }
      if (got != OK && tip != null) {
        Tip after =
            tips(agoCoordinator())
                .getTip(GetTipRequest.newBuilder().setTipId(tip.getTipId()).build())
                .getTip();
        if (!after.getEtag().equals(tip.getEtag())) {
          wrong.add(rpc + " as " + caller.getKey() + ": refused, yet the tip changed");
        }
      }
      i++;
    }
  }

  private Tip assignedTip() {
    return assignedToApd("505-555-0171");
  }

  private Tip referredTip() {
    Tip t = enter(hotline(), motelTip("505-555-0172"));
    return tips(agoCoordinator())
        .referTip(
            ReferTipRequest.newBuilder()
                .setTipId(t.getTipId())
                .setAgencyId(NNPD)
                .setEtag(t.getEtag())
                .build())
        .getTip();
  }

  private Status.Code call(String rpc, String token, Tip tip) {
    TipServiceGrpc.TipServiceBlockingStub stub =
        token == null ? TipServiceGrpc.newBlockingStub(channel) : tips(token);
    Map<String, BiConsumer<TipServiceGrpc.TipServiceBlockingStub, Tip>> calls =
        new LinkedHashMap<>();
    calls.put(
        "GetTip", (s, t) -> s.getTip(GetTipRequest.newBuilder().setTipId(t.getTipId()).build()));
    calls.put(
        "ListRelatedTips",
        (s, t) ->
            s.listRelatedTips(ListRelatedTipsRequest.newBuilder().setTipId(t.getTipId()).build()));
    calls.put(
        "ScreenTip",
        (s, t) ->
            s.screenTip(
                ScreenTipRequest.newBuilder().setTipId(t.getTipId()).setEtag(t.getEtag()).build()));
    calls.put("CloseTip", (s, t) -> s.closeTip(closing(t, CloseReason.CLOSE_REASON_NO_INDICATORS)));
    calls.put(
        "MergeTips",
        (s, t) -> {
          Tip other = enter(hotline(), motelTip("505-555-0173"));
          assign(agoCoordinator(), other, APD, "Det. Chavez");
          s.mergeTips(merging(t, other));
        });
    calls.put(
        "AssignTip",
        (s, t) ->
            s.assignTip(
                AssignTipRequest.newBuilder()
                    .setTipId(t.getTipId())
                    .setOfficer("Agent Baca")
                    .setEtag(t.getEtag())
                    .build()));
    calls.put(
        "ReferTip",
        (s, t) ->
            s.referTip(
                ReferTipRequest.newBuilder()
                    .setTipId(t.getTipId())
                    .setAgencyId(FBI)
                    .setEtag(t.getEtag())
                    .build()));
    calls.put(
        "RevealReporter",
        (s, t) ->
            s.revealReporter(
                RevealReporterRequest.newBuilder()
                    .setTipId(t.getTipId())
                    .setPurpose("call-back to confirm the address")
                    .build()));
    calls.put(
        "ConvertTipToCase",
        (s, t) ->
            s.convertTipToCase(
                ConvertTipToCaseRequest.newBuilder()
                    .setTipId(t.getTipId())
                    .setTitle("From a tip")
                    .setEtag(t.getEtag())
                    .setPointOfContact(
                        PointOfContact.newBuilder()
                            .setDisplayName("Det. Chavez")
                            .setPhone("+15055550122"))
                    .build()));
    calls.put(
        "LinkTipToCase",
        (s, t) -> {
          String caseId = createCase(ago(), "AGO's own case").getCaseId();
          s.linkTipToCase(
              LinkTipToCaseRequest.newBuilder()
                  .setTipId(t.getTipId())
                  .setCaseId(caseId)
                  .setEtag(t.getEtag())
                  .build());
        });
    calls.put("ListTips", (s, t) -> s.listTips(ListTipsRequest.getDefaultInstance()));
    calls.put(
        "CreateTip",
        (s, t) ->
            s.createTip(CreateTipRequest.newBuilder().setTip(motelTip("505-555-0174")).build()));
    calls.put(
        "ImportCyberTiplineReports",
        (s, t) ->
            s.importCyberTiplineReports(
                ImportCyberTiplineReportsRequest.newBuilder()
                    .addReports(
                        CyberTiplineReport.newBuilder()
                            .setReportNumber("1" + System.nanoTime() % 100000000)
                            .setIncidentType("Child Sex Trafficking"))
                    .build()));
    calls.put(
        "ExportTipOutcomes",
        (s, t) ->
            s.exportTipOutcomes(
                ExportTipOutcomesRequest.newBuilder()
                    .setSource(TipSource.TIP_SOURCE_STATE_HOTLINE)
                    .build()));
    try {
      calls.get(rpc).accept(stub, tip);
      return OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode();
    }
  }
}
