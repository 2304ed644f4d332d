package org.taskforce.cases.domain;

import java.time.Instant;

/** Who did something, for which agency, and when. */
public record Stamp(String subject, String displayName, String agencyId, Instant time) {}
