package org.taskforce.cases.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.taskforce.api.cases.v1.AddNoteRequest;
import org.taskforce.api.cases.v1.AddVictimRequest;
import org.taskforce.api.cases.v1.Case;
import org.taskforce.api.cases.v1.CaseServiceGrpc.CaseServiceBlockingStub;
import org.taskforce.api.cases.v1.CaseStatus;
import org.taskforce.api.cases.v1.CaseType;
import org.taskforce.api.cases.v1.ChangeCaseStatusRequest;
import org.taskforce.api.cases.v1.CreateCaseRequest;
import org.taskforce.api.cases.v1.CreateTaskRequest;
import org.taskforce.api.cases.v1.GetCaseRequest;
import org.taskforce.api.cases.v1.GetVictimSummaryRequest;
import org.taskforce.api.cases.v1.HandOffLeadRequest;
import org.taskforce.api.cases.v1.InviteParticipantRequest;
import org.taskforce.api.cases.v1.ListCaseEventsRequest;
import org.taskforce.api.cases.v1.ListCasesRequest;
import org.taskforce.api.cases.v1.ListNotesRequest;
import org.taskforce.api.cases.v1.ListSubjectsRequest;
import org.taskforce.api.cases.v1.ListTasksRequest;
import org.taskforce.api.cases.v1.ListVictimsRequest;
import org.taskforce.api.cases.v1.Note;
import org.taskforce.api.cases.v1.ParticipantRole;
import org.taskforce.api.cases.v1.RemoveParticipantRequest;
import org.taskforce.api.cases.v1.RemoveSubjectRequest;
import org.taskforce.api.cases.v1.RespondToInvitationRequest;
import org.taskforce.api.cases.v1.ReviewCaseRequest;
import org.taskforce.api.cases.v1.Subject;
import org.taskforce.api.cases.v1.Task;
import org.taskforce.api.cases.v1.TaskStatus;
import org.taskforce.api.cases.v1.UpdateTaskRequest;
import org.taskforce.api.cases.v1.UpdateVictimRequest;
import org.taskforce.api.cases.v1.Victim;
import org.taskforce.api.common.v1.AgencyRef;

/**
 * Who may call what, for every RPC: each role on the case, an invited agency, an agency not on the
 * case, the task-force commander (realm role taskforce-commander), an agency commander whose agency
 * is not on the case, the victim-service provider's commander, and partner systems of a member and
 * of a non-member. Agencies not on a case get NOT_FOUND — never PERMISSION_DENIED, which would tell
 * them it exists.
 */
class AuthorizationMatrixTest extends CaseTestBase {
  static final String OK = "OK";
  static final String DENIED = "PERMISSION_DENIED";
  static final String HIDDEN = "NOT_FOUND";
  static final String NOT_NOW = "FAILED_PRECONDITION";

  /** Callers, in the column order of {@link #matrix()}. */
  enum Caller {
    LEAD,
    SUPPORTING,
    PROSECUTION,
    VICTIM_ADVOCATE,
    INVITED,
    NON_MEMBER,
    TASKFORCE_COMMANDER,
    AGENCY_COMMANDER,
    PROVIDER_COMMANDER,
    MEMBER_PARTNER_SYSTEM,
    OUTSIDE_PARTNER_SYSTEM;

    String token() {
      return switch (this) {
        case LEAD -> ago();
        case SUPPORTING -> hsi();
        case PROSECUTION -> usao();
        case VICTIM_ADVOCATE -> advocate();
        case INVITED -> apd();
        case NON_MEMBER -> fbi();
        case TASKFORCE_COMMANDER -> taskForceCommander();
        case AGENCY_COMMANDER -> commander();
        case PROVIDER_COMMANDER -> providerCommander();
        case MEMBER_PARTNER_SYSTEM -> partnerOf(HSI, "FEDERAL");
        case OUTSIDE_PARTNER_SYSTEM -> partnerOf(FBI, "FEDERAL");
      };
    }

    String agency() {
      return switch (this) {
        case LEAD -> AGO;
        case SUPPORTING, MEMBER_PARTNER_SYSTEM -> HSI;
        case PROSECUTION -> USAO;
        case VICTIM_ADVOCATE, PROVIDER_COMMANDER -> CRISIS;
        case INVITED -> APD;
        case NON_MEMBER, OUTSIDE_PARTNER_SYSTEM -> FBI;
        case TASKFORCE_COMMANDER, AGENCY_COMMANDER -> BCSO;
      };
    }
  }

  /** Expected outcome per RPC, one column per {@link Caller}. */
  static Map<String, List<String>> matrix() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    // columns: LEAD SUPPORTING PROSECUTION VICTIM_ADVOCATE INVITED NON_MEMBER TASKFORCE_COMMANDER
    //          AGENCY_COMMANDER PROVIDER_COMMANDER MEMBER_PARTNER_SYSTEM OUTSIDE_PARTNER_SYSTEM
    List<String> lead =
        row(OK, DENIED, DENIED, DENIED, DENIED, HIDDEN, DENIED, HIDDEN, DENIED, DENIED, HIDDEN);
    List<String> read = row(OK, OK, OK, OK, DENIED, HIDDEN, OK, HIDDEN, OK, OK, HIDDEN);
    List<String> victims =
        row(DENIED, DENIED, DENIED, OK, DENIED, HIDDEN, DENIED, HIDDEN, DENIED, DENIED, HIDDEN);
    List<String> investigating =
        row(OK, OK, DENIED, DENIED, DENIED, HIDDEN, DENIED, HIDDEN, DENIED, OK, HIDDEN);
    m.put("GetCase", row(OK, OK, OK, OK, OK, HIDDEN, OK, HIDDEN, OK, OK, HIDDEN));
    m.put("ListCases", row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK));
    m.put("CreateCase", row(OK, OK, OK, DENIED, OK, OK, OK, OK, DENIED, DENIED, DENIED));
    m.put("UpdateCase", lead);
    m.put("ChangeCaseStatus", lead);
    m.put("ReviewCase", lead);
    m.put("InviteParticipant", lead);
    m.put(
        "RespondToInvitation",
        row(
            NOT_NOW, NOT_NOW, NOT_NOW, NOT_NOW, OK, HIDDEN, NOT_NOW, HIDDEN, NOT_NOW, DENIED,
            HIDDEN));
    m.put(
        "RemoveParticipant",
        row(OK, DENIED, DENIED, DENIED, OK, HIDDEN, DENIED, HIDDEN, DENIED, DENIED, HIDDEN));
    m.put("HandOffLead", lead);
    m.put("ListSubjects", read);
    m.put("AddSubject", investigating);
    m.put("RemoveSubject", investigating);
    m.put("ListTasks", read);
    m.put(
        "CreateTask", row(OK, OK, OK, DENIED, DENIED, HIDDEN, DENIED, HIDDEN, DENIED, OK, HIDDEN));
    m.put("UpdateTask", investigating);
    m.put("ListNotes", read);
    m.put("AddNote", row(OK, OK, OK, OK, DENIED, HIDDEN, DENIED, HIDDEN, OK, OK, HIDDEN));
    m.put("ListVictims", victims);
    m.put("AddVictim", victims);
    m.put("UpdateVictim", victims);
    m.put("GetVictimSummary", read);
    m.put("ListCaseEvents", read);
    // deconfliction-service's announcements: no user or partner system may make one.
    m.put(
        "RecordSubjectDeconfliction",
        row(
            DENIED, DENIED, DENIED, DENIED, DENIED, DENIED, DENIED, DENIED, DENIED, DENIED,
            DENIED));
    return m;
  }

  static Stream<Arguments> cells() {
    List<Arguments> cells = new ArrayList<>();
    matrix()
        .forEach((rpc, row) -> {
          for (Caller caller : Caller.values()) {
            cells.add(Arguments.of(rpc, caller, row.get(caller.ordinal())));
          }
        });
    return cells.stream();
  }

  @ParameterizedTest(name = "{0} by {1} -> {2}")
  @MethodSource("cells")
  void everyRpcForEveryCaller(String rpc, Caller caller, String expected) {
    Fixture f = fixture();
    String outcome = outcome(() -> call(rpc, as(caller.token()), caller, f));
    assertThat(outcome).as(rpc + " by " + caller).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void theMatrixCoversEveryRpcOfTheContract() {
    List<String> rpcs =
        org.taskforce.api.cases.v1.CaseServiceGrpc.getServiceDescriptor().getMethods().stream()
            .map(m -> m.getBareMethodName())
            .toList();
    assertThat(matrix().keySet()).containsExactlyInAnyOrderElementsOf(rpcs);
  }

  record Fixture(Case c, Subject subject, Task task, Victim victim) {}

  private Fixture fixture() {
    Case c = jointCase();
    Subject s = addPhoneSubject(c, "+15055550123");
    Task t =
        createTask(
            ago(),
            c,
            Task.newBuilder().setTitle("Subpoena hotel records").setAssigneeAgencyId(HSI));
    Victim v = addVictim(c, Victim.newBuilder().setDisplayName("V-1").setPreferredLanguage("es"));
    Case current = current(c);
    return new Fixture(current, s, t, v);
  }

  private static Object call(String rpc, CaseServiceBlockingStub stub, Caller caller, Fixture f) {
    String id = f.c().getCaseId();
    String etag = f.c().getEtag();
    return switch (rpc) {
      case "GetCase" -> stub.getCase(GetCaseRequest.newBuilder().setCaseId(id).build());
      case "ListCases" -> stub.listCases(ListCasesRequest.getDefaultInstance());
      case "CreateCase" ->
          stub.createCase(
              CreateCaseRequest.newBuilder()
                  .setCase(Case.newBuilder().setTitle("New").setCaseType(CaseType.CASE_TYPE_OTHER))
                  .build());
      case "UpdateCase" ->
          stub.updateCase(caseUpdate(f.c(), b -> b.setSummary("changed"), "summary"));
      case "ChangeCaseStatus" ->
          stub.changeCaseStatus(
              ChangeCaseStatusRequest.newBuilder()
                  .setCaseId(id)
                  .setStatus(CaseStatus.CASE_STATUS_ACTIVE)
                  .setEtag(etag)
                  .build());
      case "ReviewCase" ->
          stub.reviewCase(
              ReviewCaseRequest.newBuilder()
                  .setCaseId(id)
                  .setNextReviewDate(CaseMapping.date(LocalDate.now().plusYears(1)))
                  .setEtag(etag)
                  .build());
      case "InviteParticipant" ->
          stub.inviteParticipant(
              InviteParticipantRequest.newBuilder()
                  .setCaseId(id)
                  .setAgency(AgencyRef.newBuilder().setAgencyId(NNPD))
                  .setRole(ParticipantRole.PARTICIPANT_ROLE_SUPPORTING)
                  .setEtag(etag)
                  .build());
      case "RespondToInvitation" ->
          stub.respondToInvitation(
              RespondToInvitationRequest.newBuilder()
                  .setCaseId(id)
                  .setAgencyId(caller.agency())
                  .setAccept(true)
                  .build());
      case "RemoveParticipant" ->
          stub.removeParticipant(
              RemoveParticipantRequest.newBuilder()
                  .setCaseId(id)
                  .setAgencyId(APD)
                  .setEtag(etag)
                  .build());
      case "HandOffLead" ->
          stub.handOffLead(
              HandOffLeadRequest.newBuilder()
                  .setCaseId(id)
                  .setNewLeadAgencyId(HSI)
                  .setPreviousLeadRole(ParticipantRole.PARTICIPANT_ROLE_SUPPORTING)
                  .setEtag(etag)
                  .build());
      case "ListSubjects" ->
          stub.listSubjects(ListSubjectsRequest.newBuilder().setCaseId(id).build());
      case "AddSubject" -> stub.addSubject(subject(id, "vehicle owner", person("Ana", "Ruiz")));
      case "RemoveSubject" ->
          stub.removeSubject(
              RemoveSubjectRequest.newBuilder()
                  .setCaseId(id)
                  .setSubjectId(f.subject().getSubjectId())
                  .build());
      case "ListTasks" -> stub.listTasks(ListTasksRequest.newBuilder().setCaseId(id).build());
      case "CreateTask" ->
          stub.createTask(
              CreateTaskRequest.newBuilder()
                  .setCaseId(id)
                  .setTask(Task.newBuilder().setTitle("Canvass").setAssigneeAgencyId(AGO))
                  .build());
      case "UpdateTask" ->
          stub.updateTask(
              UpdateTaskRequest.newBuilder()
                  .setTask(f.task().toBuilder().setStatus(TaskStatus.TASK_STATUS_IN_PROGRESS))
                  .setUpdateMask(FieldMask.newBuilder().addPaths("status"))
                  .build());
      case "ListNotes" -> stub.listNotes(ListNotesRequest.newBuilder().setCaseId(id).build());
      case "AddNote" ->
          stub.addNote(
              AddNoteRequest.newBuilder()
                  .setCaseId(id)
                  .setNote(Note.newBuilder().setText("Interview scheduled"))
                  .build());
      case "ListVictims" -> stub.listVictims(ListVictimsRequest.newBuilder().setCaseId(id).build());
      case "AddVictim" ->
          stub.addVictim(
              AddVictimRequest.newBuilder()
                  .setCaseId(id)
                  .setVictim(Victim.newBuilder().setDisplayName("V-2"))
                  .build());
      case "UpdateVictim" ->
          stub.updateVictim(
              UpdateVictimRequest.newBuilder()
                  .setVictim(f.victim().toBuilder().setConsentToShare(true))
                  .setUpdateMask(FieldMask.newBuilder().addPaths("consent_to_share"))
                  .build());
      case "GetVictimSummary" ->
          stub.getVictimSummary(GetVictimSummaryRequest.newBuilder().setCaseId(id).build());
      case "ListCaseEvents" ->
          stub.listCaseEvents(ListCaseEventsRequest.newBuilder().setCaseId(id).build());
      case "RecordSubjectDeconfliction" ->
          stub.recordSubjectDeconfliction(
              org.taskforce.api.cases.v1.RecordSubjectDeconflictionRequest.newBuilder()
                  .setRegistrationId(f.subject().getTargetRegistrationId())
                  .setAgencyId(HSI)
                  .setRequestId(f.subject().getSubjectId())
                  .setDeconflictionState(
                      org.taskforce.api.cases.v1.DeconflictionState.DECONFLICTION_STATE_CONFLICT)
                  .setStateVersion(1)
                  .build());
      default -> throw new IllegalArgumentException(rpc);
    };
  }

  private static String outcome(Supplier<Object> call) {
    try {
      call.get();
      return OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode() == Status.Code.OK ? OK : e.getStatus().getCode().name();
    }
  }

  private static List<String> row(String... outcomes) {
    return List.of(outcomes);
  }
}
