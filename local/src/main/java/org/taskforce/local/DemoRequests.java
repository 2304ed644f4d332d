package org.taskforce.local;

import com.google.protobuf.Timestamp;
import com.google.type.Date;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.taskforce.api.cases.v1.AddSubjectRequest;
import org.taskforce.api.cases.v1.Case;
import org.taskforce.api.cases.v1.Subject;
import org.taskforce.api.cases.v1.SubjectKind;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.common.v1.GeoPoint;
import org.taskforce.api.common.v1.PersonSelector;
import org.taskforce.api.common.v1.PhoneSelector;
import org.taskforce.api.common.v1.PointOfContact;
import org.taskforce.api.common.v1.Selector;
import org.taskforce.api.common.v1.TimeWindow;
import org.taskforce.api.common.v1.VehiclePlateSelector;
import org.taskforce.api.deconfliction.v1.EventRegistration;
import org.taskforce.api.deconfliction.v1.EventType;

/** Small builders of the API messages the demo data and the stack tests send. */
public final class DemoRequests {
  private DemoRequests() {}

  static AddSubjectRequest subject(
      Case c, String requestId, SubjectKind kind, String name, Selector selector) {
    return AddSubjectRequest.newBuilder()
        .setCaseId(c.getCaseId())
        .setRequestId(requestId)
        .setSubject(
            Subject.newBuilder()
                .setKind(kind)
                .setDisplayName(name)
                .addSelectors(selector)
                .setDisclosureLevel(DisclosureLevel.DISCLOSURE_LEVEL_OPEN))
        .build();
  }

  public static Selector phone(String number) {
    return Selector.newBuilder().setPhone(PhoneSelector.newBuilder().setNumber(number)).build();
  }

  static Selector plate(String issuer, String plate) {
    return Selector.newBuilder()
        .setVehiclePlate(VehiclePlateSelector.newBuilder().setIssuer(issuer).setPlate(plate))
        .build();
  }

  public static Selector person(String given, List<String> surnames, int y, int m, int d) {
    PersonSelector.Builder person =
        PersonSelector.newBuilder().addGivenNames(given).addAllSurnames(surnames);
    if (y != 0) {
      person.setDateOfBirth(Date.newBuilder().setYear(y).setMonth(m).setDay(d));
    }
    return Selector.newBuilder().setPerson(person).build();
  }

  public static PointOfContact contact(String name, String phone) {
    return PointOfContact.newBuilder().setDisplayName(name).setPhone(phone).build();
  }

  static EventRegistration event(
      EventType type,
      double lat,
      double lon,
      double radius,
      Instant start,
      String contact,
      String phone) {
    return EventRegistration.newBuilder()
        .setEventType(type)
        .setLocation(GeoPoint.newBuilder().setLatitude(lat).setLongitude(lon))
        .setRadiusMeters(radius)
        .setTimeWindow(
            TimeWindow.newBuilder()
                .setStartTime(timestamp(start))
                .setEndTime(timestamp(start.plus(3, ChronoUnit.HOURS))))
        .setOnSceneContact(contact(contact, phone))
        .setDisclosureLevel(DisclosureLevel.DISCLOSURE_LEVEL_OPEN)
        .build();
  }

  static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }
}
