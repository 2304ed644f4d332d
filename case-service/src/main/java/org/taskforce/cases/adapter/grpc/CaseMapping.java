package org.taskforce.cases.adapter.grpc;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.taskforce.api.cases.v1.Case;
import org.taskforce.api.cases.v1.Participant;
import org.taskforce.api.common.v1.ActorStamp;
import org.taskforce.api.common.v1.AgencyRef;
import org.taskforce.api.common.v1.AgencyType;
import org.taskforce.api.common.v1.PointOfContact;
import org.taskforce.cases.domain.CaseStatus;
import org.taskforce.cases.domain.CaseType;
import org.taskforce.cases.domain.Contact;
import org.taskforce.cases.domain.JointCase;
import org.taskforce.cases.domain.ParticipantRole;
import org.taskforce.cases.domain.Stamp;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.etag.Etags;
import org.taskforce.platform.grpc.ActorStamps;
import org.taskforce.platform.grpc.ProtoEnums;

/**
 * Between the cases.v1 contract and case-service's domain: cases and their participants, and the
 * pieces every resource shares (stamps, contacts, dates, etags). Each other resource has its own
 * mapping beside this one.
 */
final class CaseMapping {
  private CaseMapping() {}

  // ---- in

  /** The industries named, each checked: unspecified or unknown values are violations. */
  static java.util.List<org.taskforce.cases.intake.domain.Industry> industries(
      org.taskforce.platform.error.Violations v,
      java.util.List<org.taskforce.api.intake.v1.Industry> given) {
    java.util.List<org.taskforce.cases.intake.domain.Industry> out = new java.util.ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      org.taskforce.api.intake.v1.Industry industry = given.get(i);
      if (industry == org.taskforce.api.intake.v1.Industry.INDUSTRY_UNSPECIFIED
          || industry == org.taskforce.api.intake.v1.Industry.UNRECOGNIZED) {
        v.add("case.industries[" + i + "]", "is not an industry of the task force's list");
      } else {
        out.add(ProtoEnums.toDomain(industry, org.taskforce.cases.intake.domain.Industry.class));
      }
    }
    return out;
  }

  // ---- out

  static Case toProto(JointCase c) {
    Case.Builder builder =
        Case.newBuilder()
            .setCaseId(c.id())
            .setCaseNumber(c.number())
            .setTitle(c.title())
            .setCaseType(org.taskforce.api.cases.v1.CaseType.valueOf("CASE_TYPE_" + c.type()))
            .setStatus(org.taskforce.api.cases.v1.CaseStatus.valueOf("CASE_STATUS_" + c.status()))
            .addAllJurisdictions(c.jurisdictions())
            .addAllIndustries(
                c.industries().stream()
                    .map(i -> org.taskforce.api.intake.v1.Industry.valueOf("INDUSTRY_" + i.name()))
                    .toList())
            .setSummary(c.summary())
            .setCreated(stamp(c.created()))
            .setUpdated(stamp(c.updated()))
            .setEtag(Etags.of(c.version()));
    if (c.reviewDate() != null) {
      builder.setReviewDate(date(c.reviewDate()));
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
      builder.addParticipants(pb);
    }
    for (org.taskforce.cases.domain.CaseChange h : c.history()) {
      builder.addChanges(
          org.taskforce.api.cases.v1.CaseChange.newBuilder()
              .setChangeId(h.id())
              .setAction(h.action())
              .setSummary(h.summary())
              .setReason(h.reason())
              .setActor(stamp(h.actor())));
    }
    return builder.build();
  }

  static ActorStamp stamp(Stamp s) {
    return ActorStamps.of(s.subject(), s.displayName(), s.agencyId(), s.time());
  }

  static PointOfContact contact(Contact c) {
    return PointOfContact.newBuilder()
        .setDisplayName(c.displayName())
        .setTitle(c.title())
        .setPhone(c.phone())
        .setEmail(c.email())
        .build();
  }

  static com.google.type.Date date(LocalDate d) {
    return com.google.type.Date.newBuilder()
        .setYear(d.getYear())
        .setMonth(d.getMonthValue())
        .setDay(d.getDayOfMonth())
        .build();
  }

  // ---- in

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

  static <E extends Enum<E>, P> Set<E> enums(
      List<P> given, java.util.function.Function<P, E> map, Class<E> type) {
    Set<E> out = EnumSet.noneOf(type);
    for (P value : given) {
      E decoded = map.apply(value);
      if (decoded != null) {
        out.add(decoded);
      }
    }
    return out;
  }
}
