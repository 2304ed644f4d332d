package org.taskforce.notifications.application;

import java.util.List;
import org.taskforce.platform.error.Violations;

/** Many publications in one call (an outbox relay's batch): at least one, at most {@link #MAX}. */
public record PublicationBatch(List<Publication> publications) {
  /** The most publications one batch may carry. */
  public static final int MAX = 500;

  public PublicationBatch {
    Violations violations = new Violations();
    violations.check(!publications.isEmpty(), "requests", "at least one publication is required");
    violations.check(
        publications.size() <= MAX,
        "requests",
        "at most " + MAX + " publications per call, got " + publications.size());
    violations.throwIfAny();
    publications = List.copyOf(publications);
  }
}
