package org.taskforce.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox relay works ({@code taskforce.outbox.*}).
 *
 * @param enabled run the relay (it only starts when the service has handlers)
 * @param pollInterval pause between relay rounds
 * @param batchSize messages taken per round
 * @param lease how long a replica owns a message it is delivering before another may take it
 * @param initialBackoff wait after the first failed attempt; doubles per attempt, with jitter
 * @param maxBackoff the longest wait between attempts (a message is never given up)
 * @param preparedTimeout when a PREPARED message without commit is resolved via {@code applied}
 */
@ConfigurationProperties("taskforce.outbox")
public record OutboxProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("500ms") Duration pollInterval,
    @DefaultValue("100") int batchSize,
    @DefaultValue("30s") Duration lease,
    @DefaultValue("1s") Duration initialBackoff,
    @DefaultValue("5m") Duration maxBackoff,
    @DefaultValue("1m") Duration preparedTimeout) {}
