package org.taskforce.cases.adapter.grpc;

import io.grpc.stub.StreamObserver;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Supplier;
import org.taskforce.api.cases.v1.AddNoteRequest;
import org.taskforce.api.cases.v1.AddNoteResponse;
import org.taskforce.api.cases.v1.AddSubjectRequest;
import org.taskforce.api.cases.v1.AddSubjectResponse;
import org.taskforce.api.cases.v1.AddVictimRequest;
import org.taskforce.api.cases.v1.AddVictimResponse;
import org.taskforce.api.cases.v1.Case;
import org.taskforce.api.cases.v1.CaseServiceGrpc;
import org.taskforce.api.cases.v1.CaseStatus;
import org.taskforce.api.cases.v1.ChangeCaseStatusRequest;
import org.taskforce.api.cases.v1.ChangeCaseStatusResponse;
import org.taskforce.api.cases.v1.CreateCaseRequest;
import org.taskforce.api.cases.v1.CreateCaseResponse;
import org.taskforce.api.cases.v1.CreateTaskRequest;
import org.taskforce.api.cases.v1.CreateTaskResponse;
import org.taskforce.api.cases.v1.GetCaseRequest;
import org.taskforce.api.cases.v1.GetCaseResponse;
import org.taskforce.api.cases.v1.GetVictimSummaryRequest;
import org.taskforce.api.cases.v1.GetVictimSummaryResponse;
import org.taskforce.api.cases.v1.HandOffLeadRequest;
import org.taskforce.api.cases.v1.HandOffLeadResponse;
import org.taskforce.api.cases.v1.InviteParticipantRequest;
import org.taskforce.api.cases.v1.InviteParticipantResponse;
import org.taskforce.api.cases.v1.ListCaseEventsRequest;
import org.taskforce.api.cases.v1.ListCaseEventsResponse;
import org.taskforce.api.cases.v1.ListCasesRequest;
import org.taskforce.api.cases.v1.ListCasesResponse;
import org.taskforce.api.cases.v1.ListNotesRequest;
import org.taskforce.api.cases.v1.ListNotesResponse;
import org.taskforce.api.cases.v1.ListSubjectsRequest;
import org.taskforce.api.cases.v1.ListSubjectsResponse;
import org.taskforce.api.cases.v1.ListTasksRequest;
import org.taskforce.api.cases.v1.ListTasksResponse;
import org.taskforce.api.cases.v1.ListVictimsRequest;
import org.taskforce.api.cases.v1.ListVictimsResponse;
import org.taskforce.api.cases.v1.RemoveParticipantRequest;
import org.taskforce.api.cases.v1.RemoveParticipantResponse;
import org.taskforce.api.cases.v1.RemoveSubjectRequest;
import org.taskforce.api.cases.v1.RemoveSubjectResponse;
import org.taskforce.api.cases.v1.RespondToInvitationRequest;
import org.taskforce.api.cases.v1.RespondToInvitationResponse;
import org.taskforce.api.cases.v1.ReviewCaseRequest;
import org.taskforce.api.cases.v1.ReviewCaseResponse;
import org.taskforce.api.cases.v1.Subject;
import org.taskforce.api.cases.v1.Task;
import org.taskforce.api.cases.v1.UpdateCaseRequest;
import org.taskforce.api.cases.v1.UpdateCaseResponse;
import org.taskforce.api.cases.v1.UpdateTaskRequest;
import org.taskforce.api.cases.v1.UpdateTaskResponse;
import org.taskforce.api.cases.v1.UpdateVictimRequest;
import org.taskforce.api.cases.v1.UpdateVictimResponse;
import org.taskforce.api.cases.v1.Victim;
import org.taskforce.cases.application.Cases;
import org.taskforce.cases.application.Ids;
import org.taskforce.cases.application.Notes;
import org.taskforce.cases.application.Page;
import org.taskforce.cases.application.SubjectConflicts;
import org.taskforce.cases.application.Subjects;
import org.taskforce.cases.application.Tasks;
import org.taskforce.cases.application.Timeline;
import org.taskforce.cases.application.Victims;
import org.taskforce.cases.domain.CaseTask;
import org.taskforce.cases.domain.DeconflictionState;
import org.taskforce.cases.domain.JointCase;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.grpc.CallerContext;
import org.taskforce.platform.security.AgencyPrincipal;

/** The CaseService contract over the use cases; authorisation and audit live in the use cases. */
public final class CaseGrpcService extends CaseServiceGrpc.CaseServiceImplBase {
  static final Set<String> CASE_FIELDS =
      Set.of("title", "case_type", "jurisdictions", "summary", "review_date");
  static final Set<String> TASK_FIELDS =
      Set.of(
          "title", "description", "assignee_agency_id", "assignee_subject", "due_date", "status");
  static final Set<String> VICTIM_FIELDS =
      Set.of(
          "display_name",
          "date_of_birth",
          "preferred_language",
          "minor",
          "services_engaged",
          "consent_to_share",
          "identification",
          "citizenship");

  private final Cases cases;
  private final Subjects subjects;
  private final Tasks tasks;
  private final Notes notes;
  private final Victims victims;
  private final Timeline timeline;

  public CaseGrpcService(
      Cases cases,
      Subjects subjects,
      Tasks tasks,
      Notes notes,
      Victims victims,
      Timeline timeline,
      SubjectConflicts subjectConflicts) {
    this.subjectConflicts = subjectConflicts;
    this.cases = cases;
    this.subjects = subjects;
    this.tasks = tasks;
    this.notes = notes;
    this.victims = victims;
    this.timeline = timeline;
  }

  private final SubjectConflicts subjectConflicts;

  /** deconfliction-service's announcement of a subject registration's state (its outbox). */
  @Override
  public void recordSubjectDeconfliction(
      org.taskforce.api.cases.v1.RecordSubjectDeconflictionRequest request,
      StreamObserver<org.taskforce.api.cases.v1.RecordSubjectDeconflictionResponse> observer) {
    answer(
        observer,
        () -> {
          String name = request.getDeconflictionState().name();
          DeconflictionState state = null;
          if (name.startsWith("DECONFLICTION_STATE_")
              && !name.equals("DECONFLICTION_STATE_UNSPECIFIED")) {
            state = DeconflictionState.valueOf(name.substring("DECONFLICTION_STATE_".length()));
          }
          boolean applied =
              subjectConflicts.record(
                  caller(),
                  new SubjectConflicts.Announcement(
                      request.getRegistrationId(),
                      request.getAgencyId(),
                      request.getRequestId(),
                      state,
                      request.getStateVersion(),
                      request.getSummary()));
          return org.taskforce.api.cases.v1.RecordSubjectDeconflictionResponse.newBuilder()
              .setApplied(applied)
              .build();
        });
  }

  private static <T> void answer(StreamObserver<T> observer, Supplier<T> call) {
    T response = call.get();
    observer.onNext(response);
    observer.onCompleted();
  }

  private static AgencyPrincipal caller() {
    return CallerContext.principal();
  }

  /** Longest page token a list hands out (with room to spare). */
  static final int MAX_PAGE_TOKEN = 512;

  /** Most values a repeated filter (statuses, case types) may name: more than there are. */
  static final int MAX_FILTER_VALUES = 10;

  private static String id(String field, String value) {
    if (value == null || value.isBlank()) {
      throw TaskforceException.invalidArgument(field, "is required");
    }
    if (value.length() > Ids.MAX_LENGTH) {
      throw TaskforceException.invalidArgument(
          field, "is not an id of ours (at most " + Ids.MAX_LENGTH + " characters)");
    }
    return value;
  }

  private static String requestId(String value) {
    if (value.length() > Ids.MAX_LENGTH) {
      throw TaskforceException.invalidArgument(
          "request_id", "must be at most " + Ids.MAX_LENGTH + " characters");
    }
    return value;
  }

  private static String pageToken(String token) {
    if (token.length() > MAX_PAGE_TOKEN) {
      throw TaskforceException.invalidArgument("page_token", "is not a token this list gave");
    }
    return token;
  }

  private static void checkFilter(Violations v, String field, int count) {
    v.check(
        count <= MAX_FILTER_VALUES,
        field,
        "names at most " + MAX_FILTER_VALUES + " values (" + count + " given)");
  }

  // ---- cases

  @Override
  public void getCase(GetCaseRequest request, StreamObserver<GetCaseResponse> observer) {
    answer(
        observer,
        () ->
            GetCaseResponse.newBuilder()
                .setCase(
                    CaseMapping.toProto(cases.get(caller(), id("case_id", request.getCaseId()))))
                .build());
  }

  @Override
  public void listCases(ListCasesRequest request, StreamObserver<ListCasesResponse> observer) {
    answer(
        observer,
        () -> {
          Violations v = new Violations();
          v.check(
              !request.getStatusesList().contains(CaseStatus.UNRECOGNIZED),
              "statuses",
              "names a status this service does not know");
          checkFilter(v, "statuses", request.getStatusesCount());
          checkFilter(v, "case_types", request.getCaseTypesCount());
          Ids.checkLength(v, "agency_id", request.getAgencyId());
          var types =
              CaseMapping.enums(
                  request.getCaseTypesList(),
                  t -> CaseMapping.type(v, "case_types", t),
                  org.taskforce.cases.domain.CaseType.class);
          v.throwIfAny();
          Page<JointCase> page =
              cases.list(
                  caller(),
                  CaseMapping.enums(
                      request.getStatusesList(),
                      CaseMapping::status,
                      org.taskforce.cases.domain.CaseStatus.class),
                  types,
                  request.getAgencyId(),
                  request.getTitleContains(),
                  request.getPageSize(),
                  pageToken(request.getPageToken()));
          ListCasesResponse.Builder b =
              ListCasesResponse.newBuilder().setNextPageToken(page.nextPageToken());
          page.items().forEach(c -> b.addCases(CaseMapping.toProto(c)));
          return b.build();
        });
  }

  @Override
  public void createCase(CreateCaseRequest request, StreamObserver<CreateCaseResponse> observer) {
    answer(
        observer,
        () -> {
          if (!request.hasCase()) {
            throw TaskforceException.invalidArgument("case", "is required");
          }
          Case c = request.getCase();
          Violations v = new Violations();
          Cases.Details d =
              new Cases.Details(
                  c.getTitle(),
                  CaseMapping.type(v, "case.case_type", c.getCaseType()),
                  c.getJurisdictionsList(),
                  c.getSummary(),
                  CaseMapping.date(v, "case.review_date", c.hasReviewDate(), c.getReviewDate()));
          v.throwIfAny();
          return CreateCaseResponse.newBuilder()
              .setCase(
                  CaseMapping.toProto(cases.create(caller(), d, requestId(request.getRequestId()))))
              .build();
        });
  }

  @Override
  public void updateCase(UpdateCaseRequest request, StreamObserver<UpdateCaseResponse> observer) {
    answer(
        observer,
        () -> {
          if (!request.hasCase()) {
            throw TaskforceException.invalidArgument("case", "is required");
          }
          Case c = request.getCase();
          String caseId = id("case.case_id", c.getCaseId());
          Violations v = new Violations();
          Set<String> paths = CaseMapping.mask(v, request.getUpdateMask(), CASE_FIELDS);
          LocalDate review =
              paths.contains("review_date")
                  ? CaseMapping.date(v, "case.review_date", c.hasReviewDate(), c.getReviewDate())
                  : null;
          if (paths.contains("review_date") && review == null && v.isEmpty()) {
            v.add("case.review_date", "is required when named in update_mask");
          }
          org.taskforce.cases.domain.CaseType type =
              paths.contains("case_type")
                  ? CaseMapping.type(v, "case.case_type", c.getCaseType())
                  : null;
          if (paths.contains("case_type") && type == null && v.isEmpty()) {
            v.add("case.case_type", "is required when named in update_mask");
          }
          long version = CaseMapping.version("case.etag", c.getEtag());
          v.throwIfAny();
          Cases.Details changes =
              new Cases.Details(
                  paths.contains("title") ? c.getTitle() : null,
                  type,
                  paths.contains("jurisdictions") ? c.getJurisdictionsList() : null,
                  paths.contains("summary") ? c.getSummary() : null,
                  review);
          return UpdateCaseResponse.newBuilder()
              .setCase(CaseMapping.toProto(cases.update(caller(), caseId, version, changes)))
              .build();
        });
  }

  @Override
  public void changeCaseStatus(
      ChangeCaseStatusRequest request, StreamObserver<ChangeCaseStatusResponse> observer) {
    answer(
        observer,
        () -> {
          String caseId = id("case_id", request.getCaseId());
          long version = CaseMapping.version("etag", request.getEtag());
          JointCase c =
              cases.changeStatus(
                  caller(),
                  caseId,
                  CaseMapping.status(request.getStatus()),
                  request.getReason(),
                  version);
          return ChangeCaseStatusResponse.newBuilder().setCase(CaseMapping.toProto(c)).build();
        });
  }

  @Override
  public void reviewCase(ReviewCaseRequest request, StreamObserver<ReviewCaseResponse> observer) {
    answer(
        observer,
        () -> {
          String caseId = id("case_id", request.getCaseId());
          Violations v = new Violations();
          LocalDate next =
              CaseMapping.date(
                  v, "next_review_date", request.hasNextReviewDate(), request.getNextReviewDate());
          v.check(
              request.getNote().length() <= Cases.MAX_REASON_LENGTH,
              "note",
              "at most " + Cases.MAX_REASON_LENGTH + " characters");
          long version = CaseMapping.version("etag", request.getEtag());
          v.throwIfAny();
          return ReviewCaseResponse.newBuilder()
              .setCase(
                  CaseMapping.toProto(
                      cases.review(caller(), caseId, next, request.getNote(), version)))
              .build();
        });
  }

  // ---- participants

  @Override
  public void inviteParticipant(
      InviteParticipantRequest request, StreamObserver<InviteParticipantResponse> observer) {
    answer(
        observer,
        () -> {
          String caseId = id("case_id", request.getCaseId());
          long version = CaseMapping.version("etag", request.getEtag());
          JointCase c =
              cases.invite(
                  caller(),
                  caseId,
                  request.getAgency().getAgencyId(),
                  CaseMapping.role(request.getRole()),
                  version);
          return InviteParticipantResponse.newBuilder().setCase(CaseMapping.toProto(c)).build();
        });
  }

  @Override
  public void respondToInvitation(
      RespondToInvitationRequest request, StreamObserver<RespondToInvitationResponse> observer) {
    answer(
        observer,
        () -> {
          JointCase c =
              cases.respond(
                  caller(),
                  id("case_id", request.getCaseId()),
                  id("agency_id", request.getAgencyId()),
                  request.getAccept(),
                  request.hasPointOfContact()
                      ? CaseMapping.contact(request.getPointOfContact())
                      : null);
          return RespondToInvitationResponse.newBuilder().setCase(CaseMapping.toProto(c)).build();
        });
  }

  @Override
  public void removeParticipant(
      RemoveParticipantRequest request, StreamObserver<RemoveParticipantResponse> observer) {
    answer(
        observer,
        () -> {
          String caseId = id("case_id", request.getCaseId());
          String agencyId = id("agency_id", request.getAgencyId());
          long version = CaseMapping.version("etag", request.getEtag());
          JointCase c = cases.remove(caller(), caseId, agencyId, request.getReason(), version);
          return RemoveParticipantResponse.newBuilder().setCase(CaseMapping.toProto(c)).build();
        });
  }

  @Override
  public void handOffLead(
      HandOffLeadRequest request, StreamObserver<HandOffLeadResponse> observer) {
    answer(
        observer,
        () -> {
          String caseId = id("case_id", request.getCaseId());
          long version = CaseMapping.version("etag", request.getEtag());
          JointCase c =
              cases.handOffLead(
                  caller(),
                  caseId,
                  request.getNewLeadAgencyId(),
                  CaseMapping.role(request.getPreviousLeadRole()),
                  request.getReason(),
                  version);
          return HandOffLeadResponse.newBuilder().setCase(CaseMapping.toProto(c)).build();
        });
  }

  // ---- subjects

  @Override
  public void listSubjects(
      ListSubjectsRequest request, StreamObserver<ListSubjectsResponse> observer) {
    answer(
        observer,
        () -> {
          var page =
              subjects.list(
                  caller(),
                  id("case_id", request.getCaseId()),
                  request.getPageSize(),
                  pageToken(request.getPageToken()));
          ListSubjectsResponse.Builder b =
              ListSubjectsResponse.newBuilder().setNextPageToken(page.nextPageToken());
          page.items().forEach(s -> b.addSubjects(CaseMapping.toProto(s)));
          return b.build();
        });
  }

  @Override
  public void addSubject(AddSubjectRequest request, StreamObserver<AddSubjectResponse> observer) {
    answer(
        observer,
        () -> {
          String caseId = id("case_id", request.getCaseId());
          if (!request.hasSubject()) {
            throw TaskforceException.invalidArgument("subject", "is required");
          }
          Subject s = request.getSubject();
          Subjects.Draft draft =
              new Subjects.Draft(
                  CaseMapping.kind(s.getKind()),
                  s.getDisplayName(),
                  CaseMapping.selectors(s.getSelectorsList()),
                  CaseMapping.disclosure(s.getDisclosureLevel()),
                  s.hasPointOfContact() ? CaseMapping.contact(s.getPointOfContact()) : null);
          return AddSubjectResponse.newBuilder()
              .setSubject(
                  CaseMapping.toProto(
                      subjects.add(caller(), caseId, draft, requestId(request.getRequestId()))))
              .build();
        });
  }

  @Override
  public void removeSubject(
      RemoveSubjectRequest request, StreamObserver<RemoveSubjectResponse> observer) {
    answer(
        observer,
        () ->
            RemoveSubjectResponse.newBuilder()
                .setSubject(
                    CaseMapping.toProto(
                        subjects.remove(
                            caller(),
                            id("case_id", request.getCaseId()),
                            id("subject_id", request.getSubjectId()),
                            request.getReason())))
                .build());
  }

  // ---- tasks

  @Override
  public void listTasks(ListTasksRequest request, StreamObserver<ListTasksResponse> observer) {
    answer(
        observer,
        () -> {
          Violations v = new Violations();
          var statuses =
              CaseMapping.enums(
                  request.getStatusesList(),
                  s -> CaseMapping.taskStatus(v, "statuses", s),
                  org.taskforce.cases.domain.TaskStatus.class);
          checkFilter(v, "statuses", request.getStatusesCount());
          Ids.checkLength(v, "assignee_agency_id", request.getAssigneeAgencyId());
          v.throwIfAny();
          Page<CaseTask> page =
              tasks.list(
                  caller(),
                  id("case_id", request.getCaseId()),
                  request.getAssigneeAgencyId(),
                  statuses,
                  request.getPageSize(),
                  pageToken(request.getPageToken()));
          ListTasksResponse.Builder b =
              ListTasksResponse.newBuilder().setNextPageToken(page.nextPageToken());
          page.items().forEach(t -> b.addTasks(CaseMapping.toProto(t)));
          return b.build();
        });
  }

  @Override
  public void createTask(CreateTaskRequest request, StreamObserver<CreateTaskResponse> observer) {
    answer(
        observer,
        () -> {
          String caseId = id("case_id", request.getCaseId());
          if (!request.hasTask()) {
            throw TaskforceException.invalidArgument("task", "is required");
          }
          Task t = request.getTask();
          Violations v = new Violations();
          Tasks.Fields f =
              new Tasks.Fields(
                  t.getTitle(),
                  t.getDescription(),
                  t.getAssigneeAgencyId(),
                  t.getAssigneeSubject(),
                  CaseMapping.date(v, "task.due_date", t.hasDueDate(), t.getDueDate()),
                  null);
          v.throwIfAny();
          return CreateTaskResponse.newBuilder()
              .setTask(
                  CaseMapping.toProto(
                      tasks.create(caller(), caseId, f, requestId(request.getRequestId()))))
              .build();
        });
  }

  @Override
  public void updateTask(UpdateTaskRequest request, StreamObserver<UpdateTaskResponse> observer) {
    answer(
        observer,
        () -> {
          if (!request.hasTask()) {
            throw TaskforceException.invalidArgument("task", "is required");
          }
          Task t = request.getTask();
          String caseId = id("task.case_id", t.getCaseId());
          String taskId = id("task.task_id", t.getTaskId());
          Violations v = new Violations();
          Set<String> paths = CaseMapping.mask(v, request.getUpdateMask(), TASK_FIELDS);
          Tasks.Fields f =
              new Tasks.Fields(
                  paths.contains("title") ? t.getTitle() : null,
                  paths.contains("description") ? t.getDescription() : null,
                  paths.contains("assignee_agency_id") ? t.getAssigneeAgencyId() : null,
                  paths.contains("assignee_subject") ? t.getAssigneeSubject() : null,
                  paths.contains("due_date")
                      ? CaseMapping.date(v, "task.due_date", t.hasDueDate(), t.getDueDate())
                      : null,
                  paths.contains("status")
                      ? CaseMapping.taskStatus(v, "task.status", t.getStatus())
                      : null);
          long version = CaseMapping.version("task.etag", t.getEtag());
          v.throwIfAny();
          return UpdateTaskResponse.newBuilder()
              .setTask(CaseMapping.toProto(tasks.update(caller(), caseId, taskId, version, f)))
              .build();
        });
  }

  // ---- notes

  @Override
  public void listNotes(ListNotesRequest request, StreamObserver<ListNotesResponse> observer) {
    answer(
        observer,
        () -> {
          var page =
              notes.list(
                  caller(),
                  id("case_id", request.getCaseId()),
                  request.getPageSize(),
                  pageToken(request.getPageToken()));
          ListNotesResponse.Builder b =
              ListNotesResponse.newBuilder().setNextPageToken(page.nextPageToken());
          page.items().forEach(n -> b.addNotes(CaseMapping.toProto(n)));
          return b.build();
        });
  }

  @Override
  public void addNote(AddNoteRequest request, StreamObserver<AddNoteResponse> observer) {
    answer(
        observer,
        () -> {
          String caseId = id("case_id", request.getCaseId());
          if (!request.hasNote()) {
            throw TaskforceException.invalidArgument("note", "is required");
          }
          return AddNoteResponse.newBuilder()
              .setNote(
                  CaseMapping.toProto(
                      notes.add(
                          caller(),
                          caseId,
                          request.getNote().getText(),
                          request.getNote().getCorrectsNoteId(),
                          requestId(request.getRequestId()))))
              .build();
        });
  }

  // ---- victims

  @Override
  public void listVictims(
      ListVictimsRequest request, StreamObserver<ListVictimsResponse> observer) {
    answer(
        observer,
        () -> {
          var page =
              victims.list(
                  caller(),
                  id("case_id", request.getCaseId()),
                  request.getPageSize(),
                  pageToken(request.getPageToken()));
          ListVictimsResponse.Builder b =
              ListVictimsResponse.newBuilder().setNextPageToken(page.nextPageToken());
          page.items().forEach(x -> b.addVictims(CaseMapping.toProto(x)));
          return b.build();
        });
  }

  @Override
  public void addVictim(AddVictimRequest request, StreamObserver<AddVictimResponse> observer) {
    answer(
        observer,
        () -> {
          String caseId = id("case_id", request.getCaseId());
          if (!request.hasVictim()) {
            throw TaskforceException.invalidArgument("victim", "is required");
          }
          Victim x = request.getVictim();
          Violations v = new Violations();
          Victims.Fields f =
              new Victims.Fields(
                  x.getDisplayName(),
                  CaseMapping.date(
                      v, "victim.date_of_birth", x.hasDateOfBirth(), x.getDateOfBirth()),
                  x.getPreferredLanguage(),
                  x.getMinor(),
                  x.getServicesEngagedList(),
                  x.getConsentToShare(),
                  CaseMapping.identification(x.getIdentification(), v),
                  CaseMapping.citizenship(x.getCitizenship(), v));
          v.throwIfAny();
          return AddVictimResponse.newBuilder()
              .setVictim(
                  CaseMapping.toProto(
                      victims.add(caller(), caseId, f, requestId(request.getRequestId()))))
              .build();
        });
  }

  @Override
  public void updateVictim(
      UpdateVictimRequest request, StreamObserver<UpdateVictimResponse> observer) {
    answer(
        observer,
        () -> {
          if (!request.hasVictim()) {
            throw TaskforceException.invalidArgument("victim", "is required");
          }
          Victim x = request.getVictim();
          String caseId = id("victim.case_id", x.getCaseId());
          String victimId = id("victim.victim_id", x.getVictimId());
          Violations v = new Violations();
          Set<String> paths = CaseMapping.mask(v, request.getUpdateMask(), VICTIM_FIELDS);
          Victims.Fields f =
              new Victims.Fields(
                  paths.contains("display_name") ? x.getDisplayName() : null,
                  paths.contains("date_of_birth")
                      ? CaseMapping.date(
                          v, "victim.date_of_birth", x.hasDateOfBirth(), x.getDateOfBirth())
                      : null,
                  paths.contains("preferred_language") ? x.getPreferredLanguage() : null,
                  paths.contains("minor") ? x.getMinor() : null,
                  paths.contains("services_engaged") ? x.getServicesEngagedList() : null,
                  paths.contains("consent_to_share") ? x.getConsentToShare() : null,
                  paths.contains("identification")
                      ? CaseMapping.identification(x.getIdentification(), v)
                      : null,
                  paths.contains("citizenship")
                      ? CaseMapping.citizenship(x.getCitizenship(), v)
                      : null);
          long version = CaseMapping.version("victim.etag", x.getEtag());
          v.throwIfAny();
          return UpdateVictimResponse.newBuilder()
              .setVictim(
                  CaseMapping.toProto(victims.update(caller(), caseId, victimId, version, f)))
              .build();
        });
  }

  @Override
  public void getVictimSummary(
      GetVictimSummaryRequest request, StreamObserver<GetVictimSummaryResponse> observer) {
    answer(
        observer,
        () -> {
          Victims.Summary s = victims.summary(caller(), id("case_id", request.getCaseId()));
          return GetVictimSummaryResponse.newBuilder()
              .setVictimCount(s.victims())
              .setMinorCount(s.minors())
              .setProviderEngaged(s.providerEngaged())
              .build();
        });
  }

  // ---- timeline

  @Override
  public void listCaseEvents(
      ListCaseEventsRequest request, StreamObserver<ListCaseEventsResponse> observer) {
    answer(
        observer,
        () -> {
          var page =
              timeline.list(
                  caller(),
                  id("case_id", request.getCaseId()),
                  request.getPageSize(),
                  pageToken(request.getPageToken()));
          ListCaseEventsResponse.Builder b =
              ListCaseEventsResponse.newBuilder().setNextPageToken(page.nextPageToken());
          page.items().forEach(e -> b.addEvents(CaseMapping.toProto(e)));
          return b.build();
        });
  }
}
