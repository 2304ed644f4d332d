package org.taskforce.deconfliction.domain;

import java.time.Clock;
import java.util.Optional;
import org.taskforce.platform.error.Violations;

/**
 * Turns selectors as entered into canonical keys, or says exactly why one is not valid. Each
 * selector type has its own rules (phones with libphonenumber, VINs by their check digit, names
 * transliterated and folded, e-mail addresses and handles case-folded, addresses standardised).
 *
 * <p>The rules live by kind: {@link PersonSelectors}, {@link ChannelSelectors} (phones, e-mail,
 * handles, wallets) and {@link PropertySelectors} (plates, VINs, addresses, businesses).
 */
public final class SelectorNormalizer {
  private final PersonSelectors persons;

  public SelectorNormalizer(Clock clock) {
    this.persons = new PersonSelectors(clock);
  }

  /** The normalised selector, or empty with the reasons added to {@code violations}. */
  public Optional<NormalizedSelector> normalize(
      TargetSelector selector, String field, Violations violations) {
    int before = violations.list().size();
    NormalizedSelector result =
        switch (selector) {
          case TargetSelector.Person p -> persons.person(p, field, violations);
          case TargetSelector.Phone p -> ChannelSelectors.phone(p, field, violations);
          case TargetSelector.Email e -> ChannelSelectors.email(e, field, violations);
          case TargetSelector.VehiclePlate p -> PropertySelectors.plate(p, field, violations);
          case TargetSelector.VehicleVin v -> PropertySelectors.vin(v, field, violations);
          case TargetSelector.Address a -> PropertySelectors.address(a, field, violations);
          case TargetSelector.SocialHandle h -> ChannelSelectors.handle(h, field, violations);
          case TargetSelector.CryptoWallet w -> ChannelSelectors.wallet(w, field, violations);
          case TargetSelector.Business b -> PropertySelectors.business(b, field, violations);
        };
    return violations.list().size() == before ? Optional.ofNullable(result) : Optional.empty();
  }
}
