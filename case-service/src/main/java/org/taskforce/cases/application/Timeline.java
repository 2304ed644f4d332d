package org.taskforce.cases.application;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.taskforce.platform.audit.AuditEntry;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * A case's timeline: its audit trail, newest first — every change, every read and every refused
 * attempt, with who, agency, purpose and outcome. Participants and commanders read it, so owners
 * see who accessed their case.
 */
public final class Timeline {
  private final CaseStore cases;
  private final AuditTrail trail;
  private final CaseAudit audit;

  public Timeline(CaseStore cases, AuditTrail trail, CaseAudit audit) {
    this.cases = cases;
    this.trail = trail;
    this.audit = audit;
  }

  /** One timeline line: the audit entry, with its sub-resource, summary and the caller's reason. */
  public record Event(AuditEntry entry, String target, String summary, String reason) {}

  public Page<Event> list(AgencyPrincipal caller, String caseId, int size, String token) {
    return audit.guarded(
        caller,
        caseId,
        "TIMELINE_READ",
        () -> {
          CaseView.load(cases, caller, caseId).requireRead();
          if (size < 0) {
            throw TaskforceException.invalidArgument("page_size", "must not be negative");
          }
          int limit = size == 0 ? 50 : Math.min(size, 200);
          Cursor cursor = Cursor.parse(token, caseId);
          List<Event> events = new ArrayList<>();
          // Entries of the same millisecond as the cursor come back again; skip those seen.
          List<AuditEntry> entries =
              trail.forResource(
                  CaseAudit.resource(caseId),
                  cursor == null ? null : cursor.time().plusMillis(1),
                  limit + 20);
          for (AuditEntry e : entries) {
            if (cursor != null
                && e.time().equals(cursor.time())
                && e.id().compareTo(cursor.id()) >= 0) {
              continue;
            }
            if (events.size() == limit) {
              break;
            }
            events.add(
                new Event(
                    e,
                    e.details().getOrDefault(CaseAudit.TARGET, e.resource()),
                    e.details().getOrDefault(CaseAudit.SUMMARY, ""),
                    e.details().getOrDefault(CaseAudit.REASON, "")));
          }
          String next =
              events.size() < limit
                  ? ""
                  : new Cursor(events.getLast().entry().time(), events.getLast().entry().id())
                      .encode(caseId);
          audit.success(
              caller,
              caseId,
              "TIMELINE_READ",
              CaseAudit.resource(caseId) + "/events",
              events.size() + " timeline entries read");
          return new Page<>(events, next);
        });
  }

  /** A timeline position, bound to its case: another case's token is INVALID_ARGUMENT. */
  private record Cursor(Instant time, String id) {
    String encode(String caseId) {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              ("events/" + caseId + ":" + time.toEpochMilli() + ":" + id)
                  .getBytes(StandardCharsets.UTF_8));
    }

    static Cursor parse(String token, String caseId) {
      if (token == null || token.isBlank()) {
        return null;
      }
      String[] parts;
      try {
        parts =
            new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":", 3);
        if (parts.length == 3 && parts[0].equals("events/" + caseId)) {
          return new Cursor(Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]);
        }
      } catch (RuntimeException e) {
        throw TaskforceException.invalidArgument("page_token", "is not a token this list gave");
      }
      throw TaskforceException.invalidArgument(
          "page_token", "is not a token of this case's timeline; start again without one");
    }
  }
}
