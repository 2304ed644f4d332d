package org.taskforce.deconfliction.adapter.partner;

import java.util.EnumSet;
import java.util.Set;
import org.taskforce.api.deconfliction.v1.ConflictHit;
import org.taskforce.api.deconfliction.v1.ConflictKind;
import org.taskforce.api.deconfliction.v1.MatchTier;
import org.taskforce.deconfliction.adapter.grpc.ProtoMapping;
import org.taskforce.deconfliction.application.Hit;
import org.taskforce.deconfliction.domain.Agency;
import org.taskforce.deconfliction.domain.Conflict;
import org.taskforce.deconfliction.domain.SelectorType;
import org.taskforce.deconfliction.domain.Tier;
import org.taskforce.platform.grpc.ProtoEnums;
import org.taskforce.platform.grpc.ProtoTimes;

/** A partner's hit, as the partner disclosed it. */
final class PartnerHits {
  private PartnerHits() {}

  static Hit hit(ConflictHit h) {
    Agency agency =
        h.hasOwnerAgency()
            ? new Agency(
                h.getOwnerAgency().getAgencyId(),
                h.getOwnerAgency().getDisplayName(),
                h.getOwnerAgency().getAgencyType().name().replace("AGENCY_TYPE_", ""))
            : null;
    Set<SelectorType> types = EnumSet.noneOf(SelectorType.class);
    h.getMatchedSelectorTypesList().stream()
        .filter(ProtoEnums::isSet)
        .forEach(type -> types.add(ProtoEnums.toDomain(type, SelectorType.class)));
    return new Hit(
        h.getKind() == ConflictKind.CONFLICT_KIND_EVENT
            ? Conflict.Kind.EVENT
            : Conflict.Kind.TARGET,
        h.getTier() == MatchTier.MATCH_TIER_POSSIBLE ? Tier.POSSIBLE : Tier.MATCH,
        h.getScore(),
        h.getReasonsList(),
        types,
        ProtoMapping.partnerDisclosure(h.getDisclosureLevel()),
        agency,
        h.hasOwnerContact() ? ProtoMapping.contact(h.getOwnerContact()) : null,
        "",
        h.hasDeadline() && ProtoTimes.isValid(h.getDeadline())
            ? ProtoMapping.instant(h.getDeadline(), "deadline")
            : null, // a partner's impossible deadline is no deadline
        h.getDistanceMeters(),
        ProtoEnums.isSet(h.getRequiredAction())
            ? ProtoEnums.toDomain(h.getRequiredAction(), Hit.RequiredAction.class)
            : Hit.RequiredAction.CONTACT_OWNER,
        h.getHighFrequencySelector());
  }
}
