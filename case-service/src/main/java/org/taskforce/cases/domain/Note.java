package org.taskforce.cases.domain;

/**
 * An append-only case note. A correction is a new note naming the one it corrects; the corrected
 * note stays as written.
 */
public record Note(String id, String caseId, String text, String correctsNoteId, Stamp created) {}
