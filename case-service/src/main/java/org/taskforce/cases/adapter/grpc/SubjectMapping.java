package org.taskforce.cases.adapter.grpc;

import static org.taskforce.cases.adapter.grpc.CaseMapping.contact;
import static org.taskforce.cases.adapter.grpc.CaseMapping.stamp;
import static org.taskforce.platform.grpc.ProtoTimes.timestamp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import java.util.List;
import org.taskforce.api.cases.v1.Subject;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.common.v1.Selector;
import org.taskforce.cases.domain.SubjectKind;

/** Between the cases.v1 contract and case-service's domain: subjects. */
final class SubjectMapping {
  private SubjectMapping() {}

  static Subject toProto(org.taskforce.cases.domain.Subject s) {
    Subject.Builder builder =
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
      builder.setRemoved(stamp(s.removed()));
    }
    if (s.registrationExpires() != null) {
      builder.setRegistrationExpireTime(timestamp(s.registrationExpires()));
    }
    for (String json : s.selectors()) {
      Selector.Builder selector = Selector.newBuilder();
      try {
        JsonFormat.parser().merge(json, selector);
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalStateException("stored selector is not a Selector", e);
      }
      builder.addSelectors(selector);
    }
    return builder.build();
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
}
