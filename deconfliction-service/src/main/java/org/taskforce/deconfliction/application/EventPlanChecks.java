package org.taskforce.deconfliction.application;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.taskforce.deconfliction.domain.EventPlan;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * What a planned operation must be, for a create, a change or a check: a usable place, radius and
 * time window, bounded sizes, whom to call on scene, and linked targets of the caller's own agency.
 */
final class EventPlanChecks {
  private final DeconflictionSettings settings;
  private final TargetStore targets;
  private final Clock clock;

  EventPlanChecks(DeconflictionSettings settings, TargetStore targets, Clock clock) {
    this.settings = settings;
    this.targets = targets;
    this.clock = clock;
  }

  /** Everything a create checks; the plan, or null with violations added to {@code v}. */
  EventPlan validate(
      AgencyPrincipal caller, EventRegistrations.Draft draft, String field, Violations v) {
    EventPlan plan = plan(draft, field, v, true);
    checkBounds(caller, draft, field, v);
    if (draft.type() == null) {
      v.add(RegistrationChecks.prefix(field) + "event_type", "the kind of operation is required");
    }
    RegistrationChecks.checkContact(
        draft.contact(), RegistrationChecks.prefix(field) + "on_scene_contact", v);
    return plan;
  }

  /** Sizes, and linked target registrations that must be the caller's agency's own. */
  void checkBounds(AgencyPrincipal caller, EventRegistrations.Draft d, String field, Violations v) {
    String prefix = RegistrationChecks.prefix(field);
    Bounds.address(d.address(), prefix + "address", v);
    Bounds.text(d.caseReference(), Bounds.ID, prefix + "case_reference", v);
    List<String> linked = d.linkedTargetIds() == null ? List.of() : d.linkedTargetIds();
    Bounds.count(linked.size(), Bounds.LINKED_IDS, prefix + "linked_target_registration_ids", v);
    if (linked.size() > Bounds.LINKED_IDS) {
      return;
    }
    List<String> wellFormed = new ArrayList<>();
    for (int i = 0; i < linked.size(); i++) {
      String id = linked.get(i);
      if (id.isBlank() || id.length() > Bounds.ID) {
        v.add(
            prefix + "linked_target_registration_ids[" + i + "]",
            "an id of at most 128 characters");
      } else {
        wellFormed.add(id);
      }
    }
    Set<String> own = new HashSet<>();
    targets.findAll(wellFormed).stream()
        .filter(r -> r.agency().id().equals(caller.agencyId()))
        .forEach(r -> own.add(r.id()));
    for (int i = 0; i < linked.size(); i++) {
      String id = linked.get(i);
      if (!id.isBlank() && id.length() <= Bounds.ID && !own.contains(id)) {
        // Someone else's registration and one that does not exist read the same.
        v.add(
            prefix + "linked_target_registration_ids[" + i + "]",
            "not a target registration of your agency");
      }
    }
  }

  /** Validates location, radius and window; null (with violations) when they are not usable. */
  EventPlan plan(EventRegistrations.Draft d, String field, Violations v, boolean required) {
    String prefix = RegistrationChecks.prefix(field);
    var rules = settings.eventRules();
    if (d.latitude() == null || d.longitude() == null) {
      v.add(prefix + "location", "the operation's location (latitude and longitude) is required");
    } else {
      v.check(
          d.latitude() >= -90 && d.latitude() <= 90,
          prefix + "location.latitude",
          "must be between -90 and 90");
      v.check(
          d.longitude() >= -180 && d.longitude() <= 180,
          prefix + "location.longitude",
          "must be between -180 and 180");
      v.check(
          !(d.latitude() == 0 && d.longitude() == 0),
          prefix + "location",
          "0,0 is not a place of operation; the location is probably missing");
    }
    if (!(d.radiusMeters() > 0) || d.radiusMeters() > rules.maxRadiusMeters()) {
      v.add(
          prefix + "radius_meters",
          "must be more than 0 and at most " + (long) rules.maxRadiusMeters() + " m");
    }
    if (d.start() == null || d.end() == null) {
      v.add(prefix + "time_window", "start and end time are required");
    } else if (!d.end().isAfter(d.start())) {
      v.add(prefix + "time_window.end_time", "must be after the start time");
    } else if (Duration.between(d.start(), d.end()).compareTo(rules.maxDuration()) > 0) {
      v.add(
          prefix + "time_window",
          "an operation may last at most "
              + rules.maxDuration().toDays()
              + " days; register longer surveillance in parts");
    } else if (!d.end().isAfter(clock.instant())) {
      v.add(prefix + "time_window.end_time", "the operation is over; register planned operations");
    }
    if (!v.isEmpty()) {
      return null;
    }
    return new EventPlan(d.latitude(), d.longitude(), d.radiusMeters(), d.start(), d.end());
  }
}
