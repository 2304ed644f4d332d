package org.taskforce.cases.intake.adapter.grpc;

import static org.taskforce.platform.grpc.ProtoTimes.timestamp;

import com.google.protobuf.ProtocolMessageEnum;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.List;
import org.taskforce.api.common.v1.AgencyRef;
import org.taskforce.api.common.v1.PointOfContact;
import org.taskforce.api.common.v1.SelectorType;
import org.taskforce.api.intake.v1.CloseReason;
import org.taskforce.api.intake.v1.IdentifierType;
import org.taskforce.api.intake.v1.Indicator;
import org.taskforce.api.intake.v1.Industry;
import org.taskforce.api.intake.v1.PersonRole;
import org.taskforce.api.intake.v1.Reporter;
import org.taskforce.api.intake.v1.Tip;
import org.taskforce.api.intake.v1.TipCheckState;
import org.taskforce.api.intake.v1.TipHit;
import org.taskforce.api.intake.v1.TipIdentifier;
import org.taskforce.api.intake.v1.TipLocation;
import org.taskforce.api.intake.v1.TipOutcome;
import org.taskforce.api.intake.v1.TipPerson;
import org.taskforce.api.intake.v1.TipSource;
import org.taskforce.api.intake.v1.TipStatus;
import org.taskforce.api.intake.v1.TraffickingKind;
import org.taskforce.cases.intake.application.NewTip;
import org.taskforce.cases.intake.domain.TipReport;
import org.taskforce.cases.intake.domain.TipTriage;
import org.taskforce.platform.etag.Etags;
import org.taskforce.platform.grpc.ProtoEnums;

/** Tips between the contract and the domain. Unknown or unset enum values map to null. */
final class TipMapping {
  private TipMapping() {}

  /**
   * The domain constant of a proto enum value named {@code PREFIX_NAME}; null when unset or a
   * number the contract does not know ({@link ProtoEnums}), which the use case refuses on its
   * field.
   */
  static <E extends Enum<E>> E in(ProtocolMessageEnum value, String prefix, Class<E> type) {
    if (!ProtoEnums.isSet(value) || !(value instanceof Enum<?> e)) {
      return null;
    }
    String name = e.name().substring(prefix.length());
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException unspecified) {
      return null;
    }
  }

  static NewTip newTip(Tip t, Reporter r) {
    return new NewTip(
        in(t.getSource(), "TIP_SOURCE_", org.taskforce.cases.intake.domain.TipSource.class),
        t.getSourceReference(),
        t.hasReceivedTime() ? instant(t.getReceivedTime()) : null,
        t.getNarrative(),
        new org.taskforce.cases.intake.domain.TipLocation(
            t.getLocation().getAddress(),
            t.getLocation().getCity(),
            t.getLocation().getState(),
            t.getLocation().getBuildingType()),
        t.getFrequency(),
        t.getPersonsList().stream()
            .map(p ->
                new org.taskforce.cases.intake.domain.TipPerson(
                    p.getName(),
                    p.getDescription(),
                    p.getApproximateAge(),
                    in(
                        p.getRole(),
                        "PERSON_ROLE_",
                        org.taskforce.cases.intake.domain.PersonRole.class)))
            .toList(),
        t.getIdentifiersList().stream()
            .map(i ->
                new org.taskforce.cases.intake.domain.TipIdentifier(
                    in(
                        i.getType(),
                        "IDENTIFIER_TYPE_",
                        org.taskforce.cases.intake.domain.IdentifierType.class),
                    i.getValue(),
                    i.getQualifier()))
            .toList(),
        t.getTraffickingKind() == TraffickingKind.TRAFFICKING_KIND_UNSPECIFIED
            ? org.taskforce.cases.intake.domain.TraffickingKind.UNKNOWN
            : in(
                t.getTraffickingKind(),
                "TRAFFICKING_KIND_",
                org.taskforce.cases.intake.domain.TraffickingKind.class),
        t.getIndustriesList().stream()
            .map(i -> in(i, "INDUSTRY_", org.taskforce.cases.intake.domain.Industry.class))
            .toList(),
        t.getIndicatorsList().stream()
            .map(i -> in(i, "INDICATOR_", org.taskforce.cases.intake.domain.Indicator.class))
            .toList(),
        t.getIncidentType(),
        new org.taskforce.cases.intake.domain.Reporter(
            r.getName(), r.getPhone(), r.getEmail(), r.getRelationship()),
        t.getReceivingAgencyId());
  }

  static Tip toProto(org.taskforce.cases.intake.domain.Tip t) {
    TipReport r = t.report();
    TipTriage g = t.triage();
    Tip.Builder b =
        Tip.newBuilder()
            .setTipId(t.id())
            .setSource(TipSource.valueOf("TIP_SOURCE_" + r.source().name()))
            .setSourceReference(r.sourceReference())
            .setReceivedTime(timestamp(r.received()))
            .setNarrative(r.narrative())
            .setLocation(
                TipLocation.newBuilder()
                    .setAddress(r.location().address())
                    .setCity(r.location().city())
                    .setState(r.location().state())
                    .setBuildingType(r.location().buildingType()))
            .setFrequency(r.frequency())
            .setTraffickingKind(TraffickingKind.valueOf("TRAFFICKING_KIND_" + r.kind().name()))
            .setUrgent(t.urgent())
            .setStatus(TipStatus.valueOf("TIP_STATUS_" + g.status().name()))
            .setReceivingAgencyId(t.receivingAgencyId())
            .setAssignedAgencyId(g.assignedAgencyId())
            .setAssignedOfficer(g.assignedOfficer())
            .setReferredAgencyId(g.referredAgencyId())
            .setCaseId(g.caseId())
            .setStatusNote(g.note())
            .setDuplicateOfTipId(g.duplicateOf())
            .setAnonymous(t.anonymous())
            .setCheckState(
                t.checked()
                    ? TipCheckState.TIP_CHECK_STATE_CHECKED
                    : TipCheckState.TIP_CHECK_STATE_PENDING)
            .addAllMergedTipIds(t.mergedTipIds())
            .setOutcome(TipOutcome.valueOf("TIP_OUTCOME_" + g.outcome().name()))
            .setCreateTime(timestamp(t.created().time()))
            .setUpdateTime(timestamp(t.updated().time()))
            .setEtag(Etags.of(t.version()))
            .setIncidentType(r.incidentType());
    if (g.closeReason() != null) {
      b.setCloseReason(CloseReason.valueOf("CLOSE_REASON_" + g.closeReason().name()));
    }
    r.persons()
        .forEach(p ->
            b.addPersons(
                TipPerson.newBuilder()
                    .setName(p.name())
                    .setDescription(p.description())
                    .setApproximateAge(p.approximateAge())
                    .setRole(PersonRole.valueOf("PERSON_ROLE_" + p.role().name()))));
    r.identifiers()
        .forEach(i ->
            b.addIdentifiers(
                TipIdentifier.newBuilder()
                    .setType(IdentifierType.valueOf("IDENTIFIER_TYPE_" + i.type().name()))
                    .setValue(i.value())
                    .setQualifier(i.qualifier())));
    r.industries().stream()
        .sorted()
        .forEach(i -> b.addIndustries(Industry.valueOf("INDUSTRY_" + i.name())));
    r.indicators().stream()
        .sorted()
        .forEach(i -> b.addIndicators(Indicator.valueOf("INDICATOR_" + i.name())));
    t.hits().forEach(h -> b.addHits(hit(h)));
    return b.build();
  }

  private static TipHit hit(org.taskforce.cases.intake.domain.TipHit h) {
    TipHit.Builder b =
        TipHit.newBuilder().setTier(h.tier()).setScore(h.score()).addAllReasons(h.reasons());
    for (String type : h.matchedSelectorTypes()) {
      try {
        b.addMatchedSelectorTypes(SelectorType.valueOf("SELECTOR_TYPE_" + type));
      } catch (IllegalArgumentException unknown) {
        // a selector type newer than this service's contract: left out
      }
    }
    if (!h.ownerAgencyId().isEmpty()) {
      b.setOwnerAgency(
          AgencyRef.newBuilder()
              .setAgencyId(h.ownerAgencyId())
              .setDisplayName(h.ownerAgencyName()));
    }
    if (!h.ownerContact().displayName().isEmpty() || !h.ownerContact().phone().isEmpty()) {
      b.setOwnerContact(
          PointOfContact.newBuilder()
              .setDisplayName(h.ownerContact().displayName())
              .setTitle(h.ownerContact().title())
              .setPhone(h.ownerContact().phone())
              .setEmail(h.ownerContact().email()));
    }
    return b.build();
  }

  static Reporter reporter(org.taskforce.cases.intake.domain.Reporter r) {
    return Reporter.newBuilder()
        .setName(r.name())
        .setPhone(r.phone())
        .setEmail(r.email())
        .setRelationship(r.relationship())
        .build();
  }

  /** A timestamp beyond what a clock can show reads as the far future (a violation later). */
  static Instant instant(Timestamp t) {
    try {
      return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    } catch (java.time.DateTimeException | ArithmeticException e) {
      return t.getSeconds() < 0 ? Instant.EPOCH : Instant.MAX;
    }
  }

  static <E extends Enum<E>> List<E> ins(
      List<? extends ProtocolMessageEnum> values, String prefix, Class<E> type) {
    return values.stream().map(v -> in(v, prefix, type)).toList();
  }
}
