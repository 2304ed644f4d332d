package org.taskforce.deconfliction.reporting.config;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code taskforce.deconfliction.reporting.*}.
 *
 * @param leadAgency the task force's lead agency: its grant managers read the task force's report
 * @param zone the task force's time zone: report periods are whole days in it
 */
@ConfigurationProperties("taskforce.deconfliction.reporting")
public record ReportingProperties(
    @DefaultValue("nm-ago") String leadAgency, @DefaultValue("America/Denver") ZoneId zone) {}
