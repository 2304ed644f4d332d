package org.taskforce.deconfliction.adapter.grpc;

import org.taskforce.api.common.v1.ActorStamp;
import org.taskforce.api.deconfliction.v1.ConflictKind;
import org.taskforce.api.deconfliction.v1.ConflictResolution;
import org.taskforce.api.deconfliction.v1.ConflictSide;
import org.taskforce.api.deconfliction.v1.ConflictStatus;
import org.taskforce.api.deconfliction.v1.ReviewItemStatus;
import org.taskforce.deconfliction.application.DisclosurePolicy;
import org.taskforce.deconfliction.domain.Conflict;
import org.taskforce.deconfliction.domain.ReviewItem;
import org.taskforce.platform.etag.Etags;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Conflicts and review items as a reader may see them ({@link DisclosurePolicy}): their own side in
 * full, the other side as its disclosure allows; watch officers, who broker, see both sides.
 */
final class ConflictMapping {
  private ConflictMapping() {}

  static org.taskforce.api.deconfliction.v1.Conflict conflict(
      Conflict c, AgencyPrincipal reader, DisclosurePolicy policy) {
    org.taskforce.api.deconfliction.v1.Conflict.Builder builder =
        org.taskforce.api.deconfliction.v1.Conflict.newBuilder()
            .setConflictId(c.id())
            .setKind(
                c.kind() == Conflict.Kind.EVENT
                    ? ConflictKind.CONFLICT_KIND_EVENT
                    : ConflictKind.CONFLICT_KIND_TARGET)
            .setTier(RegistrationMapping.tier(c.tier()))
            .setScore(c.score())
            .addAllReasons(c.reasons())
            .setStatus(ConflictStatus.valueOf("CONFLICT_STATUS_" + c.status().name()))
            .setResolutionNote(c.resolutionNote())
            .setCreateTime(ProtoMapping.timestamp(c.createTime()))
            .setEscalated(c.escalated())
            .setEtag(Etags.of(c.version()));
    if (c.deadline() != null) {
      builder.setDeadline(ProtoMapping.timestamp(c.deadline()));
    }
    if (c.resolution() != null) {
      builder.setResolution(
          ConflictResolution.valueOf("CONFLICT_RESOLUTION_" + c.resolution().name()));
    }
    if (c.resolved() != null) {
      // Who resolved is a person of a side (or the watch agency): named only where that side's
      // contact would be, as for acknowledgements.
      var resolverSide =
          c.sides().stream()
              .filter(s -> s.agency().id().equals(c.resolved().agencyId()))
              .findFirst();
      boolean named =
          resolverSide.isEmpty()
              || policy.seesInFull(resolverSide.get(), reader)
              || DisclosurePolicy.showsContact(resolverSide.get().disclosure());
      builder.setResolved(
          named
              ? ProtoMapping.stamp(c.resolved())
              : ActorStamp.newBuilder()
                  .setTime(ProtoMapping.timestamp(c.resolved().time()))
                  .build());
    }
    for (Conflict.Side s : c.sides()) {
      builder.addSides(side(s, policy.seesInFull(s, reader)));
    }
    return builder.build();
  }

  static ConflictSide side(Conflict.Side s, boolean full) {
    ConflictSide.Builder builder =
        ConflictSide.newBuilder().setDisclosureLevel(ProtoMapping.disclosure(s.disclosure()));
    if (s.acknowledged() != null) {
      // Who acknowledged is a person of that agency: named only where its contact would be.
      builder.setAcknowledged(
          full || DisclosurePolicy.showsContact(s.disclosure())
              ? ProtoMapping.stamp(s.acknowledged())
              : ActorStamp.newBuilder()
                  .setTime(ProtoMapping.timestamp(s.acknowledged().time()))
                  .build());
    }
    // The note was written for the other side to read; it goes wherever the side's agency goes.
    if (full || DisclosurePolicy.showsAgency(s.disclosure())) {
      builder.setAcknowledgementNote(s.acknowledgementNote());
    }
    if (full) {
      return builder
          .setAgency(ProtoMapping.agency(s.agency()))
          .setPointOfContact(ProtoMapping.contact(s.contact(), s.agency()))
          .setRegistrationId(s.registrationId())
          .build();
    }
    if (DisclosurePolicy.showsAgency(s.disclosure())) {
      builder.setAgency(ProtoMapping.agency(s.agency()));
    }
    if (DisclosurePolicy.showsContact(s.disclosure())) {
      builder.setPointOfContact(ProtoMapping.contact(s.contact(), s.agency()));
    }
    return builder.build();
  }

  static org.taskforce.api.deconfliction.v1.ReviewItem review(ReviewItem i) {
    org.taskforce.api.deconfliction.v1.ReviewItem.Builder builder =
        org.taskforce.api.deconfliction.v1.ReviewItem.newBuilder()
            .setReviewItemId(i.id())
            .setScore(i.score())
            .addAllReasons(i.reasons())
            .setStatus(ReviewItemStatus.valueOf("REVIEW_ITEM_STATUS_" + i.status().name()))
            .setCreateTime(ProtoMapping.timestamp(i.createTime()))
            .setDecisionNote(i.decisionNote())
            .setConflictId(i.conflictId());
    i.sides().forEach(s -> builder.addSides(side(s, true)));
    i.comparedSelectors().forEach(s -> builder.addComparedSelectors(SelectorMapping.selector(s)));
    if (i.decided() != null) {
      builder.setDecided(ProtoMapping.stamp(i.decided()));
    }
    return builder.build();
  }
}
