package org.taskforce.cases.adapter.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.taskforce.cases.application.NoteStore;
import org.taskforce.cases.application.Page;
import org.taskforce.cases.domain.Note;
import org.taskforce.platform.mongo.MongoDocuments;
import org.taskforce.platform.mongo.MongoIndexes;
import org.taskforce.platform.mongo.MongoInserts;

/** Notes in collection {@code notes}: this class only inserts and reads. */
public final class MongoNoteStore implements NoteStore, MongoIndexes {
  static final String COLLECTION = "notes";
  private final MongoCollection<Document> notes;

  public MongoNoteStore(MongoDatabase database) {
    this.notes = database.getCollection(COLLECTION);
  }

  @Override
  public boolean insertIfAbsent(Note n) {
    return MongoInserts.insertIfAbsent(
        notes,
        new Document("_id", n.id())
            .append("caseId", n.caseId())
            .append("text", n.text())
            .append("correctsNoteId", n.correctsNoteId())
            .append("created", CaseDocuments.stamp(n.created()))
            .append(KeysetPages.SORT_TIME, Date.from(n.created().time())));
  }

  @Override
  public Optional<Note> get(String id) {
    return MongoDocuments.byId(notes, id, MongoNoteStore::fromDocument);
  }

  @Override
  public Page<Note> list(String caseId, int size, String token) {
    return KeysetPages.page(notes, eq("caseId", caseId), size, token, MongoNoteStore::fromDocument);
  }

  @Override
  public void create(MongoDatabase database) {
    CaseDocuments.caseIndex(database, COLLECTION);
  }

  static Note fromDocument(Document d) {
    return new Note(
        d.getString("_id"),
        d.getString("caseId"),
        d.getString("text"),
        d.getString("correctsNoteId"),
        CaseDocuments.stamp(d.get("created", Document.class)));
  }
}
