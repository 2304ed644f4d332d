package org.taskforce.cases.adapter.mongo;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.LocalDate;
import org.bson.Document;
import org.taskforce.cases.domain.Contact;
import org.taskforce.cases.domain.Stamp;
import org.taskforce.platform.mongo.StampDocuments;

/** The document shapes the case-service collections share: stamps, contacts, dates, indexes. */
public final class CaseDocuments {
  private CaseDocuments() {}

  public static Document stamp(Stamp s) {
    return s == null
        ? null
        : StampDocuments.document(s.subject(), s.displayName(), s.agencyId(), s.time());
  }

  public static Stamp stamp(Document d) {
    return StampDocuments.read(d, Stamp::new);
  }

  public static Document contact(Contact c) {
    return new Document("name", c.displayName())
        .append("title", c.title())
        .append("phone", c.phone())
        .append("email", c.email());
  }

  public static Contact contact(Document d) {
    return d == null
        ? Contact.NONE
        : new Contact(
            d.getString("name"), d.getString("title"), d.getString("phone"), d.getString("email"));
  }

  static String date(LocalDate d) {
    return d == null ? null : d.toString();
  }

  static LocalDate date(String s) {
    return s == null ? null : LocalDate.parse(s);
  }

  /** The index every per-case list needs: the case's records, newest first. */
  static void caseIndex(MongoDatabase database, String collection) {
    database
        .getCollection(collection)
        .createIndex(
            Indexes.compoundIndex(
                Indexes.ascending("caseId"), Indexes.descending(KeysetPages.SORT_TIME, "_id")),
            new IndexOptions().name("case_created"));
  }
}
