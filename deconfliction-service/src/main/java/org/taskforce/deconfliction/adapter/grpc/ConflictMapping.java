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
    org.taskforce.api.deconfliction.v1.Conflict.Builder b =
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
      b.setDeadline(ProtoMapping.timestamp(c.deadline()));
    }
    if (c.resolution() != null) {
      b.setResolution(ConflictResolution.valueOf("CONFLICT_RESOLUTION_" + c.resolution().name()));
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
      b.setResolved(
          named
              ? ProtoMapping.stamp(c.resolved())
              : ActorStamp.newBuilder()
                  .setTime(ProtoMapping.timestamp(c.resolved().time()))
                  .build());
    }
    for (Conflict.Side s : c.sides()) {
      b.addSides(side(s, policy.seesInFull(s, reader)));
    }
    return b.build();
  }

  static ConflictSide side(Conflict.Side s, boolean full) {
    ConflictSide.Builder b =
        ConflictSide.newBuilder().setDisclosureLevel(ProtoMapping.disclosure(s.disclosure()));
    if (s.acknowledged() != null) {
      // Who acknowledged is a person of that agency: named only where its contact would be.
      b.setAcknowledged(
          full || DisclosurePolicy.showsContact(s.disclosure())
              ? ProtoMapping.stamp(s.acknowledged())
              : ActorStamp.newBuilder()
                  .setTime(ProtoMapping.timestamp(s.acknowledged().time()))
                  .build());
    }
    // The note was written for the other side to read; it goes wherever the side's agency goes.
    if (full || DisclosurePolicy.showsAgency(s.disclosure())) {
      b.setAcknowledgementNote(s.acknowledgementNote());
    }
    if (full) {
      return b.setAgency(ProtoMapping.agency(s.agency()))
          .setPointOfContact(ProtoMapping.contact(s.contact(), s.agency()))
          .setRegistrationId(s.registrationId())
          .build();
    }
    if (DisclosurePolicy.showsAgency(s.disclosure())) {
      b.setAgency(ProtoMapping.agency(s.agency()));
    }
    if (DisclosurePolicy.showsContact(s.disclosure())) {
      b.setPointOfContact(ProtoMapping.contact(s.contact(), s.agency()));
    }
    return b.build();
  }

  static org.taskforce.api.deconfliction.v1.ReviewItem review(ReviewItem i) {
    org.taskforce.api.deconfliction.v1.ReviewItem.Builder b =
        org.taskforce.api.deconfliction.v1.ReviewItem.newBuilder()
            .setReviewItemId(i.id())
            .setScore(i.score())
            .addAllReasons(i.reasons())
            .setStatus(ReviewItemStatus.valueOf("REVIEW_ITEM_STATUS_" + i.status().name()))
            .setCreateTime(ProtoMapping.timestamp(i.createTime()))
            .setDecisionNote(i.decisionNote())
            .setConflictId(i.conflictId());
    i.sides().forEach(s -> b.addSides(side(s, true)));
    i.comparedSelectors().forEach(s -> b.addComparedSelectors(SelectorMapping.selector(s)));
    if (i.decided() != null) {
      b.setDecided(ProtoMapping.stamp(i.decided()));
    }
    return b.build();
  }
}
