package org.taskforce.cases.reporting.application;

import java.time.LocalDate;
import org.taskforce.cases.application.Ids;
import org.taskforce.cases.reporting.domain.TrainingAudience;
import org.taskforce.platform.error.Violations;

/** A training or outreach session to record; checked when made. */
public record CreateTraining(
    String title, TrainingAudience audience, LocalDate date, int attendees, String requestId) {
  public static final int MAX_TITLE = 200;
  public static final int MAX_ATTENDEES = 100_000;

  public CreateTraining {
    title = title == null ? "" : title.strip();
    requestId = requestId == null ? "" : requestId;
    Violations v = new Violations();
    v.requireText("training_session.title", title);
    v.check(
        title.length() <= MAX_TITLE,
        "training_session.title",
        "at most " + MAX_TITLE + " characters");
    v.check(audience != null, "training_session.audience", "is required");
    v.check(date != null, "training_session.session_date", "is required");
    v.check(
        attendees >= 1 && attendees <= MAX_ATTENDEES,
        "training_session.attendees",
        "must be 1 to " + MAX_ATTENDEES);
    v.check(
        requestId.length() <= Ids.MAX_LENGTH,
        "request_id",
        "at most " + Ids.MAX_LENGTH + " characters");
    v.throwIfAny();
  }
}
