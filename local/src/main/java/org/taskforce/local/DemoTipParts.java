package org.taskforce.local;

import com.google.protobuf.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.taskforce.api.intake.v1.IdentifierType;
import org.taskforce.api.intake.v1.PersonRole;
import org.taskforce.api.intake.v1.Reporter;
import org.taskforce.api.intake.v1.Tip;
import org.taskforce.api.intake.v1.TipIdentifier;
import org.taskforce.api.intake.v1.TipLocation;
import org.taskforce.api.intake.v1.TipPerson;
import org.taskforce.api.intake.v1.TipSource;

/** The pieces the demo's tips are made of: when, where, who, which identifier, which reporter. */
final class DemoTipParts {
  private DemoTipParts() {}

  static Tip.Builder base(TipSource source, int daysAgo) {
    return Tip.newBuilder().setSource(source).setReceivedTime(at(Duration.ofDays(daysAgo)));
  }

  static Timestamp at(Duration ago) {
    return Timestamp.newBuilder().setSeconds(Instant.now().minus(ago).getEpochSecond()).build();
  }

  static TipLocation.Builder loc(String address, String building) {
    return TipLocation.newBuilder()
        .setAddress(address)
        .setCity("Albuquerque")
        .setState("NM")
        .setBuildingType(building);
  }

  static TipPerson.Builder person(String name, int age, PersonRole role) {
    return TipPerson.newBuilder().setName(name).setApproximateAge(age).setRole(role);
  }

  static TipIdentifier id(IdentifierType type, String value, String qualifier) {
    return TipIdentifier.newBuilder().setType(type).setValue(value).setQualifier(qualifier).build();
  }

  static Reporter reporter(String name, String phone) {
    return Reporter.newBuilder().setName(name).setPhone(phone).build();
  }
}
