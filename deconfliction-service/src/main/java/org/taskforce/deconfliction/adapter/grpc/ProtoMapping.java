package org.taskforce.deconfliction.adapter.grpc;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import org.taskforce.api.common.v1.ActorStamp;
import org.taskforce.api.common.v1.AgencyRef;
import org.taskforce.api.common.v1.AgencyType;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.common.v1.PointOfContact;
import org.taskforce.deconfliction.domain.Agency;
import org.taskforce.deconfliction.domain.Contact;
import org.taskforce.deconfliction.domain.Disclosure;
import org.taskforce.deconfliction.domain.Stamp;
import org.taskforce.platform.grpc.ActorStamps;
import org.taskforce.platform.grpc.ProtoEnums;
import org.taskforce.platform.grpc.ProtoTimes;

/**
 * The small values every message carries — contacts, agencies, disclosure levels, times, stamps,
 * etags: contract messages ⇄ domain values.
 */
public final class ProtoMapping {
  private ProtoMapping() {}

  public static Contact contact(PointOfContact c) {
    return new Contact(
        c.getDisplayName().trim(), c.getTitle().trim(), c.getPhone().trim(), c.getEmail().trim());
  }

  public static PointOfContact contact(Contact c, Agency agency) {
    PointOfContact.Builder builder =
        PointOfContact.newBuilder()
            .setDisplayName(c.displayName())
            .setTitle(SelectorMapping.n(c.title()))
            .setPhone(SelectorMapping.n(c.phone()))
            .setEmail(SelectorMapping.n(c.email()));
    if (agency != null) {
      builder.setAgency(agency(agency));
    }
    return builder.build();
  }

  public static AgencyRef agency(Agency a) {
    AgencyType type;
    try {
      type = AgencyType.valueOf("AGENCY_TYPE_" + a.type());
    } catch (IllegalArgumentException e) {
      type = AgencyType.AGENCY_TYPE_UNSPECIFIED;
    }
    return AgencyRef.newBuilder()
        .setAgencyId(a.id())
        .setDisplayName(a.displayName())
        .setAgencyType(type)
        .build();
  }

  /**
   * The level asked for, or null when unset (the agency's default applies, see {@code
   * DisclosurePolicy}); an unknown number is {@code INVALID_ARGUMENT} on {@code field}.
   */
  public static Disclosure disclosure(DisclosureLevel d, String field) {
    DisclosureLevel known = ProtoEnums.optional(d, field);
    if (known == null) {
      return null;
    }
    return switch (known) {
      case DISCLOSURE_LEVEL_OPEN -> Disclosure.OPEN;
      case DISCLOSURE_LEVEL_AGENCY_ONLY -> Disclosure.AGENCY_ONLY;
      case DISCLOSURE_LEVEL_RESTRICTED -> Disclosure.RESTRICTED;
      default -> throw new IllegalStateException("unmapped " + known);
    };
  }

  /** A partner's hit: OPEN or RESTRICTED only when it says so, otherwise AGENCY_ONLY. */
  public static Disclosure partnerDisclosure(DisclosureLevel d) {
    if (ProtoEnums.unrecognized(d)) {
      return Disclosure.AGENCY_ONLY;
    }
    return switch (d) {
      case DISCLOSURE_LEVEL_OPEN -> Disclosure.OPEN;
      case DISCLOSURE_LEVEL_RESTRICTED -> Disclosure.RESTRICTED;
      default -> Disclosure.AGENCY_ONLY;
    };
  }

  public static DisclosureLevel disclosure(Disclosure d) {
    return DisclosureLevel.valueOf("DISCLOSURE_LEVEL_" + d.name());
  }

  /** To the millisecond, as stored: a retry's answer read back equals the first one. */
  public static Instant instant(Timestamp t, String field) {
    return org.taskforce.platform.grpc.ProtoTimes.instant(t, field)
        .truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }

  public static Timestamp timestamp(Instant i) {
    return ProtoTimes.timestamp(i);
  }

  public static ActorStamp stamp(Stamp s) {
    return ActorStamps.of(s.subject(), s.displayName(), s.agencyId(), s.time());
  }
}
