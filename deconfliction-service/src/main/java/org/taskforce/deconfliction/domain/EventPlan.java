package org.taskforce.deconfliction.domain;

import java.time.Instant;

/** Where and when an operation takes place: a circle and a half-open time window. */
public record EventPlan(
    double latitude, double longitude, double radiusMeters, Instant start, Instant end) {

  /** The compact form the event index stores beside each entry. */
  public String encode() {
    return latitude
        + ","
        + longitude
        + ","
        + radiusMeters
        + ","
        + start.getEpochSecond()
        + ","
        + end.getEpochSecond();
  }

  public static EventPlan decode(String s) {
    String[] parts = s.split(",");
    return new EventPlan(
        Double.parseDouble(parts[0]),
        Double.parseDouble(parts[1]),
        Double.parseDouble(parts[2]),
        Instant.ofEpochSecond(Long.parseLong(parts[3])),
        Instant.ofEpochSecond(Long.parseLong(parts[4])));
  }
}
