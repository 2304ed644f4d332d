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

  /** One timeline line: the audit entry, with its sub-resource and summary. */
  public record Event(AuditEntry entry, String target, String summary) {}

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
          Cursor cursor = Cursor.parse(token);
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
                    e.details().getOrDefault(CaseAudit.SUMMARY, "")));
          }
          String next =
              events.size() < limit
                  ? ""
                  : new Cursor(events.getLast().entry().time(), events.getLast().entry().id())
                      .encode();
          audit.success(
              caller,
              caseId,
              "TIMELINE_READ",
              CaseAudit.resource(caseId) + "/events",
              events.size() + " timeline entries read");
          return new Page<>(events, next);
        });
  }

  private record Cursor(Instant time, String id) {
    String encode() {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString((time.toEpochMilli() + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor parse(String token) {
      if (token == null || token.isBlank()) {
        return null;
      }
      try {
        String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        int colon = s.indexOf(':');
        return new Cursor(
            Instant.ofEpochMilli(Long.parseLong(s.substring(0, colon))), s.substring(colon + 1));
      } catch (RuntimeException e) {
        throw TaskforceException.invalidArgument("page_token", "is not a token this list gave");
      }
    }
  }
}
