package org.taskforce.deconfliction.domain;

import java.util.List;

/** Something that identifies a target, as entered by an investigator. */
public sealed interface TargetSelector {
  /** The kind of selector this is. */
  default SelectorType type() {
    return switch (this) {
      case Person person -> SelectorType.PERSON;
      case Phone phone -> SelectorType.PHONE;
      case Email email -> SelectorType.EMAIL;
      case VehiclePlate plate -> SelectorType.VEHICLE_PLATE;
      case VehicleVin vin -> SelectorType.VEHICLE_VIN;
      case Address address -> SelectorType.ADDRESS;
      case SocialHandle handle -> SelectorType.SOCIAL_HANDLE;
      case CryptoWallet wallet -> SelectorType.CRYPTO_WALLET;
      case Business business -> SelectorType.BUSINESS;
    };
  }

  record Person(
      List<String> givenNames, List<String> surnames, List<String> aliases, BirthDate dateOfBirth)
      implements TargetSelector {
    public Person {
      givenNames = List.copyOf(givenNames);
      surnames = List.copyOf(surnames);
      aliases = List.copyOf(aliases);
      dateOfBirth = dateOfBirth == null ? BirthDate.UNKNOWN : dateOfBirth;
    }
  }

  record Phone(String number, String defaultRegionCode) implements TargetSelector {}

  record Email(String address) implements TargetSelector {}

  record VehiclePlate(String plate, String issuer) implements TargetSelector {}

  record VehicleVin(String vin) implements TargetSelector {}

  record Address(PostalAddress address) implements TargetSelector {}

  record SocialHandle(String platform, String handle) implements TargetSelector {}

  record CryptoWallet(String chain, String address) implements TargetSelector {}

  record Business(String name, PostalAddress address) implements TargetSelector {}
}
