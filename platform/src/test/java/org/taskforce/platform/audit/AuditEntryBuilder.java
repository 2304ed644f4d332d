package org.taskforce.platform.audit;

import java.time.Instant;
import java.util.Map;

/**
 * Test data: a successful act by user {@code u} ("someone") of agency {@code apd}, a check before
 * acting on {@code checks/<id>} for the purpose "test", unless told otherwise.
 */
final class AuditEntryBuilder {
  private final String id;
  private final Instant time;
  private String agency = "apd";
  private String action = "check.before-acting";
  private String resource;
  private String purpose = "test";
  private String requestId = "";

  private AuditEntryBuilder(String id, Instant time) {
    this.id = id;
    this.time = time;
    this.resource = "checks/" + id;
  }

  static AuditEntryBuilder anEntry(String id, Instant time) {
    return new AuditEntryBuilder(id, time);
  }

  AuditEntryBuilder agency(String agency) {
    this.agency = agency;
    return this;
  }

  AuditEntryBuilder action(String action) {
    this.action = action;
    return this;
  }

  AuditEntryBuilder resource(String resource) {
    this.resource = resource;
    return this;
  }

  AuditEntryBuilder purpose(String purpose) {
    this.purpose = purpose;
    return this;
  }

  AuditEntryBuilder requestId(String requestId) {
    this.requestId = requestId;
    return this;
  }

  AuditEntry build() {
    return new AuditEntry(
        id,
        time,
        "u",
        "someone",
        agency,
        "",
        action,
        resource,
        AuditEntry.Outcome.SUCCESS,
        purpose,
        requestId,
        Map.of());
  }
}
