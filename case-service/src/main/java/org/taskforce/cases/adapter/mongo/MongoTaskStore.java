package org.taskforce.cases.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.taskforce.cases.application.Page;
import org.taskforce.cases.application.TaskStore;
import org.taskforce.cases.domain.CaseTask;
import org.taskforce.cases.domain.TaskStatus;
import org.taskforce.platform.mongo.MongoIndexes;
import org.taskforce.platform.mongo.VersionedRecords;

/** Case tasks in collection {@code tasks}. */
public final class MongoTaskStore extends VersionedRecords<CaseTask>
    implements TaskStore, MongoIndexes {
  static final String COLLECTION = "tasks";

  public MongoTaskStore(MongoDatabase database) {
    super(
        database.getCollection(COLLECTION),
        MongoTaskStore::toDocument,
        MongoTaskStore::fromDocument);
  }

  @Override
  public Page<CaseTask> list(
      String caseId, String assigneeAgencyId, Set<TaskStatus> statuses, int size, String token) {
    List<Bson> filters = new ArrayList<>(List.of(eq("caseId", caseId)));
    if (assigneeAgencyId != null) {
      filters.add(eq("assigneeAgencyId", assigneeAgencyId));
    }
    if (!statuses.isEmpty()) {
      filters.add(in("status", statuses.stream().map(Enum::name).toList()));
    }
    return KeysetPages.page(collection(), and(filters), size, token, MongoTaskStore::fromDocument);
  }

  @Override
  public void create(MongoDatabase database) {
    CaseDocuments.caseIndex(database, COLLECTION);
  }

  static Document toDocument(CaseTask t) {
    return new Document("_id", t.id())
        .append("caseId", t.caseId())
        .append("title", t.title())
        .append("description", t.description())
        .append("assigneeAgencyId", t.assigneeAgencyId())
        .append("assigneeSubject", t.assigneeSubject())
        .append("dueDate", CaseDocuments.date(t.dueDate()))
        .append("status", t.status().name())
        .append("created", CaseDocuments.stamp(t.created()))
        .append("updated", CaseDocuments.stamp(t.updated()))
        .append(KeysetPages.SORT_TIME, Date.from(t.created().time()))
        .append("version", t.version())
        .append("changes", t.changes());
  }

  static CaseTask fromDocument(Document d) {
    return new CaseTask(
        d.getString("_id"),
        d.getString("caseId"),
        d.getString("title"),
        d.getString("description"),
        d.getString("assigneeAgencyId"),
        d.getString("assigneeSubject"),
        CaseDocuments.date(d.getString("dueDate")),
        TaskStatus.valueOf(d.getString("status")),
        CaseDocuments.stamp(d.get("created", Document.class)),
        CaseDocuments.stamp(d.get("updated", Document.class)),
        ((Number) d.get("version")).longValue(),
        d.getList("changes", String.class, List.of()));
  }
}
