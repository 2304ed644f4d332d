package org.taskforce.deconfliction.domain;

import java.util.List;

/** Something that identifies a target, as entered by an investigator. */
public sealed interface TargetSelector {
  SelectorType type();

  record Person(
      List<String> givenNames, List<String> surnames, List<String> aliases, BirthDate dateOfBirth)
      implements TargetSelector {
    public Person {
      givenNames = List.copyOf(givenNames);
      surnames = List.copyOf(surnames);
      aliases = List.copyOf(aliases);
      dateOfBirth = dateOfBirth == null ? BirthDate.UNKNOWN : dateOfBirth;
    }

    @Override
    public SelectorType type() {
      return SelectorType.PERSON;
    }
  }

  record Phone(String number, String defaultRegionCode) implements TargetSelector {
    @Override
    public SelectorType type() {
      return SelectorType.PHONE;
    }
  }

  record Email(String address) implements TargetSelector {
    @Override
    public SelectorType type() {
      return SelectorType.EMAIL;
    }
  }

  record VehiclePlate(String plate, String issuer) implements TargetSelector {
    @Override
    public SelectorType type() {
      return SelectorType.VEHICLE_PLATE;
    }
  }

  record VehicleVin(String vin) implements TargetSelector {
    @Override
    public SelectorType type() {
      return SelectorType.VEHICLE_VIN;
    }
  }

  record Address(PostalAddress address) implements TargetSelector {
    @Override
    public SelectorType type() {
      return SelectorType.ADDRESS;
    }
  }

  record SocialHandle(String platform, String handle) implements TargetSelector {
    @Override
    public SelectorType type() {
      return SelectorType.SOCIAL_HANDLE;
    }
  }

  record CryptoWallet(String chain, String address) implements TargetSelector {
    @Override
    public SelectorType type() {
      return SelectorType.CRYPTO_WALLET;
    }
  }

  record Business(String name, PostalAddress address) implements TargetSelector {
    @Override
    public SelectorType type() {
      return SelectorType.BUSINESS;
    }
  }
}
