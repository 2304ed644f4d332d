package org.taskforce.deconfliction.adapter.grpc;

import java.util.List;
import org.taskforce.api.common.v1.GeoPoint;
import org.taskforce.api.common.v1.SelectorType;
import org.taskforce.api.common.v1.TimeWindow;
import org.taskforce.api.deconfliction.v1.ConflictHit;
import org.taskforce.api.deconfliction.v1.ConflictKind;
import org.taskforce.api.deconfliction.v1.CrowdedName;
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
import org.taskforce.deconfliction.application.NameOnlyBound;
import org.taskforce.deconfliction.domain.Conflict;
import org.taskforce.deconfliction.domain.Tier;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.etag.Etags;
import org.taskforce.platform.grpc.ProtoEnums;

/**
 * Target and event registrations and the hits they answer with: contract messages ⇄ domain values.
 */
public final class RegistrationMapping {
  private RegistrationMapping() {}

  public static RegistrationStatus status(org.taskforce.deconfliction.domain.RegistrationStatus s) {
    return RegistrationStatus.valueOf("REGISTRATION_STATUS_" + s.name());
  }

  /** The statuses a list asks for; unknown numbers are {@code INVALID_ARGUMENT}. */
  public static java.util.Set<org.taskforce.deconfliction.domain.RegistrationStatus> statuses(
      List<RegistrationStatus> asked) {
    Violations violations = new Violations();
    java.util.Set<org.taskforce.deconfliction.domain.RegistrationStatus> out =
        java.util.EnumSet.noneOf(org.taskforce.deconfliction.domain.RegistrationStatus.class);
    Bounds.count(asked.size(), Bounds.FILTER_VALUES, "statuses", violations);
    ProtoEnums.known(asked, "statuses", violations).forEach(s -> out.add(status(s)));
    violations.throwIfAny();
    return out;
  }

  public static org.taskforce.deconfliction.domain.RegistrationStatus status(RegistrationStatus s) {
    return ProtoEnums.toDomain(s, org.taskforce.deconfliction.domain.RegistrationStatus.class);
  }

  public static TargetRegistration target(org.taskforce.deconfliction.domain.TargetRegistration r) {
    TargetRegistration.Builder builder =
        TargetRegistration.newBuilder()
            .setRegistrationId(r.id())
            .setAgency(ProtoMapping.agency(r.agency()))
            .setPointOfContact(ProtoMapping.contact(r.contact(), null))
            .setCaseReference(r.caseReference())
            .setDisclosureLevel(ProtoMapping.disclosure(r.disclosure()))
            .setExpireTime(ProtoMapping.timestamp(r.expireTime()))
            .setStatus(status(r.status()))
            .setCreated(ProtoMapping.stamp(r.created()))
            .setUpdated(ProtoMapping.stamp(r.updated()))
            .setEtag(Etags.of(r.version()))
            .setStatusReason(r.statusReason());
    for (org.taskforce.deconfliction.domain.NormalizedSelector s : r.selectors()) {
      builder.addSelectors(SelectorMapping.selector(s.input()));
      builder.addNormalizedSelectors(
          NormalizedSelector.newBuilder()
              .setSelector(SelectorMapping.selector(s.input()))
              .setSelectorType(selectorType(s.type()))
              .addAllCanonicalKeys(s.canonicalKeys()));
    }
    return builder.build();
  }

  public static SelectorType selectorType(org.taskforce.deconfliction.domain.SelectorType t) {
    return SelectorType.valueOf("SELECTOR_TYPE_" + t.name());
  }

  public static EventRegistration event(org.taskforce.deconfliction.domain.EventRegistration r) {
    EventRegistration.Builder builder =
        EventRegistration.newBuilder()
            .setRegistrationId(r.id())
            .setAgency(ProtoMapping.agency(r.agency()))
            .setEventType(EventType.valueOf("EVENT_TYPE_" + r.type().name()))
            .setLocation(
                GeoPoint.newBuilder()
                    .setLatitude(r.plan().latitude())
                    .setLongitude(r.plan().longitude()))
            .setRadiusMeters(r.plan().radiusMeters())
            .setTimeWindow(
                TimeWindow.newBuilder()
                    .setStartTime(ProtoMapping.timestamp(r.plan().start()))
                    .setEndTime(ProtoMapping.timestamp(r.plan().end())))
            .setOnSceneContact(ProtoMapping.contact(r.contact(), null))
            .addAllLinkedTargetRegistrationIds(r.linkedTargetIds())
            .setCaseReference(r.caseReference())
            .setDisclosureLevel(ProtoMapping.disclosure(r.disclosure()))
            .setStatus(status(r.status()))
            .setCreated(ProtoMapping.stamp(r.created()))
            .setUpdated(ProtoMapping.stamp(r.updated()))
            .setEtag(Etags.of(r.version()))
            .setStatusReason(r.statusReason());
    if (r.address() != null) {
      builder.setAddress(SelectorMapping.address(r.address()));
    }
    return builder.build();
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
            : ProtoEnums.toDomain(type, org.taskforce.deconfliction.domain.EventType.class),
        e.hasLocation() ? e.getLocation().getLatitude() : null,
        e.hasLocation() ? e.getLocation().getLongitude() : null,
        e.getRadiusMeters(),
        e.hasTimeWindow() && e.getTimeWindow().hasStartTime()
            ? ProtoMapping.instant(
                e.getTimeWindow().getStartTime(), prefix + "time_window.start_time")
            : null,
        e.hasTimeWindow() && e.getTimeWindow().hasEndTime()
            ? ProtoMapping.instant(e.getTimeWindow().getEndTime(), prefix + "time_window.end_time")
            : null,
        e.hasAddress() ? SelectorMapping.address(e.getAddress()) : null,
        ProtoMapping.contact(e.getOnSceneContact()),
        e.getLinkedTargetRegistrationIdsList(),
        e.getCaseReference(),
        ProtoMapping.disclosure(e.getDisclosureLevel(), prefix + "disclosure_level"));
  }

  /** A name too many registered persons fit, as the asker reads it: place, band, what to do. */
  static CrowdedName crowded(NameOnlyBound.Crowded c) {
    return CrowdedName.newBuilder()
        .setSelectorIndex(c.selectorIndex())
        .setAtLeast(c.atLeast())
        .setMessage(NameOnlyBound.MESSAGE)
        .build();
  }

  /** Hits as a response lists them. */
  public static List<ConflictHit> hits(List<Hit> hits) {
    return hits.stream().map(RegistrationMapping::hit).toList();
  }

  public static ConflictHit hit(Hit h) {
    ConflictHit.Builder builder =
        ConflictHit.newBuilder()
            .setKind(
                h.kind() == Conflict.Kind.EVENT
                    ? ConflictKind.CONFLICT_KIND_EVENT
                    : ConflictKind.CONFLICT_KIND_TARGET)
            .setTier(tier(h.tier()))
            .setScore(h.score())
            .addAllReasons(h.reasons())
            .setDisclosureLevel(ProtoMapping.disclosure(h.disclosure()))
            .setConflictId(h.conflictId())
            .setDistanceMeters(h.distanceMeters())
            .setRequiredAction(
                RequiredAction.valueOf("REQUIRED_ACTION_" + h.requiredAction().name()))
            .setHighFrequencySelector(h.highFrequency());
    h.matchedTypes().stream()
        .sorted()
        .forEach(t -> builder.addMatchedSelectorTypes(selectorType(t)));
    if (h.ownerAgency() != null) {
      builder.setOwnerAgency(ProtoMapping.agency(h.ownerAgency()));
    }
    if (h.ownerContact() != null) {
      builder.setOwnerContact(ProtoMapping.contact(h.ownerContact(), h.ownerAgency()));
    }
    if (h.deadline() != null) {
      builder.setDeadline(ProtoMapping.timestamp(h.deadline()));
    }
    return builder.build();
  }

  public static MatchTier tier(Tier t) {
    return t == Tier.MATCH ? MatchTier.MATCH_TIER_MATCH : MatchTier.MATCH_TIER_POSSIBLE;
  }
}
