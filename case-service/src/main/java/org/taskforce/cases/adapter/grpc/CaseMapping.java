package org.taskforce.cases.adapter.grpc;

import com.google.protobuf.FieldMask;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.taskforce.api.cases.v1.Case;
import org.taskforce.api.cases.v1.CaseEvent;
import org.taskforce.api.cases.v1.Note;
import org.taskforce.api.cases.v1.Participant;
import org.taskforce.api.cases.v1.Subject;
import org.taskforce.api.cases.v1.Task;
import org.taskforce.api.cases.v1.Victim;
import org.taskforce.api.common.v1.ActorStamp;
import org.taskforce.api.common.v1.AgencyRef;
import org.taskforce.api.common.v1.AgencyType;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.common.v1.PointOfContact;
import org.taskforce.api.common.v1.Selector;
import org.taskforce.cases.application.Timeline;
import org.taskforce.cases.domain.CaseStatus;
import org.taskforce.cases.domain.CaseTask;
import org.taskforce.cases.domain.CaseType;
import org.taskforce.cases.domain.Contact;
import org.taskforce.cases.domain.JointCase;
import org.taskforce.cases.domain.ParticipantRole;
import org.taskforce.cases.domain.Stamp;
import org.taskforce.cases.domain.SubjectKind;
import org.taskforce.cases.domain.TaskStatus;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.grpc.ProtoEnums;

/** Between the cases.v1 contract and case-service's domain. */
final class CaseMapping {
  private CaseMapping() {}

  // ---- out

  static Case toProto(JointCase c) {
    Case.Builder b =
        Case.newBuilder()
            .setCaseId(c.id())
            .setCaseNumber(c.number())
            .setTitle(c.title())
            .setCaseType(org.taskforce.api.cases.v1.CaseType.valueOf("CASE_TYPE_" + c.type()))
            .setStatus(org.taskforce.api.cases.v1.CaseStatus.valueOf("CASE_STATUS_" + c.status()))
            .addAllJurisdictions(c.jurisdictions())
            .setSummary(c.summary())
            .setCreated(stamp(c.created()))
            .setUpdated(stamp(c.updated()))
            .setEtag(etag(c.version()));
    if (c.reviewDate() != null) {
      b.setReviewDate(date(c.reviewDate()));
    }
    for (org.taskforce.cases.domain.Participant p : c.participants()) {
      Participant.Builder pb =
          Participant.newBuilder()
              .setAgency(
                  AgencyRef.newBuilder()
                      .setAgencyId(p.agencyId())
                      .setDisplayName(p.agencyName())
                      .setAgencyType(AgencyType.valueOf("AGENCY_TYPE_" + p.agencyType())))
              .setRole(
                  org.taskforce.api.cases.v1.ParticipantRole.valueOf(
                      "PARTICIPANT_ROLE_" + p.role()))
              .setStatus(
                  org.taskforce.api.cases.v1.ParticipantStatus.valueOf(
                      "PARTICIPANT_STATUS_" + p.status()))
              .setPointOfContact(contact(p.contact()))
              .setInvited(stamp(p.invited()));
      if (p.responded() != null) {
        pb.setResponded(stamp(p.responded()));
      }
      b.addParticipants(pb);
    }
    for (org.taskforce.cases.domain.CaseChange h : c.history()) {
      b.addChanges(
          org.taskforce.api.cases.v1.CaseChange.newBuilder()
              .setChangeId(h.id())
              .setAction(h.action())
              .setSummary(h.summary())
              .setReason(h.reason())
              .setActor(stamp(h.actor())));
    }
    return b.build();
  }

  static Subject toProto(org.taskforce.cases.domain.Subject s) {
    Subject.Builder b =
        Subject.newBuilder()
            .setSubjectId(s.id())
            .setCaseId(s.caseId())
            .setKind(org.taskforce.api.cases.v1.SubjectKind.valueOf("SUBJECT_KIND_" + s.kind()))
            .setDisplayName(s.displayName())
            .setAddedByAgencyId(s.addedByAgency())
            .setDeconflictionState(
                org.taskforce.api.cases.v1.DeconflictionState.valueOf(
                    "DECONFLICTION_STATE_" + s.state()))
            .setTargetRegistrationId(s.registrationId())
            .setDisclosureLevel(DisclosureLevel.valueOf("DISCLOSURE_LEVEL_" + s.disclosure()))
            .setCreated(stamp(s.created()))
            .setPointOfContact(contact(s.contact()))
            .setDeconflictionDetail(s.stateDetail())
            .setRemovalReason(s.removalReason());
    if (s.removed() != null) {
      b.setRemoved(stamp(s.removed()));
    }
    if (s.registrationExpires() != null) {
      b.setRegistrationExpireTime(timestamp(s.registrationExpires()));
    }
    for (String json : s.selectors()) {
      Selector.Builder selector = Selector.newBuilder();
      try {
        JsonFormat.parser().merge(json, selector);
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalStateException("stored selector is not a Selector", e);
      }
      b.addSelectors(selector);
    }
    return b.build();
  }

  static Task toProto(CaseTask t) {
    Task.Builder b =
        Task.newBuilder()
            .setTaskId(t.id())
            .setCaseId(t.caseId())
            .setTitle(t.title())
            .setDescription(t.description())
            .setAssigneeAgencyId(t.assigneeAgencyId())
            .setAssigneeSubject(t.assigneeSubject())
            .setStatus(org.taskforce.api.cases.v1.TaskStatus.valueOf("TASK_STATUS_" + t.status()))
            .setCreated(stamp(t.created()))
            .setUpdated(stamp(t.updated()))
            .setEtag(etag(t.version()));
    if (t.dueDate() != null) {
      b.setDueDate(date(t.dueDate()));
    }
    return b.build();
  }

  static Note toProto(org.taskforce.cases.domain.Note n) {
    return Note.newBuilder()
        .setNoteId(n.id())
        .setCaseId(n.caseId())
        .setText(n.text())
        .setCorrectsNoteId(n.correctsNoteId())
        .setCreated(stamp(n.created()))
        .build();
  }

  static Victim toProto(org.taskforce.cases.domain.Victim v) {
    Victim.Builder b =
        Victim.newBuilder()
            .setVictimId(v.id())
            .setCaseId(v.caseId())
            .setDisplayName(v.displayName())
            .setPreferredLanguage(v.preferredLanguage())
            .setMinor(v.minor())
            .addAllServicesEngaged(v.servicesEngaged())
            .setConsentToShare(v.consentToShare())
            .setCreated(stamp(v.created()))
            .setUpdated(stamp(v.updated()))
            .setEtag(etag(v.version()))
            .setIdentification(
                org.taskforce.api.cases.v1.VictimIdentification.valueOf(
                    "VICTIM_IDENTIFICATION_" + v.identification().name()))
            .setCitizenship(
                v.citizenship() == org.taskforce.cases.domain.Citizenship.UNKNOWN
                    ? org.taskforce.api.cases.v1.Citizenship.CITIZENSHIP_UNSPECIFIED
                    : org.taskforce.api.cases.v1.Citizenship.valueOf(
                        "CITIZENSHIP_" + v.citizenship().name()));
    if (v.dateOfBirth() != null) {
      b.setDateOfBirth(date(v.dateOfBirth()));
    }
    return b.build();
  }

  /** Unset: potential (left as it is in an update that does not name it). */
  static org.taskforce.cases.domain.VictimIdentification identification(
      org.taskforce.api.cases.v1.VictimIdentification value, Violations v) {
    var known = ProtoEnums.optional(value, "victim.identification", v);
    return known == null
        ? org.taskforce.cases.domain.VictimIdentification.POTENTIAL
        : org.taskforce.cases.domain.VictimIdentification.valueOf(
            known.name().substring("VICTIM_IDENTIFICATION_".length()));
  }

  /** Unset: not known. */
  static org.taskforce.cases.domain.Citizenship citizenship(
      org.taskforce.api.cases.v1.Citizenship value, Violations v) {
    var known = ProtoEnums.optional(value, "victim.citizenship", v);
    return known == null
        ? org.taskforce.cases.domain.Citizenship.UNKNOWN
        : org.taskforce.cases.domain.Citizenship.valueOf(
            known.name().substring("CITIZENSHIP_".length()));
  }

  static CaseEvent toProto(Timeline.Event e) {
    var entry = e.entry();
    return CaseEvent.newBuilder()
        .setEventId(entry.id())
        .setAction(entry.action())
        .setResource(e.target())
        .setOutcome(entry.outcome().name())
        .setPurpose(entry.purpose())
        .setActor(
            ActorStamp.newBuilder()
                .setSubject(entry.actorSubject())
                .setDisplayName(entry.actorName())
                .setAgencyId(entry.agencyId())
                .setTime(timestamp(entry.time())))
        .setSummary(e.summary())
        .setReason(e.reason())
        .setTime(timestamp(entry.time()))
        .build();
  }

  static ActorStamp stamp(Stamp s) {
    return ActorStamp.newBuilder()
        .setSubject(s.subject())
        .setDisplayName(s.displayName())
        .setAgencyId(s.agencyId())
        .setTime(timestamp(s.time()))
        .build();
  }

  static PointOfContact contact(Contact c) {
    return PointOfContact.newBuilder()
        .setDisplayName(c.displayName())
        .setTitle(c.title())
        .setPhone(c.phone())
        .setEmail(c.email())
        .build();
  }

  static Timestamp timestamp(Instant i) {
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
  }

  static com.google.type.Date date(LocalDate d) {
    return com.google.type.Date.newBuilder()
        .setYear(d.getYear())
        .setMonth(d.getMonthValue())
        .setDay(d.getDayOfMonth())
        .build();
  }

  static String etag(long version) {
    return "\"" + version + "\"";
  }

  // ---- in

  /** The version an etag names: required; one that is not ours is stale (ABORTED). */
  static long version(String field, String etag) {
    if (etag == null || etag.isBlank()) {
      throw TaskforceException.invalidArgument(
          field, "is required: send the etag of the version you read");
    }
    String s = etag.trim();
    if (s.startsWith("W/")) {
      s = s.substring(2);
    }
    try {
      return Long.parseLong(s.replace("\"", ""));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** A full date, or null when unset; an impossible one is a violation. */
  static LocalDate date(Violations v, String field, boolean has, com.google.type.Date d) {
    if (!has || d.getYear() == 0 && d.getMonth() == 0 && d.getDay() == 0) {
      return null;
    }
    if (d.getYear() < 1 || d.getYear() > 9999) {
      // google.type.Date's own range; beyond it storage and period arithmetic would fail.
      v.add(field, "is not a calendar date (year, month and day are all required)");
      return null;
    }
    try {
      return LocalDate.of(d.getYear(), d.getMonth(), d.getDay());
    } catch (DateTimeException e) {
      v.add(field, "is not a calendar date (year, month and day are all required)");
      return null;
    }
  }

  static Contact contact(PointOfContact p) {
    return new Contact(p.getDisplayName(), p.getTitle(), p.getPhone(), p.getEmail());
  }

  static CaseType type(Violations v, String field, org.taskforce.api.cases.v1.CaseType t) {
    return switch (t) {
      case CASE_TYPE_SEX_TRAFFICKING -> CaseType.SEX_TRAFFICKING;
      case CASE_TYPE_LABOR_TRAFFICKING -> CaseType.LABOR_TRAFFICKING;
      case CASE_TYPE_SEX_AND_LABOR -> CaseType.SEX_AND_LABOR;
      case CASE_TYPE_OTHER -> CaseType.OTHER;
      case CASE_TYPE_UNSPECIFIED -> null;
      case UNRECOGNIZED -> {
        v.add(field, "is not a case type this service knows");
        yield null;
      }
    };
  }

  static CaseStatus status(org.taskforce.api.cases.v1.CaseStatus s) {
    return switch (s) {
      case CASE_STATUS_OPEN -> CaseStatus.OPEN;
      case CASE_STATUS_ACTIVE -> CaseStatus.ACTIVE;
      case CASE_STATUS_REFERRED_FOR_PROSECUTION -> CaseStatus.REFERRED_FOR_PROSECUTION;
      case CASE_STATUS_CLOSED -> CaseStatus.CLOSED;
      case CASE_STATUS_UNSPECIFIED, UNRECOGNIZED -> null;
    };
  }

  static ParticipantRole role(org.taskforce.api.cases.v1.ParticipantRole r) {
    return switch (r) {
      case PARTICIPANT_ROLE_LEAD -> ParticipantRole.LEAD;
      case PARTICIPANT_ROLE_SUPPORTING -> ParticipantRole.SUPPORTING;
      case PARTICIPANT_ROLE_PROSECUTION -> ParticipantRole.PROSECUTION;
      case PARTICIPANT_ROLE_VICTIM_SERVICES -> ParticipantRole.VICTIM_SERVICES;
      case PARTICIPANT_ROLE_UNSPECIFIED, UNRECOGNIZED -> null;
    };
  }

  static SubjectKind kind(org.taskforce.api.cases.v1.SubjectKind k) {
    return switch (k) {
      case SUBJECT_KIND_PERSON -> SubjectKind.PERSON;
      case SUBJECT_KIND_PHONE -> SubjectKind.PHONE;
      case SUBJECT_KIND_VEHICLE -> SubjectKind.VEHICLE;
      case SUBJECT_KIND_ADDRESS -> SubjectKind.ADDRESS;
      case SUBJECT_KIND_ONLINE_ACCOUNT -> SubjectKind.ONLINE_ACCOUNT;
      case SUBJECT_KIND_BUSINESS -> SubjectKind.BUSINESS;
      case SUBJECT_KIND_UNSPECIFIED, UNRECOGNIZED -> null;
    };
  }

  static String disclosure(DisclosureLevel d) {
    return switch (d) {
      case DISCLOSURE_LEVEL_OPEN -> "OPEN";
      case DISCLOSURE_LEVEL_AGENCY_ONLY -> "AGENCY_ONLY";
      case DISCLOSURE_LEVEL_RESTRICTED -> "RESTRICTED";
      case DISCLOSURE_LEVEL_UNSPECIFIED -> null;
      case UNRECOGNIZED -> "UNRECOGNIZED";
    };
  }

  static TaskStatus taskStatus(
      Violations v, String field, org.taskforce.api.cases.v1.TaskStatus s) {
    return switch (s) {
      case TASK_STATUS_OPEN -> TaskStatus.OPEN;
      case TASK_STATUS_IN_PROGRESS -> TaskStatus.IN_PROGRESS;
      case TASK_STATUS_DONE -> TaskStatus.DONE;
      case TASK_STATUS_CANCELLED -> TaskStatus.CANCELLED;
      case TASK_STATUS_UNSPECIFIED, UNRECOGNIZED -> {
        v.add(field, "must be OPEN, IN_PROGRESS, DONE or CANCELLED");
        yield null;
      }
    };
  }

  /** Each selector as JSON; null for one naming no kind (the use case reports it). */
  static List<String> selectors(List<Selector> selectors) {
    return selectors.stream()
        .map(s -> {
          if (s.getKindCase() == Selector.KindCase.KIND_NOT_SET) {
            return null;
          }
          try {
            return JsonFormat.printer().omittingInsignificantWhitespace().print(s);
          } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
          }
        })
        .toList();
  }

  /** The paths of an update mask, each of which must be one of {@code allowed}. */
  static Set<String> mask(Violations v, FieldMask mask, Set<String> allowed) {
    if (mask.getPathsCount() == 0) {
      v.add("update_mask", "name the fields to change, e.g. " + allowed.iterator().next());
    }
    if (mask.getPathsCount() > allowed.size()) {
      v.add(
          "update_mask",
          "names "
              + mask.getPathsCount()
              + " paths; at most the "
              + allowed.size()
              + " changeable ones: "
              + allowed);
      return Set.of();
    }
    for (String path : mask.getPathsList()) {
      if (!allowed.contains(path)) {
        String shown = path.length() > 64 ? path.substring(0, 64) + "…" : path;
        v.add("update_mask", "'" + shown + "' cannot be changed; changeable: " + allowed);
      }
    }
    return Set.copyOf(mask.getPathsList());
  }

  static <E extends Enum<E>, P> Set<E> enums(
      List<P> given, java.util.function.Function<P, E> map, Class<E> type) {
    Set<E> out = EnumSet.noneOf(type);
    for (P p : given) {
      E e = map.apply(p);
      if (e != null) {
        out.add(e);
      }
    }
    return out;
  }
}
