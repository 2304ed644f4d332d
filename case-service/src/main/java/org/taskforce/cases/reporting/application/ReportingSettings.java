package org.taskforce.cases.reporting.application;

import java.time.ZoneId;

/**
 * @param leadAgency the task force's lead agency, whose grant managers read the task force's report
 * @param threshold victim counts below it are printed "fewer than N"
 * @param zone the task force's time zone: periods are whole days in it
 */
public record ReportingSettings(String leadAgency, int threshold, ZoneId zone) {
  public ReportingSettings {
    if (threshold < 1) {
      throw new IllegalArgumentException("the suppression threshold must be at least 1");
    }
  }
}
