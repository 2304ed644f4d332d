package org.taskforce.deconfliction.domain;

/** The kind of a selector; matches the contract's {@code SelectorType} one to one. */
public enum SelectorType {
  PERSON,
  PHONE,
  EMAIL,
  VEHICLE_PLATE,
  VEHICLE_VIN,
  ADDRESS,
  SOCIAL_HANDLE,
  CRYPTO_WALLET,
  BUSINESS
}
