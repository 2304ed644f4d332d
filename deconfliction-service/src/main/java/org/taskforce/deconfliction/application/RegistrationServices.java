package org.taskforce.deconfliction.application;

import java.time.Clock;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.paging.PageTokens;

/**
 * What the registration use cases of both kinds ({@link TargetRegistrations}, {@link
 * EventRegistrations}) are built from: matching and recording what it finds, the settings, the
 * audit trail, the clock, the disclosure policy, page tokens and the writes every registration goes
 * through.
 */
public record RegistrationServices(
    Matcher matcher,
    FindingRecorder recorder,
    DeconflictionSettings settings,
    AuditTrail audit,
    Clock clock,
    DisclosurePolicy policy,
    PageTokens pageTokens,
    RegistrationWriting writing) {}
