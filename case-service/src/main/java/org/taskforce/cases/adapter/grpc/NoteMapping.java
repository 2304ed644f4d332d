package org.taskforce.cases.adapter.grpc;

import static org.taskforce.cases.adapter.grpc.CaseMapping.stamp;

import org.taskforce.api.cases.v1.Note;

/** Between the cases.v1 contract and case-service's domain: notes. */
final class NoteMapping {
  private NoteMapping() {}

  static Note toProto(org.taskforce.cases.domain.Note n) {
    return Note.newBuilder()
        .setNoteId(n.id())
        .setCaseId(n.caseId())
        .setText(n.text())
        .setCorrectsNoteId(n.correctsNoteId())
        .setCreated(stamp(n.created()))
        .build();
  }
}
