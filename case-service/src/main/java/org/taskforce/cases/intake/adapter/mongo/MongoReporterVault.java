package org.taskforce.cases.intake.adapter.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.Optional;
import org.bson.Document;
import org.taskforce.cases.intake.application.ReporterVault;
import org.taskforce.cases.intake.domain.Reporter;
import org.taskforce.platform.crypto.FieldSealer;
import org.taskforce.platform.mongo.MongoInserts;

/**
 * Reporters in their own collection ({@value #COLLECTION}), one document per tip holding only the
 * sealed identity: name, phone, e-mail and relationship encrypted together (AES-256-GCM, bound to
 * the tip's id) with {@code taskforce.intake.reporter-key}, which is not in the database. Nothing
 * of the reporter is indexed or kept in clear.
 */
public final class MongoReporterVault implements ReporterVault {
  public static final String COLLECTION = "tip_reporters";
  private final MongoCollection<Document> reporters;
  private final FieldSealer sealer;

  public MongoReporterVault(MongoDatabase database, FieldSealer sealer) {
    this.reporters = database.getCollection(COLLECTION);
    this.sealer = sealer;
  }

  @Override
  public void seal(String tipId, Reporter reporter) {
    Document clear =
        new Document("name", reporter.name())
            .append("phone", reporter.phone())
            .append("email", reporter.email())
            .append("relationship", reporter.relationship());
    MongoInserts.insertIfAbsent(
        reporters, new Document("_id", tipId).append("sealed", sealer.seal(tipId, clear.toJson())));
  }

  @Override
  public Optional<Reporter> open(String tipId) {
    Document d = reporters.find(eq("_id", tipId)).first();
    if (d == null) {
      return Optional.empty();
    }
    Document clear = Document.parse(sealer.open(tipId, d.getString("sealed")));
    return Optional.of(
        new Reporter(
            clear.getString("name"),
            clear.getString("phone"),
            clear.getString("email"),
            clear.getString("relationship")));
  }
}
