package org.taskforce.cases.intake.domain;

/** Where it happens: an address or cross streets, and the kind of building. */
public record TipLocation(String address, String city, String state, String buildingType) {
  public static final TipLocation NONE = new TipLocation("", "", "", "");

  public TipLocation {
    address = address == null ? "" : address.strip();
    city = city == null ? "" : city.strip();
    state = state == null ? "" : state.strip();
    buildingType = buildingType == null ? "" : buildingType.strip();
  }

  public boolean isEmpty() {
    return address.isEmpty();
  }
}
