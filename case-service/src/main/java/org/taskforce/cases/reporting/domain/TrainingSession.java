package org.taskforce.cases.reporting.domain;

import java.time.LocalDate;
import org.taskforce.cases.domain.Stamp;

/** A training or outreach session the task force gave (its third pillar). */
public record TrainingSession(
    String id,
    String title,
    TrainingAudience audience,
    LocalDate date,
    int attendees,
    String agencyId,
    Stamp created) {}
