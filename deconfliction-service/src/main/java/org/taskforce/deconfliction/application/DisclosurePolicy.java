package org.taskforce.deconfliction.application;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.taskforce.deconfliction.domain.Conflict;
import org.taskforce.deconfliction.domain.Disclosure;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.security.AgencyPrincipal;
import org.taskforce.platform.security.Roles;

/**
 * Who sees what in deconfliction, in one place: the gRPC adapter shows conflicts and hits through
 * it, the conflict store selects with it what a reader may list, the alert composer decides with it
 * whom to tell what, and the use cases ask it who brokers.
 *
 * <ul>
 *   <li>An unset disclosure is the registering agency's configured default (AGENCY_ONLY unless
 *       configured otherwise); never OPEN by default.
 *   <li>A side reads a conflict unless the other side registered RESTRICTED; the owner of a
 *       RESTRICTED side always reads it (it was alerted and decides).
 *   <li>Of the other side, a reader learns the agency unless RESTRICTED and the contact only when
 *       OPEN; a RESTRICTED hit never reaches an asker.
 *   <li>Watch-officer powers (every agency's conflicts, the review queue, resolving any conflict,
 *       both sides in full) belong to holders of the watch-officer role in the configured watch
 *       agency only.
 * </ul>
 */
public final class DisclosurePolicy {
  private final String watchAgencyId;
  private final Disclosure defaultDisclosure;
  private final Map<String, Disclosure> agencyDefaults;

  public DisclosurePolicy(
      String watchAgencyId, Disclosure defaultDisclosure, Map<String, Disclosure> agencyDefaults) {
    if (watchAgencyId == null || watchAgencyId.isBlank()) {
      throw new IllegalArgumentException("a watch agency must be configured");
    }
    this.watchAgencyId = watchAgencyId;
    this.defaultDisclosure = requireNotOpen("default-disclosure", defaultDisclosure);
    agencyDefaults.forEach((agency, d) -> requireNotOpen("agency-disclosure." + agency, d));
    this.agencyDefaults = Map.copyOf(agencyDefaults);
  }

  /** The policy out of the box: watch agency {@code nm-ago}, AGENCY_ONLY by default. */
  public static DisclosurePolicy defaults() {
    return new DisclosurePolicy("nm-ago", Disclosure.AGENCY_ONLY, Map.of());
  }

  private static Disclosure requireNotOpen(String property, Disclosure d) {
    if (d == null || d == Disclosure.OPEN) {
      throw new IllegalArgumentException(
          property + " must be AGENCY_ONLY or RESTRICTED: an unset level never reveals contacts");
    }
    return d;
  }

  public String watchAgencyId() {
    return watchAgencyId;
  }

  // ---- registering

  /** The level a registration gets: the one asked for, or the agency's default when unset. */
  public Disclosure disclosureFor(String agencyId, Disclosure asked) {
    return asked != null ? asked : agencyDefaults.getOrDefault(agencyId, defaultDisclosure);
  }

  // ---- who brokers

  public boolean isWatchOfficer(AgencyPrincipal p) {
    return p.hasRole(Roles.WATCH_OFFICER) && watchAgencyId.equals(p.agencyId());
  }

  public void requireWatchOfficer(AgencyPrincipal p, String what) {
    DeconflictionAccessPolicy.requireActing(p);
    if (!isWatchOfficer(p)) {
      throw TaskforceException.permissionDenied(
          "ROLE_REQUIRED", "only watch officers of the task force's watch agency " + what);
    }
  }

  // ---- conflicts

  /** Whether an agency may read a conflict as one of its sides. */
  public boolean sideMayRead(Conflict c, String agencyId) {
    return sidesMayRead(c.sides(), agencyId);
  }

  /**
   * The same for the sides of a conflict or review item: an agency reads it as a side unless it
   * faces a RESTRICTED owner while not being RESTRICTED itself.
   */
  public boolean sidesMayRead(java.util.List<Conflict.Side> sides, String agencyId) {
    var own = sides.stream().filter(s -> s.agency().id().equals(agencyId)).findFirst();
    return own.isPresent()
        && (own.get().disclosure() == Disclosure.RESTRICTED
            || sides.stream()
                .filter(s -> !s.agency().id().equals(agencyId))
                .findFirst()
                .map(o -> o.disclosure() != Disclosure.RESTRICTED)
                .orElse(true));
  }

  /** Whether a caller may read a conflict: its sides as above, the watch officers all. */
  public boolean mayRead(Conflict c, AgencyPrincipal reader) {
    return isWatchOfficer(reader) || sideMayRead(c, reader.agencyId());
  }

  /** The agencies that read a conflict as a side; the store lists by it. */
  public Set<String> readers(Conflict c) {
    Set<String> readers = new LinkedHashSet<>();
    for (Conflict.Side s : c.sides()) {
      if (sideMayRead(c, s.agency().id())) {
        readers.add(s.agency().id());
      }
    }
    return readers;
  }

  /** Whether a reader sees a side in full: its own side, or any side for a watch officer. */
  public boolean seesInFull(Conflict.Side side, AgencyPrincipal reader) {
    return isWatchOfficer(reader) || side.agency().id().equals(reader.agencyId());
  }

  /** Whether the other side of a conflict or hit learns an owner's agency. */
  public static boolean showsAgency(Disclosure d) {
    return d != Disclosure.RESTRICTED;
  }

  /** Whether the other side learns an owner's point of contact. */
  public static boolean showsContact(Disclosure d) {
    return d == Disclosure.OPEN;
  }

  /** What an asker may see of hits: never a RESTRICTED owner's. */
  public static List<Hit> visibleHits(List<Hit> hits) {
    return hits.stream().filter(h -> showsAgency(h.disclosure())).toList();
  }

  // ---- alerts

  /**
   * Whether a side gets the ordinary conflict alert naming the other side: neither it nor the other
   * side is RESTRICTED. A RESTRICTED side gets its own alert (it decides); the side facing a
   * RESTRICTED one is told nothing.
   */
  public boolean toldOfOtherSide(Conflict c, Conflict.Side side) {
    Conflict.Side other = c.otherSide(side.agency().id()).orElseThrow();
    return side.disclosure() != Disclosure.RESTRICTED
        && other.disclosure() != Disclosure.RESTRICTED;
  }

  /** Whether a side reads the conflict at all, and so hears of its resolution. */
  public boolean toldOfResolution(Conflict c, Conflict.Side side) {
    return sideMayRead(c, side.agency().id());
  }
}
