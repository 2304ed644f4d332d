package org.taskforce.platform.mongo;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * Who did something, for which agency, and when, as every service stores it: {@code {subject, name,
 * agencyId, time}}. Each service keeps its own stamp record in its domain; this writes and reads
 * the stored shape once for all of them.
 */
public final class StampDocuments {
  private StampDocuments() {}

  /** Makes a service's own stamp from the four stored parts, e.g. {@code Stamp::new}. */
  @FunctionalInterface
  public interface Factory<T> {
    T stamp(String subject, String displayName, String agencyId, Instant time);
  }

  /** The stored shape of a stamp. */
  public static Document document(
      String subject, String displayName, String agencyId, Instant time) {
    return new Document("subject", subject)
        .append("name", displayName)
        .append("agencyId", agencyId)
        .append("time", time == null ? null : Date.from(time));
  }

  /** The stamp a document holds, made by {@code factory}; null for no document. */
  public static <T> T read(Document document, Factory<T> factory) {
    if (document == null) {
      return null;
    }
    Date time = document.getDate("time");
    return factory.stamp(
        document.getString("subject"),
        document.getString("name"),
        document.getString("agencyId"),
        time == null ? null : time.toInstant());
  }
}
