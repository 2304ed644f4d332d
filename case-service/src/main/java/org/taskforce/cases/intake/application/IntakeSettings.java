package org.taskforce.cases.intake.application;

import java.time.Duration;

/**
 * @param intakeAgencyId the agency a tip goes to when its creator names none
 * @param urgentAcknowledgeWithin how long the receiving agency has to take an urgent tip before
 *     notification-service escalates it
 */
public record IntakeSettings(String intakeAgencyId, Duration urgentAcknowledgeWithin) {}
