package org.taskforce.cases.reporting.adapter.mongo;

import java.util.Date;
import org.bson.Document;
import org.taskforce.cases.domain.Stamp;

/** Who-and-when stamps in the shape every case-service collection uses. */
final class Stamps {
  private Stamps() {}

  static Document toDocument(Stamp s) {
    return new Document("subject", s.subject())
        .append("name", s.displayName())
        .append("agencyId", s.agencyId())
        .append("time", Date.from(s.time()));
  }

  static Stamp fromDocument(Document d) {
    return new Stamp(
        d.getString("subject"),
        d.getString("name"),
        d.getString("agencyId"),
        d.getDate("time").toInstant());
  }
}
