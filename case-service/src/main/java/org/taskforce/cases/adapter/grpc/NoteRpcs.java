package org.taskforce.cases.adapter.grpc;

import static org.taskforce.cases.adapter.grpc.RequestFields.pageToken;
import static org.taskforce.cases.adapter.grpc.RequestFields.requestId;
import static org.taskforce.platform.grpc.RpcFields.caller;
import static org.taskforce.platform.grpc.RpcFields.requireId;

import org.taskforce.api.cases.v1.AddNoteRequest;
import org.taskforce.api.cases.v1.AddNoteResponse;
import org.taskforce.api.cases.v1.ListNotesRequest;
import org.taskforce.api.cases.v1.ListNotesResponse;
import org.taskforce.cases.application.Notes;
import org.taskforce.platform.error.TaskforceException;

/** A case's notes: ListNotes, AddNote. */
public final class NoteRpcs {
  private final Notes notes;

  public NoteRpcs(Notes notes) {
    this.notes = notes;
  }

  ListNotesResponse list(ListNotesRequest request) {
    var page =
        notes.list(
            caller(),
            requireId("case_id", request.getCaseId()),
            request.getPageSize(),
            pageToken(request.getPageToken()));
    ListNotesResponse.Builder response =
        ListNotesResponse.newBuilder().setNextPageToken(page.nextPageToken());
    page.items().forEach(n -> response.addNotes(NoteMapping.toProto(n)));
    return response.build();
  }

  AddNoteResponse add(AddNoteRequest request) {
    String caseId = requireId("case_id", request.getCaseId());
    if (!request.hasNote()) {
      throw TaskforceException.invalidArgument("note", "is required");
    }
    return AddNoteResponse.newBuilder()
        .setNote(
            NoteMapping.toProto(
                notes.add(
                    caller(),
                    caseId,
                    request.getNote().getText(),
                    request.getNote().getCorrectsNoteId(),
                    requestId(request.getRequestId()))))
        .build();
  }
}
