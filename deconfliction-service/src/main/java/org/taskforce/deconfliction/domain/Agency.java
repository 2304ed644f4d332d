package org.taskforce.deconfliction.domain;

/** An agency of the task force as its token names it; {@code type} is e.g. FEDERAL. */
public record Agency(String id, String displayName, String type) {}
