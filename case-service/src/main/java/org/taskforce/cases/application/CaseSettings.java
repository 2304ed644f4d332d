package org.taskforce.cases.application;

import java.time.Period;
import java.time.ZoneId;

/**
 * Case-service policy.
 *
 * @param numberPrefix the task force's prefix of case numbers, e.g. NMHTTF
 * @param zone the task force's time zone: case-number years and review dates are local dates
 * @param defaultReview when a new case is first due for its retention review
 * @param maxReview the longest a case may go without review (28 CFR Part 23: five years)
 */
public record CaseSettings(
    String numberPrefix, ZoneId zone, Period defaultReview, Period maxReview) {}
