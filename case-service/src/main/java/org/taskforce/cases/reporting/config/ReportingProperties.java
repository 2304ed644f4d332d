package org.taskforce.cases.reporting.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code taskforce.cases.reporting.*}.
 *
 * @param leadAgency the task force's lead agency: its grant managers read the task force's report
 * @param suppressionThreshold victim counts below it are printed "fewer than N" (default 5)
 * @param personKeySecret the secret of victims' person keys (HMAC): set it per deployment and keep
 *     it apart from the database; changing it splits every person into new keys
 * @param tallyInterval how often the background brings the case tallies up to date (0: never; a
 *     report then applies at most {@code CaseTallies.PER_REQUEST} pending cases itself)
 */
@ConfigurationProperties("taskforce.cases.reporting")
public record ReportingProperties(
    @DefaultValue("nm-ago") String leadAgency,
    @DefaultValue("5") int suppressionThreshold,
    @DefaultValue("dev-person-key-secret-change-me") String personKeySecret,
    @DefaultValue("10s") Duration tallyInterval) {}
