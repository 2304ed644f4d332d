package org.taskforce.deconfliction.adapter.grpc;

import com.google.protobuf.Timestamp;
import com.google.type.Date;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.taskforce.api.common.v1.ActorStamp;
import org.taskforce.api.common.v1.AgencyRef;
import org.taskforce.api.common.v1.AgencyType;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.common.v1.GeoPoint;
import org.taskforce.api.common.v1.PointOfContact;
import org.taskforce.api.common.v1.Selector;
import org.taskforce.api.common.v1.SelectorType;
import org.taskforce.api.common.v1.TimeWindow;
import org.taskforce.api.deconfliction.v1.ConflictHit;
import org.taskforce.api.deconfliction.v1.ConflictKind;
import org.taskforce.api.deconfliction.v1.EventRegistration;
import org.taskforce.api.deconfliction.v1.EventType;
import org.taskforce.api.deconfliction.v1.MatchTier;
import org.taskforce.api.deconfliction.v1.NormalizedSelector;
import org.taskforce.api.deconfliction.v1.RegistrationStatus;
import org.taskforce.api.deconfliction.v1.RequiredAction;
import org.taskforce.api.deconfliction.v1.TargetRegistration;
import org.taskforce.deconfliction.application.Bounds;
import org.taskforce.deconfliction.application.EventRegistrations;
import org.taskforce.deconfliction.application.Hit;
import org.taskforce.deconfliction.domain.Agency;
import org.taskforce.deconfliction.domain.BirthDate;
import org.taskforce.deconfliction.domain.Conflict;
import org.taskforce.deconfliction.domain.Contact;
import org.taskforce.deconfliction.domain.Disclosure;
import org.taskforce.deconfliction.domain.PostalAddress;
import org.taskforce.deconfliction.domain.Stamp;
import org.taskforce.deconfliction.domain.TargetSelector;
import org.taskforce.deconfliction.domain.Tier;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.grpc.ProtoEnums;

/** Contract messages ⇄ domain values. */
public final class ProtoMapping {
  private ProtoMapping() {}

  // ---- selectors

  /** The domain selector, or null when the oneof is not set (reported as a violation). */
  public static TargetSelector selector(Selector s) {
    return switch (s.getKindCase()) {
      case PERSON -> {
        var p = s.getPerson();
        yield new TargetSelector.Person(
            p.getGivenNamesList(),
            p.getSurnamesList(),
            p.getAliasesList(),
            p.hasDateOfBirth()
                ? new BirthDate(
                    p.getDateOfBirth().getYear(),
                    p.getDateOfBirth().getMonth(),
                    p.getDateOfBirth().getDay())
                : BirthDate.UNKNOWN);
      }
      case PHONE ->
          new TargetSelector.Phone(s.getPhone().getNumber(), s.getPhone().getDefaultRegionCode());
      case EMAIL -> new TargetSelector.Email(s.getEmail().getAddress());
      case VEHICLE_PLATE ->
          new TargetSelector.VehiclePlate(
              s.getVehiclePlate().getPlate(), s.getVehiclePlate().getIssuer());
      case VEHICLE_VIN -> new TargetSelector.VehicleVin(s.getVehicleVin().getVin());
      case ADDRESS ->
          new TargetSelector.Address(
              s.getAddress().hasAddress() ? address(s.getAddress().getAddress()) : null);
      case SOCIAL_HANDLE ->
          new TargetSelector.SocialHandle(
              s.getSocialHandle().getPlatform(), s.getSocialHandle().getHandle());
      case CRYPTO_WALLET ->
          new TargetSelector.CryptoWallet(
              s.getCryptoWallet().getChain(), s.getCryptoWallet().getAddress());
      case BUSINESS ->
          new TargetSelector.Business(
              s.getBusiness().getName(),
              s.getBusiness().hasAddress() ? address(s.getBusiness().getAddress()) : null);
      case KIND_NOT_SET -> null;
    };
  }

  public static List<TargetSelector> selectors(List<Selector> selectors) {
    List<TargetSelector> out = new ArrayList<>();
    selectors.forEach(s -> out.add(selector(s)));
    return out;
  }

  public static Selector selector(TargetSelector s) {
    Selector.Builder b = Selector.newBuilder();
    switch (s) {
      case TargetSelector.Person p -> {
        var pb =
            org.taskforce.api.common.v1.PersonSelector.newBuilder()
                .addAllGivenNames(p.givenNames())
                .addAllSurnames(p.surnames())
                .addAllAliases(p.aliases());
        if (p.dateOfBirth().known()) {
          pb.setDateOfBirth(
              Date.newBuilder()
                  .setYear(p.dateOfBirth().year())
                  .setMonth(p.dateOfBirth().month())
                  .setDay(p.dateOfBirth().day()));
        }
        b.setPerson(pb);
      }
      case TargetSelector.Phone p ->
          b.setPhone(
              org.taskforce.api.common.v1.PhoneSelector.newBuilder()
                  .setNumber(p.number())
                  .setDefaultRegionCode(n(p.defaultRegionCode())));
      case TargetSelector.Email e ->
          b.setEmail(
              org.taskforce.api.common.v1.EmailSelector.newBuilder().setAddress(e.address()));
      case TargetSelector.VehiclePlate p ->
          b.setVehiclePlate(
              org.taskforce.api.common.v1.VehiclePlateSelector.newBuilder()
                  .setPlate(p.plate())
                  .setIssuer(n(p.issuer())));
      case TargetSelector.VehicleVin v ->
          b.setVehicleVin(
              org.taskforce.api.common.v1.VehicleVinSelector.newBuilder().setVin(v.vin()));
      case TargetSelector.Address a ->
          b.setAddress(
              org.taskforce.api.common.v1.AddressSelector.newBuilder()
                  .setAddress(address(a.address())));
      case TargetSelector.SocialHandle h ->
          b.setSocialHandle(
              org.taskforce.api.common.v1.SocialHandleSelector.newBuilder()
                  .setPlatform(h.platform())
                  .setHandle(h.handle()));
      case TargetSelector.CryptoWallet w ->
          b.setCryptoWallet(
              org.taskforce.api.common.v1.CryptoWalletSelector.newBuilder()
                  .setChain(w.chain())
                  .setAddress(w.address()));
      case TargetSelector.Business bz -> {
        var bb = org.taskforce.api.common.v1.BusinessSelector.newBuilder().setName(bz.name());
        if (bz.address() != null) {
          bb.setAddress(address(bz.address()));
        }
        b.setBusiness(bb);
      }
    }
    return b.build();
  }

  static String n(String s) {
    return s == null ? "" : s;
  }

  public static PostalAddress address(org.taskforce.api.common.v1.PostalAddress a) {
    return new PostalAddress(
        a.getAddressLinesList(),
        a.getLocality(),
        a.getAdministrativeArea(),
        a.getPostalCode(),
        a.getRegionCode());
  }

  public static org.taskforce.api.common.v1.PostalAddress address(PostalAddress a) {
    if (a == null) {
      return org.taskforce.api.common.v1.PostalAddress.getDefaultInstance();
    }
    return org.taskforce.api.common.v1.PostalAddress.newBuilder()
        .addAllAddressLines(a.addressLines())
        .setLocality(a.locality())
        .setAdministrativeArea(a.administrativeArea())
        .setPostalCode(a.postalCode())
        .setRegionCode(a.regionCode())
        .build();
  }

  // ---- small values

  public static Contact contact(PointOfContact c) {
    return new Contact(
        c.getDisplayName().trim(), c.getTitle().trim(), c.getPhone().trim(), c.getEmail().trim());
  }

  public static PointOfContact contact(Contact c, Agency agency) {
    PointOfContact.Builder b =
        PointOfContact.newBuilder()
            .setDisplayName(c.displayName())
            .setTitle(n(c.title()))
            .setPhone(n(c.phone()))
            .setEmail(n(c.email()));
    if (agency != null) {
      b.setAgency(agency(agency));
    }
    return b.build();
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
  public static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos())
        .truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }

  public static Timestamp timestamp(Instant i) {
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
  }

  public static ActorStamp stamp(Stamp s) {
    return ActorStamp.newBuilder()
        .setSubject(s.subject())
        .setDisplayName(s.displayName())
        .setAgencyId(s.agencyId())
        .setTime(timestamp(s.time()))
        .build();
  }

  public static RegistrationStatus status(org.taskforce.deconfliction.domain.RegistrationStatus s) {
    return RegistrationStatus.valueOf("REGISTRATION_STATUS_" + s.name());
  }

  /** The statuses a list asks for; unknown numbers are {@code INVALID_ARGUMENT}. */
  public static java.util.Set<org.taskforce.deconfliction.domain.RegistrationStatus> statuses(
      List<RegistrationStatus> asked) {
    Violations v = new Violations();
    java.util.Set<org.taskforce.deconfliction.domain.RegistrationStatus> out =
        java.util.EnumSet.noneOf(org.taskforce.deconfliction.domain.RegistrationStatus.class);
    Bounds.count(asked.size(), Bounds.FILTER_VALUES, "statuses", v);
    ProtoEnums.known(asked, "statuses", v).forEach(s -> out.add(status(s)));
    v.throwIfAny();
    return out;
  }

  public static org.taskforce.deconfliction.domain.RegistrationStatus status(RegistrationStatus s) {
    return org.taskforce.deconfliction.domain.RegistrationStatus.valueOf(
        s.name().substring("REGISTRATION_STATUS_".length()));
  }

  public static String etag(long version) {
    return "W/\"" + version + "\"";
  }

  /** The version an etag names, or -1 when it is not one of ours (refused as stale). */
  public static long version(String etag) {
    String s = etag.trim();
    if (s.startsWith("W/")) {
      s = s.substring(2);
    }
    s = s.replace("\"", "");
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  // ---- registrations

  public static TargetRegistration target(org.taskforce.deconfliction.domain.TargetRegistration r) {
    TargetRegistration.Builder b =
        TargetRegistration.newBuilder()
            .setRegistrationId(r.id())
            .setAgency(agency(r.agency()))
            .setPointOfContact(contact(r.contact(), null))
            .setCaseReference(r.caseReference())
            .setDisclosureLevel(disclosure(r.disclosure()))
            .setExpireTime(timestamp(r.expireTime()))
            .setStatus(status(r.status()))
            .setCreated(stamp(r.created()))
            .setUpdated(stamp(r.updated()))
            .setEtag(etag(r.version()))
            .setStatusReason(r.statusReason());
    for (org.taskforce.deconfliction.domain.NormalizedSelector s : r.selectors()) {
      b.addSelectors(selector(s.input()));
      b.addNormalizedSelectors(
          NormalizedSelector.newBuilder()
              .setSelector(selector(s.input()))
              .setSelectorType(selectorType(s.type()))
              .addAllCanonicalKeys(s.canonicalKeys()));
    }
    return b.build();
  }

  public static SelectorType selectorType(org.taskforce.deconfliction.domain.SelectorType t) {
    return SelectorType.valueOf("SELECTOR_TYPE_" + t.name());
  }

  public static EventRegistration event(org.taskforce.deconfliction.domain.EventRegistration r) {
    EventRegistration.Builder b =
        EventRegistration.newBuilder()
            .setRegistrationId(r.id())
            .setAgency(agency(r.agency()))
            .setEventType(EventType.valueOf("EVENT_TYPE_" + r.type().name()))
            .setLocation(
                GeoPoint.newBuilder()
                    .setLatitude(r.plan().latitude())
                    .setLongitude(r.plan().longitude()))
            .setRadiusMeters(r.plan().radiusMeters())
            .setTimeWindow(
                TimeWindow.newBuilder()
                    .setStartTime(timestamp(r.plan().start()))
                    .setEndTime(timestamp(r.plan().end())))
            .setOnSceneContact(contact(r.contact(), null))
            .addAllLinkedTargetRegistrationIds(r.linkedTargetIds())
            .setCaseReference(r.caseReference())
            .setDisclosureLevel(disclosure(r.disclosure()))
            .setStatus(status(r.status()))
            .setCreated(stamp(r.created()))
            .setUpdated(stamp(r.updated()))
            .setEtag(etag(r.version()))
            .setStatusReason(r.statusReason());
    if (r.address() != null) {
      b.setAddress(address(r.address()));
    }
    return b.build();
  }

  /**
   * A planned operation as asked; {@code field} is its path ("registration", "planned_event"), for
   * the violations of unknown enum numbers.
   */
  public static EventRegistrations.Draft eventDraft(EventRegistration e, String field) {
    String prefix = field.isEmpty() ? "" : field + ".";
    EventType type = ProtoEnums.optional(e.getEventType(), prefix + "event_type");
    return new EventRegistrations.Draft(
        type == null
            ? null
            : org.taskforce.deconfliction.domain.EventType.valueOf(
                type.name().substring("EVENT_TYPE_".length())),
        e.hasLocation() ? e.getLocation().getLatitude() : null,
        e.hasLocation() ? e.getLocation().getLongitude() : null,
        e.getRadiusMeters(),
        e.hasTimeWindow() && e.getTimeWindow().hasStartTime()
            ? instant(e.getTimeWindow().getStartTime())
            : null,
        e.hasTimeWindow() && e.getTimeWindow().hasEndTime()
            ? instant(e.getTimeWindow().getEndTime())
            : null,
        e.hasAddress() ? address(e.getAddress()) : null,
        contact(e.getOnSceneContact()),
        e.getLinkedTargetRegistrationIdsList(),
        e.getCaseReference(),
        disclosure(e.getDisclosureLevel(), prefix + "disclosure_level"));
  }

  // ---- hits

  public static ConflictHit hit(Hit h) {
    ConflictHit.Builder b =
        ConflictHit.newBuilder()
            .setKind(
                h.kind() == Conflict.Kind.EVENT
                    ? ConflictKind.CONFLICT_KIND_EVENT
                    : ConflictKind.CONFLICT_KIND_TARGET)
            .setTier(tier(h.tier()))
            .setScore(h.score())
            .addAllReasons(h.reasons())
            .setDisclosureLevel(disclosure(h.disclosure()))
            .setConflictId(h.conflictId())
            .setDistanceMeters(h.distanceMeters())
            .setRequiredAction(
                RequiredAction.valueOf("REQUIRED_ACTION_" + h.requiredAction().name()))
            .setHighFrequencySelector(h.highFrequency());
    h.matchedTypes().stream().sorted().forEach(t -> b.addMatchedSelectorTypes(selectorType(t)));
    if (h.ownerAgency() != null) {
      b.setOwnerAgency(agency(h.ownerAgency()));
    }
    if (h.ownerContact() != null) {
      b.setOwnerContact(contact(h.ownerContact(), h.ownerAgency()));
    }
    if (h.deadline() != null) {
      b.setDeadline(timestamp(h.deadline()));
    }
    return b.build();
  }

  public static MatchTier tier(Tier t) {
    return t == Tier.MATCH ? MatchTier.MATCH_TIER_MATCH : MatchTier.MATCH_TIER_POSSIBLE;
  }
}
