package org.taskforce.deconfliction.adapter.cases;

import java.util.Collection;
import org.bson.Document;
import org.taskforce.deconfliction.application.SubjectFeed;
import org.taskforce.platform.outbox.Outbox;

/**
 * The subject feed as outbox entries of topic {@value #TOPIC}, one per registration and change
 * ({@code subject-state:<registration>:<change>}); {@link CaseSubjectRelay} delivers them.
 */
public final class OutboxSubjectFeed implements SubjectFeed {
  public static final String TOPIC = "case-subjects";
  private final Outbox outbox;

  public OutboxSubjectFeed(Outbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void prepare(String change, Collection<String> registrationIds) {
    for (String id : registrationIds) {
      outbox.prepare(id(id, change), TOPIC, new Document("registrationId", id));
    }
  }

  @Override
  public void commit(String change, Collection<String> registrationIds) {
    for (String id : registrationIds) {
      outbox.commit(id(id, change));
    }
  }

  private static String id(String registrationId, String change) {
    return "subject-state:" + registrationId + ":" + change;
  }
}
