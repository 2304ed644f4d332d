package org.taskforce.cases.application;

import java.util.Optional;
import org.taskforce.cases.domain.Note;

/** Where notes live: insert and read only. */
public interface NoteStore {
  boolean insertIfAbsent(Note n);

  Optional<Note> get(String id);

  Page<Note> list(String caseId, int size, String token);
}
