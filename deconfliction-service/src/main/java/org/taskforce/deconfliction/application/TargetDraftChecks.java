package org.taskforce.deconfliction.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.taskforce.deconfliction.domain.NormalizedSelector;
import org.taskforce.deconfliction.domain.SelectorNormalizer;
import org.taskforce.deconfliction.domain.TargetSelector;
import org.taskforce.platform.error.Violations;

/** What a target registration's selectors and expiry must be, for a create, a change or a check. */
final class TargetDraftChecks {
  private final SelectorNormalizer normalizer;
  private final DeconflictionSettings settings;

  TargetDraftChecks(Clock clock, DeconflictionSettings settings) {
    this.normalizer = new SelectorNormalizer(clock);
    this.settings = settings;
  }

  /** The selectors normalised to canonical keys; violations added to {@code v}. */
  List<NormalizedSelector> normalize(
      List<TargetSelector> selectors, String field, Violations v, boolean required) {
    List<NormalizedSelector> out = new ArrayList<>();
    if (required && selectors.isEmpty()) {
      v.add(field, "at least one selector is required");
    }
    if (selectors.size() > 50) {
      v.add(field, "at most 50 selectors per registration");
    }
    for (int i = 0; i < selectors.size(); i++) {
      TargetSelector selector = selectors.get(i);
      if (selector == null) {
        v.add(field + "[" + i + "]", "selector kind is not set");
        continue;
      }
      if (Bounds.selector(selector, field + "[" + i + "]", v)) {
        normalizer.normalize(selector, field + "[" + i + "]", v).ifPresent(out::add);
      }
    }
    return out;
  }

  void checkExpiry(Instant expiry, Instant now, Instant created, String field, Violations v) {
    if (!expiry.isAfter(now)) {
      v.add(field, "must be in the future");
    } else if (expiry.isAfter(created.plus(settings.maxLifetime()))) {
      v.add(field, "must be within 5 years of the registration (28 CFR Part 23 review period)");
    }
  }

  /** When a registration created or renewed at {@code now} without an asked expiry expires. */
  Instant expiryOrDefault(Instant asked, Instant now) {
    return asked == null ? now.plus(settings.defaultExpiry()) : asked;
  }
}
