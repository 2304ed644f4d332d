package org.taskforce.cases.adapter.grpc;

import static org.taskforce.platform.grpc.UnaryCalls.answer;

import io.grpc.stub.StreamObserver;
import org.taskforce.api.cases.v1.AddNoteRequest;
import org.taskforce.api.cases.v1.AddNoteResponse;
import org.taskforce.api.cases.v1.AddSubjectRequest;
import org.taskforce.api.cases.v1.AddSubjectResponse;
import org.taskforce.api.cases.v1.AddVictimRequest;
import org.taskforce.api.cases.v1.AddVictimResponse;
import org.taskforce.api.cases.v1.CaseServiceGrpc;
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
import org.taskforce.api.cases.v1.RecordSubjectDeconflictionRequest;
import org.taskforce.api.cases.v1.RecordSubjectDeconflictionResponse;
import org.taskforce.api.cases.v1.RemoveParticipantRequest;
import org.taskforce.api.cases.v1.RemoveParticipantResponse;
import org.taskforce.api.cases.v1.RemoveSubjectRequest;
import org.taskforce.api.cases.v1.RemoveSubjectResponse;
import org.taskforce.api.cases.v1.RespondToInvitationRequest;
import org.taskforce.api.cases.v1.RespondToInvitationResponse;
import org.taskforce.api.cases.v1.ReviewCaseRequest;
import org.taskforce.api.cases.v1.ReviewCaseResponse;
import org.taskforce.api.cases.v1.UpdateCaseRequest;
import org.taskforce.api.cases.v1.UpdateCaseResponse;
import org.taskforce.api.cases.v1.UpdateTaskRequest;
import org.taskforce.api.cases.v1.UpdateTaskResponse;
import org.taskforce.api.cases.v1.UpdateVictimRequest;
import org.taskforce.api.cases.v1.UpdateVictimResponse;

/**
 * The CaseService contract, routed by resource: cases ({@link CaseRpcs}), participants ({@link
 * ParticipantRpcs}), subjects ({@link SubjectRpcs}), tasks ({@link TaskRpcs}), notes ({@link
 * NoteRpcs}), victims ({@link VictimRpcs}) and the timeline ({@link TimelineRpcs}). Nothing happens
 * here but the routing: each of those decodes the request, runs one use case and encodes its
 * result; authorisation and audit live in the use cases.
 */
public final class CaseGrpcService extends CaseServiceGrpc.CaseServiceImplBase {
  private final CaseRpcs cases;
  private final ParticipantRpcs participants;
  private final SubjectRpcs subjects;
  private final TaskRpcs tasks;
  private final NoteRpcs notes;
  private final VictimRpcs victims;
  private final TimelineRpcs timeline;

  public CaseGrpcService(
      CaseRpcs cases,
      ParticipantRpcs participants,
      SubjectRpcs subjects,
      TaskRpcs tasks,
      NoteRpcs notes,
      VictimRpcs victims,
      TimelineRpcs timeline) {
    this.cases = cases;
    this.participants = participants;
    this.subjects = subjects;
    this.tasks = tasks;
    this.notes = notes;
    this.victims = victims;
    this.timeline = timeline;
  }

  @Override
  public void createCase(CreateCaseRequest request, StreamObserver<CreateCaseResponse> observer) {
    answer(observer, () -> cases.create(request));
  }

  @Override
  public void getCase(GetCaseRequest request, StreamObserver<GetCaseResponse> observer) {
    answer(observer, () -> cases.get(request));
  }

  @Override
  public void listCases(ListCasesRequest request, StreamObserver<ListCasesResponse> observer) {
    answer(observer, () -> cases.list(request));
  }

  @Override
  public void updateCase(UpdateCaseRequest request, StreamObserver<UpdateCaseResponse> observer) {
    answer(observer, () -> cases.update(request));
  }

  @Override
  public void changeCaseStatus(
      ChangeCaseStatusRequest request, StreamObserver<ChangeCaseStatusResponse> observer) {
    answer(observer, () -> cases.changeStatus(request));
  }

  @Override
  public void reviewCase(ReviewCaseRequest request, StreamObserver<ReviewCaseResponse> observer) {
    answer(observer, () -> cases.review(request));
  }

  @Override
  public void inviteParticipant(
      InviteParticipantRequest request, StreamObserver<InviteParticipantResponse> observer) {
    answer(observer, () -> participants.invite(request));
  }

  @Override
  public void respondToInvitation(
      RespondToInvitationRequest request, StreamObserver<RespondToInvitationResponse> observer) {
    answer(observer, () -> participants.respond(request));
  }

  @Override
  public void removeParticipant(
      RemoveParticipantRequest request, StreamObserver<RemoveParticipantResponse> observer) {
    answer(observer, () -> participants.remove(request));
  }

  @Override
  public void handOffLead(
      HandOffLeadRequest request, StreamObserver<HandOffLeadResponse> observer) {
    answer(observer, () -> participants.handOffLead(request));
  }

  @Override
  public void listSubjects(
      ListSubjectsRequest request, StreamObserver<ListSubjectsResponse> observer) {
    answer(observer, () -> subjects.list(request));
  }

  @Override
  public void addSubject(AddSubjectRequest request, StreamObserver<AddSubjectResponse> observer) {
    answer(observer, () -> subjects.add(request));
  }

  @Override
  public void removeSubject(
      RemoveSubjectRequest request, StreamObserver<RemoveSubjectResponse> observer) {
    answer(observer, () -> subjects.remove(request));
  }

  @Override
  public void recordSubjectDeconfliction(
      RecordSubjectDeconflictionRequest request,
      StreamObserver<RecordSubjectDeconflictionResponse> observer) {
    answer(observer, () -> subjects.recordDeconfliction(request));
  }

  @Override
  public void listTasks(ListTasksRequest request, StreamObserver<ListTasksResponse> observer) {
    answer(observer, () -> tasks.list(request));
  }

  @Override
  public void createTask(CreateTaskRequest request, StreamObserver<CreateTaskResponse> observer) {
    answer(observer, () -> tasks.create(request));
  }

  @Override
  public void updateTask(UpdateTaskRequest request, StreamObserver<UpdateTaskResponse> observer) {
    answer(observer, () -> tasks.update(request));
  }

  @Override
  public void listNotes(ListNotesRequest request, StreamObserver<ListNotesResponse> observer) {
    answer(observer, () -> notes.list(request));
  }

  @Override
  public void addNote(AddNoteRequest request, StreamObserver<AddNoteResponse> observer) {
    answer(observer, () -> notes.add(request));
  }

  @Override
  public void listVictims(
      ListVictimsRequest request, StreamObserver<ListVictimsResponse> observer) {
    answer(observer, () -> victims.list(request));
  }

  @Override
  public void addVictim(AddVictimRequest request, StreamObserver<AddVictimResponse> observer) {
    answer(observer, () -> victims.add(request));
  }

  @Override
  public void updateVictim(
      UpdateVictimRequest request, StreamObserver<UpdateVictimResponse> observer) {
    answer(observer, () -> victims.update(request));
  }

  @Override
  public void getVictimSummary(
      GetVictimSummaryRequest request, StreamObserver<GetVictimSummaryResponse> observer) {
    answer(observer, () -> victims.summary(request));
  }

  @Override
  public void listCaseEvents(
      ListCaseEventsRequest request, StreamObserver<ListCaseEventsResponse> observer) {
    answer(observer, () -> timeline.list(request));
  }
}
