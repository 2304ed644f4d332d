package org.taskforce.cases.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.taskforce.cases.domain.CaseChange;
import org.taskforce.cases.domain.CaseStatus;
import org.taskforce.cases.domain.CaseType;
import org.taskforce.cases.domain.Contact;
import org.taskforce.cases.domain.JointCase;
import org.taskforce.cases.domain.Participant;
import org.taskforce.cases.domain.ParticipantRole;
import org.taskforce.cases.domain.ParticipantStatus;
import org.taskforce.cases.domain.Stamp;
import org.taskforce.platform.error.ErrorKind;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.notify.Notice;
import org.taskforce.platform.security.AgencyPrincipal;
import org.taskforce.platform.security.AgencyType;
import org.taskforce.platform.security.Roles;

/** Cases and their participants: open, read, list, edit, move along, review, share, hand off. */
public final class Cases {
  static final int MAX_TITLE = 200;
  static final int MAX_SUMMARY = 4000;
  static final int MAX_JURISDICTIONS = 20;
  static final int MAX_JURISDICTION = 100;
  public static final int MAX_REASON_LENGTH = 500;

  private final CaseStore store;
  private final AgencyDirectory agencies;
  private final CaseNotices notices;
  private final CaseAudit audit;
  private final CaseSettings settings;
  private final Clock clock;

  public Cases(
      CaseStore store,
      AgencyDirectory agencies,
      CaseNotices notices,
      CaseAudit audit,
      CaseSettings settings,
      Clock clock) {
    this.store = store;
    this.agencies = agencies;
    this.notices = notices;
    this.audit = audit;
    this.settings = settings;
    this.clock = clock;
  }

  /** What a new case or an edit says; null fields of an edit are left as they are. */
  public record Details(
      String title,
      CaseType type,
      List<String> jurisdictions,
      String summary,
      LocalDate reviewDate) {}

  // ---- cases

  public JointCase create(AgencyPrincipal caller, Details draft, String requestId) {
    if (caller.kind() != AgencyPrincipal.Kind.USER) {
      throw TaskforceException.permissionDenied(
          "ROLE_REQUIRED", "cases are opened by people, not by client systems");
    }
    CaseView.requireUserRole(caller, CaseView.ADMINISTRATORS);
    if (caller.agencyType() == AgencyType.SERVICE_PROVIDER) {
      throw TaskforceException.permissionDenied(
          "AGENCY_NOT_PERMITTED",
          "victim-service providers join cases by invitation; they do not lead them");
    }
    Violations v = new Violations();
    validateDetails(v, "case.", draft, true);
    v.throwIfAny();
    String id = Ids.of("c", requestId, caller.agencyId());
    var existing = store.get(id);
    if (existing.isPresent()) {
      return existing.get();
    }
    Stamp now = stamp(caller);
    LocalDate today = today();
    String number =
        "%s-%d-%04d"
            .formatted(
                settings.numberPrefix(),
                today.getYear(),
                store.nextNumber(settings.numberPrefix() + "-" + today.getYear()));
    Participant lead =
        new Participant(
            caller.agencyId(),
            agencyName(caller.agencyId()),
            caller.agencyType().name(),
            ParticipantRole.LEAD,
            ParticipantStatus.ACTIVE,
            new Contact(caller.displayName(), "", "", ""),
            now,
            now);
    JointCase c =
        new JointCase(
            id,
            number,
            draft.title().strip(),
            draft.type(),
            CaseStatus.OPEN,
            cleanJurisdictions(draft.jurisdictions()),
            draft.summary() == null ? "" : draft.summary().strip(),
            List.of(lead),
            draft.reviewDate() != null ? draft.reviewDate() : today.plus(settings.defaultReview()),
            now,
            now,
            1,
            List.of());
    if (!store.insertIfAbsent(c)) {
      return store.get(id).orElseThrow();
    }
    audit.success(caller, id, "CASE_CREATED", CaseAudit.resource(id), "opened case " + number);
    return c;
  }

  public JointCase get(AgencyPrincipal caller, String caseId) {
    return audit.guarded(
        caller,
        caseId,
        "CASE_READ",
        () -> {
          JointCase c = CaseView.load(store, caller, caseId).c();
          audit.success(caller, caseId, "CASE_READ", CaseAudit.resource(caseId), c.number());
          return c;
        });
  }

  public Page<JointCase> list(
      AgencyPrincipal caller,
      java.util.Set<CaseStatus> statuses,
      java.util.Set<CaseType> types,
      String agencyId,
      String titleContains,
      int pageSize,
      String pageToken) {
    Violations v = new Violations();
    v.check(pageSize >= 0, "page_size", "must not be negative");
    v.check(
        titleContains == null || titleContains.length() <= MAX_TITLE,
        "title_contains",
        "must be at most " + MAX_TITLE + " characters");
    v.throwIfAny();
    CaseQuery query =
        new CaseQuery(
            CaseView.isTaskForceCommander(caller) ? null : caller.agencyId(),
            statuses,
            types,
            blankToNull(agencyId),
            blankToNull(titleContains));
    Page<JointCase> page = store.list(query, pageSize, pageToken);
    audit.listed(caller, page.items().size());
    return page;
  }

  public JointCase update(
      AgencyPrincipal caller, String caseId, long expectedVersion, Details changes) {
    return audit.guarded(
        caller,
        caseId,
        "CASE_UPDATED",
        () -> {
          JointCase c = administered(caller, caseId, expectedVersion);
          requireNotClosed(c);
          Violations v = new Violations();
          validateDetails(v, "case.", changes, false);
          v.throwIfAny();
          JointCase next =
              c.withDetails(
                  changes.title() != null ? changes.title().strip() : c.title(),
                  changes.type() != null ? changes.type() : c.type(),
                  changes.jurisdictions() != null
                      ? cleanJurisdictions(changes.jurisdictions())
                      : c.jurisdictions(),
                  changes.summary() != null ? changes.summary().strip() : c.summary(),
                  changes.reviewDate() != null ? changes.reviewDate() : c.reviewDate(),
                  stamp(caller));
          save(next, expectedVersion);
          audit.success(
              caller, caseId, "CASE_UPDATED", CaseAudit.resource(caseId), "case details edited");
          return next;
        });
  }

  public JointCase changeStatus(
      AgencyPrincipal caller,
      String caseId,
      CaseStatus target,
      String reason,
      long expectedVersion) {
    return audit.guarded(
        caller,
        caseId,
        "CASE_STATUS_CHANGED",
        () -> {
          Violations v = new Violations();
          v.check(
              target != null, "status", "is required: ACTIVE, REFERRED_FOR_PROSECUTION or CLOSED");
          checkReason(v, reason);
          v.throwIfAny();
          JointCase c = administered(caller, caseId, expectedVersion);
          if (!c.status().canMoveTo(target)) {
            throw TaskforceException.failedPrecondition(
                "INVALID_STATUS_TRANSITION",
                "a " + c.status() + " case can move to " + c.status().next() + ", not " + target);
          }
          return record(
              caller,
              c.withStatus(target, stamp(caller)),
              expectedVersion,
              "CASE_STATUS_CHANGED",
              CaseAudit.resource(caseId),
              "status " + c.status() + " → " + target,
              reason,
              next ->
                  notices.caseUpdated(
                      next,
                      caller.agencyId(),
                      "status-changed",
                      "Case " + next.number() + " is now " + target,
                      agencyName(caller.agencyId())
                          + " moved the case from "
                          + c.status()
                          + " to "
                          + target
                          + "."));
        });
  }

  public JointCase review(
      AgencyPrincipal caller,
      String caseId,
      LocalDate nextReview,
      String note,
      long expectedVersion) {
    return audit.guarded(
        caller,
        caseId,
        "CASE_REVIEWED",
        () -> {
          Violations v = new Violations();
          checkReviewDate(v, "next_review_date", nextReview, true);
          checkText(v, "note", note);
          v.throwIfAny();
          JointCase c = administered(caller, caseId, expectedVersion);
          return record(
              caller,
              c.withDetails(
                  c.title(), c.type(), c.jurisdictions(), c.summary(), nextReview, stamp(caller)),
              expectedVersion,
              "CASE_REVIEWED",
              CaseAudit.resource(caseId),
              "retention review recorded; next review " + nextReview,
              note,
              next -> List.of());
        });
  }

  // ---- participants

  public JointCase invite(
      AgencyPrincipal caller,
      String caseId,
      String agencyId,
      ParticipantRole role,
      long expectedVersion) {
    return audit.guarded(
        caller,
        caseId,
        "PARTICIPANT_INVITED",
        () -> {
          Violations v = new Violations();
          var agency =
              agencyId == null || agencyId.isBlank() || agencyId.length() > Ids.MAX_LENGTH
                  ? null
                  : agencies.find(agencyId);
          if (agency == null) {
            v.add(
                "agency.agency_id",
                agencyId == null || agencyId.isBlank()
                    ? "is required"
                    : "must be at most " + Ids.MAX_LENGTH + " characters");
          } else if (agency.isEmpty()) {
            v.add("agency.agency_id", "'" + agencyId + "' is not an agency of this task force");
          }
          if (role == null) {
            v.add("role", "is required: SUPPORTING, PROSECUTION or VICTIM_SERVICES");
          } else if (role == ParticipantRole.LEAD) {
            v.add("role", "LEAD changes only through HandOffLead");
          } else if (agency != null && agency.isPresent()) {
            boolean provider = agency.get().type() == AgencyType.SERVICE_PROVIDER;
            if (provider != (role == ParticipantRole.VICTIM_SERVICES)) {
              v.add(
                  "role",
                  provider
                      ? "a victim-service provider joins as VICTIM_SERVICES"
                      : "VICTIM_SERVICES is for victim-service providers");
            }
          }
          v.throwIfAny();
          JointCase c = administered(caller, caseId, expectedVersion);
          requireNotClosed(c);
          var existing = c.participant(agencyId);
          if (existing.isPresent() && existing.get().status().knowsCase()) {
            throw new TaskforceException(
                ErrorKind.ALREADY_EXISTS,
                "ALREADY_PARTICIPANT",
                agencyId + " is already " + existing.get().status() + " on this case");
          }
          Stamp now = stamp(caller);
          Participant invited =
              new Participant(
                  agencyId,
                  agency.get().displayName(),
                  agency.get().type().name(),
                  role,
                  ParticipantStatus.INVITED,
                  Contact.NONE,
                  now,
                  null);
          return record(
              caller,
              c.withParticipant(invited, now),
              expectedVersion,
              "PARTICIPANT_INVITED",
              CaseAudit.resource(caseId) + "/participants/" + agencyId,
              agencyId + " invited as " + role,
              "",
              next ->
                  List.of(
                      notices.caseShared(
                          next, agencyId, role.name(), agencyName(caller.agencyId()))));
        });
  }

  public JointCase respond(
      AgencyPrincipal caller, String caseId, String agencyId, boolean accept, Contact contact) {
    return audit.guarded(
        caller,
        caseId,
        accept ? "INVITATION_ACCEPTED" : "INVITATION_DECLINED",
        () -> {
          CaseView view = CaseView.load(store, caller, caseId);
          if (!caller.belongsTo(agencyId)) {
            throw TaskforceException.permissionDenied(
                "NOT_YOUR_INVITATION", "only " + agencyId + " answers its invitation");
          }
          CaseView.requireUserRole(
              caller, Roles.INVESTIGATOR, Roles.COMMANDER, Roles.VICTIM_ADVOCATE);
          if (!view.isInvited()) {
            throw TaskforceException.failedPrecondition(
                "NO_PENDING_INVITATION", agencyId + " has no pending invitation to this case");
          }
          Violations v = new Violations();
          checkContact(v, "point_of_contact", contact);
          v.throwIfAny();
          JointCase c = view.c();
          Participant p = c.participant(agencyId).orElseThrow();
          Stamp now = stamp(caller);
          Participant answered =
              p.with(p.role(), accept ? ParticipantStatus.ACTIVE : ParticipantStatus.DECLINED, now)
                  .withContact(
                      contact == null || contact.displayName().isBlank()
                          ? new Contact(caller.displayName(), "", "", "")
                          : contact);
          return record(
              caller,
              c.withParticipant(answered, now),
              c.version(),
              accept ? "INVITATION_ACCEPTED" : "INVITATION_DECLINED",
              CaseAudit.resource(caseId) + "/participants/" + agencyId,
              agencyId + (accept ? " joined as " + p.role() : " declined"),
              "",
              next ->
                  notices.caseUpdated(
                      next,
                      agencyId,
                      accept ? "participant-joined" : "participant-declined",
                      (accept ? "Agency joined case " : "Invitation declined on case ")
                          + next.number(),
                      p.agencyName()
                          + (accept ? " joined the case as " + p.role() + "." : " declined.")));
        });
  }

  /** The lead removes an agency, or an agency leaves; the lead itself hands off first. */
  public JointCase remove(
      AgencyPrincipal caller, String caseId, String agencyId, String reason, long expectedVersion) {
    return audit.guarded(
        caller,
        caseId,
        "PARTICIPANT_REMOVED",
        () -> {
          Violations v = new Violations();
          checkReason(v, reason);
          v.throwIfAny();
          CaseView view = CaseView.load(store, caller, caseId);
          boolean leaving = caller.belongsTo(agencyId);
          if (leaving) {
            CaseView.requireUserRole(caller, CaseView.ADMINISTRATORS);
          } else {
            view.require(CaseView.LEAD, CaseView.ADMINISTRATORS);
          }
          JointCase c = view.c();
          requireVersion(c, expectedVersion);
          Participant p =
              c.participant(agencyId)
                  .filter(x -> x.status().knowsCase())
                  .orElseThrow(() ->
                      TaskforceException.failedPrecondition(
                          "NOT_A_PARTICIPANT", agencyId + " is not on this case"));
          if (p.isActive() && p.role() == ParticipantRole.LEAD) {
            throw TaskforceException.failedPrecondition(
                "LEAD_CANNOT_LEAVE", "hand the lead to another agency before the lead leaves");
          }
          Stamp now = stamp(caller);
          return record(
              caller,
              c.withParticipant(p.with(p.role(), ParticipantStatus.REMOVED, now), now),
              expectedVersion,
              leaving ? "PARTICIPANT_LEFT" : "PARTICIPANT_REMOVED",
              CaseAudit.resource(caseId) + "/participants/" + agencyId,
              agencyId + (leaving ? " left the case" : " removed from the case"),
              reason,
              next -> {
                List<Notice> told =
                    new ArrayList<>(
                        notices.caseUpdated(
                            next,
                            caller.agencyId(),
                            "participant-left",
                            "Agency left case " + next.number(),
                            p.agencyName()
                                + (leaving ? " left the case." : " was removed from the case.")));
                if (!leaving) {
                  told.add(
                      notices.toAgency(
                          next,
                          agencyId,
                          "participant-removed",
                          "Your agency was removed from case " + next.number(),
                          agencyName(caller.agencyId()) + " removed your agency from the case."));
                }
                return told;
              });
        });
  }

  /** Moves LEAD to an active participant in one write: never zero or two leads. */
  public JointCase handOffLead(
      AgencyPrincipal caller,
      String caseId,
      String newLead,
      ParticipantRole previousLeadRole,
      String reason,
      long expectedVersion) {
    return audit.guarded(
        caller,
        caseId,
        "LEAD_HANDED_OFF",
        () -> {
          Violations v = new Violations();
          v.requireText("new_lead_agency_id", newLead);
          Ids.checkLength(v, "new_lead_agency_id", newLead);
          if (previousLeadRole == null || previousLeadRole == ParticipantRole.LEAD) {
            v.add("previous_lead_role", "is required: SUPPORTING or PROSECUTION");
          } else if (previousLeadRole == ParticipantRole.VICTIM_SERVICES) {
            v.add("previous_lead_role", "VICTIM_SERVICES is for victim-service providers");
          }
          checkReason(v, reason);
          v.throwIfAny();
          JointCase c = administered(caller, caseId, expectedVersion);
          requireNotClosed(c);
          Participant oldLead = c.lead();
          Participant incoming =
              c.participant(newLead)
                  .filter(Participant::isActive)
                  .orElseThrow(() ->
                      TaskforceException.failedPrecondition(
                          "NEW_LEAD_NOT_ACTIVE",
                          newLead + " must be an active participant to take the lead"));
          if (incoming.agencyId().equals(oldLead.agencyId())) {
            throw TaskforceException.failedPrecondition(
                "ALREADY_LEAD", newLead + " already leads this case");
          }
          if (AgencyType.SERVICE_PROVIDER.name().equals(incoming.agencyType())) {
            throw TaskforceException.failedPrecondition(
                "LEAD_MUST_INVESTIGATE", "a victim-service provider cannot lead a case");
          }
          Stamp now = stamp(caller);
          List<Participant> list = new ArrayList<>();
          for (Participant p : c.participants()) {
            if (p.agencyId().equals(oldLead.agencyId())) {
              list.add(p.with(previousLeadRole, ParticipantStatus.ACTIVE, now));
            } else if (p.agencyId().equals(newLead)) {
              list.add(p.with(ParticipantRole.LEAD, ParticipantStatus.ACTIVE, now));
            } else {
              list.add(p);
            }
          }
          return record(
              caller,
              c.withParticipants(list, now),
              expectedVersion,
              "LEAD_HANDED_OFF",
              CaseAudit.resource(caseId) + "/participants/" + newLead,
              "lead "
                  + oldLead.agencyId()
                  + " → "
                  + newLead
                  + "; "
                  + oldLead.agencyId()
                  + " is now "
                  + previousLeadRole,
              reason,
              next ->
                  notices.caseUpdated(
                      next,
                      caller.agencyId(),
                      "lead-changed",
                      "New lead on case " + next.number(),
                      incoming.agencyName()
                          + " now leads the case; "
                          + oldLead.agencyName()
                          + " stays as "
                          + previousLeadRole
                          + "."));
        });
  }

  // ---- helpers

  /**
   * Writes a change that goes into the case history (with the caller's reason) together with the
   * notices announcing it: prepared before the write, committed after it (see {@link
   * CaseNotices#announcing}); then the audit entry, which also carries the reason.
   */
  private JointCase record(
      AgencyPrincipal caller,
      JointCase changed,
      long expectedVersion,
      String action,
      String target,
      String summary,
      String reason,
      Function<JointCase, List<Notice>> announce) {
    JointCase next =
        changed.recording(
            new CaseChange(
                Ids.of("x", null),
                changed.version(),
                action,
                summary,
                reason == null ? "" : reason.strip(),
                changed.updated()));
    notices.announcing(
        announce.apply(next),
        () -> {
          save(next, expectedVersion);
          return true;
        });
    audit.success(caller, next.id(), action, target, summary, reason);
    return next;
  }

  private JointCase administered(AgencyPrincipal caller, String caseId, long expectedVersion) {
    JointCase c =
        CaseView.load(store, caller, caseId).require(CaseView.LEAD, CaseView.ADMINISTRATORS).c();
    requireVersion(c, expectedVersion);
    return c;
  }

  static void requireVersion(JointCase c, long expected) {
    if (c.version() != expected) {
      throw TaskforceException.staleEtag("case", c.id());
    }
  }

  private void save(JointCase next, long expectedVersion) {
    if (!store.replace(next, expectedVersion)) {
      throw TaskforceException.staleEtag("case", next.id());
    }
  }

  static void requireNotClosed(JointCase c) {
    if (c.status() == CaseStatus.CLOSED) {
      throw TaskforceException.failedPrecondition(
          "CASE_CLOSED", "case " + c.number() + " is closed");
    }
  }

  private void validateDetails(Violations v, String prefix, Details d, boolean creating) {
    if (creating || d.title() != null) {
      String title = d.title() == null ? "" : d.title().strip();
      v.check(!title.isEmpty(), prefix + "title", "is required");
      v.check(
          title.length() <= MAX_TITLE,
          prefix + "title",
          "must be at most " + MAX_TITLE + " characters");
    }
    if (creating || d.type() != null) {
      v.check(
          d.type() != null,
          prefix + "case_type",
          "is required: SEX_TRAFFICKING, LABOR_TRAFFICKING, SEX_AND_LABOR or OTHER");
    }
    if (d.jurisdictions() != null) {
      v.check(
          d.jurisdictions().size() <= MAX_JURISDICTIONS,
          prefix + "jurisdictions",
          "at most " + MAX_JURISDICTIONS + " jurisdictions");
      for (int i = 0; i < d.jurisdictions().size(); i++) {
        String j = d.jurisdictions().get(i);
        v.check(
            j != null && !j.isBlank() && j.strip().length() <= MAX_JURISDICTION,
            prefix + "jurisdictions[" + i + "]",
            "must be 1 to " + MAX_JURISDICTION + " characters");
      }
    }
    if (d.summary() != null) {
      v.check(
          d.summary().length() <= MAX_SUMMARY,
          prefix + "summary",
          "must be at most " + MAX_SUMMARY + " characters");
    }
    checkReviewDate(v, prefix + "review_date", d.reviewDate(), false);
  }

  private void checkReviewDate(Violations v, String field, LocalDate date, boolean required) {
    if (date == null) {
      v.check(!required, field, "is required");
      return;
    }
    LocalDate today = today();
    v.check(date.isAfter(today), field, "must be after today (" + today + ")");
    v.check(
        !date.isAfter(today.plus(settings.maxReview())),
        field,
        "must be within " + settings.maxReview().getYears() + " years (28 CFR Part 23)");
  }

  private static void checkReason(Violations v, String reason) {
    checkText(v, "reason", reason);
  }

  /** A reason or note: at most {@value #MAX_REASON_LENGTH} characters. */
  static void checkText(Violations v, String field, String text) {
    v.check(
        text == null || text.length() <= MAX_REASON_LENGTH,
        field,
        "must be at most " + MAX_REASON_LENGTH + " characters");
  }

  static void checkContact(Violations v, String field, Contact contact) {
    if (contact == null) {
      return;
    }
    v.check(
        contact.displayName().length() <= 200, field + ".display_name", "at most 200 characters");
    v.check(contact.title().length() <= 200, field + ".title", "at most 200 characters");
    v.check(
        contact.email().isEmpty()
            || contact.email().length() <= 254
                && contact.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"),
        field + ".email",
        "must be an e-mail address");
    v.check(
        contact.phone().isEmpty() || contact.phone().matches("\\+[1-9][0-9]{6,14}"),
        field + ".phone",
        "must be E.164, e.g. +15055550100");
  }

  private static List<String> cleanJurisdictions(List<String> given) {
    return given == null ? List.of() : given.stream().map(String::strip).distinct().toList();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  String agencyName(String agencyId) {
    return agencies.find(agencyId).map(AgencyDirectory.Agency::displayName).orElse(agencyId);
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(settings.zone()));
  }

  private Stamp stamp(AgencyPrincipal caller) {
    return stampOf(caller, clock);
  }

  /** Who and when, to the millisecond MongoDB keeps: what is returned equals what is read back. */
  public static Stamp stampOf(AgencyPrincipal caller, Clock clock) {
    return new Stamp(
        caller.subject(),
        caller.displayName(),
        caller.agencyId(),
        clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
  }
}
