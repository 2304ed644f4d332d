package org.taskforce.deconfliction.reporting.config;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code taskforce.deconfliction.reporting.*}.
 *
 * @param leadAgency the task force's lead agency: its grant managers read the task force's report
 * @param zone the task force's time zone: report periods are whole days in it
 * @param tallyInterval how often the background counts the checks made since (in batches) and
 *     rebuilds stale counts (0: never: reports then count at most 2,000 themselves)
 */
@ConfigurationProperties("taskforce.deconfliction.reporting")
public record ReportingProperties(
    @DefaultValue("nm-ago") String leadAgency,
    @DefaultValue("America/Denver") ZoneId zone,
    @DefaultValue("2s") Duration tallyInterval) {}
