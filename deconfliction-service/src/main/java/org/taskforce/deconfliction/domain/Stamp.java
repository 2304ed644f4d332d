package org.taskforce.deconfliction.domain;

import java.time.Instant;

/** Who did something and when. */
public record Stamp(String subject, String displayName, String agencyId, Instant time) {}
