package org.taskforce.deconfliction.adapter.grpc;

import static org.taskforce.platform.grpc.RpcFields.caller;
import static org.taskforce.platform.grpc.RpcFields.requireEtag;
import static org.taskforce.platform.grpc.RpcFields.requireId;

import com.google.protobuf.Descriptors;
import java.util.List;
import java.util.Set;
import org.taskforce.api.deconfliction.v1.CancelEventRegistrationRequest;
import org.taskforce.api.deconfliction.v1.CancelEventRegistrationResponse;
import org.taskforce.api.deconfliction.v1.CreateEventRegistrationRequest;
import org.taskforce.api.deconfliction.v1.CreateEventRegistrationResponse;
import org.taskforce.api.deconfliction.v1.EventRegistration;
import org.taskforce.api.deconfliction.v1.GetEventRegistrationRequest;
import org.taskforce.api.deconfliction.v1.GetEventRegistrationResponse;
import org.taskforce.api.deconfliction.v1.ListEventRegistrationsRequest;
import org.taskforce.api.deconfliction.v1.ListEventRegistrationsResponse;
import org.taskforce.api.deconfliction.v1.UpdateEventRegistrationRequest;
import org.taskforce.api.deconfliction.v1.UpdateEventRegistrationResponse;
import org.taskforce.deconfliction.application.EventRegistrationChanges;
import org.taskforce.deconfliction.application.EventRegistrations;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.grpc.UpdateMask;

/**
 * The DeconflictionService RPCs of event registrations (operations): get, list, create, update (by
 * update mask), cancel: decode, one use case, encode.
 */
final class EventRpcs {
  private final EventRegistrations events;
  private final EventRegistrationChanges changes;

  EventRpcs(EventRegistrations events, EventRegistrationChanges changes) {
    this.events = events;
    this.changes = changes;
  }

  private static final List<String> EVENT_PATHS =
      List.of(
          "event_type",
          "location",
          "address",
          "radius_meters",
          "time_window",
          "on_scene_contact",
          "linked_target_registration_ids",
          "case_reference",
          "disclosure_level");

  GetEventRegistrationResponse get(GetEventRegistrationRequest request) {
    return GetEventRegistrationResponse.newBuilder()
        .setRegistration(
            RegistrationMapping.event(
                events.get(caller(), requireId("registration_id", request.getRegistrationId()))))
        .build();
  }

  ListEventRegistrationsResponse list(ListEventRegistrationsRequest request) {
    Set<org.taskforce.deconfliction.domain.RegistrationStatus> statuses =
        RegistrationMapping.statuses(request.getStatusesList());
    var window = request.getTimeWindow();
    var page =
        events.list(
            caller(),
            statuses,
            window.hasStartTime()
                ? ProtoMapping.instant(window.getStartTime(), "time_window.start_time")
                : null,
            window.hasEndTime()
                ? ProtoMapping.instant(window.getEndTime(), "time_window.end_time")
                : null,
            request.getPageSize(),
            request.getPageToken());
    ListEventRegistrationsResponse.Builder response =
        ListEventRegistrationsResponse.newBuilder().setNextPageToken(page.nextPageToken());
    page.items().forEach(asked -> response.addRegistrations(RegistrationMapping.event(asked)));
    return response.build();
  }

  CreateEventRegistrationResponse create(CreateEventRegistrationRequest request) {
    if (!request.hasRegistration()) {
      throw TaskforceException.invalidArgument("registration", "is required");
    }
    var result =
        events.create(
            caller(),
            RegistrationMapping.eventDraft(request.getRegistration(), "registration"),
            request.getRequestId(),
            "registration");
    return CreateEventRegistrationResponse.newBuilder()
        .setRegistration(RegistrationMapping.event(result.registration()))
        .addAllHits(RegistrationMapping.hits(result.hits()))
        .build();
  }

  UpdateEventRegistrationResponse update(UpdateEventRegistrationRequest request) {
    EventRegistration asked = request.getRegistration();
    String id = requireId("registration.registration_id", asked.getRegistrationId());
    long version = requireEtag("etag", asked.getEtag());
    Set<String> paths = UpdateMask.named(request.getUpdateMask(), EVENT_PATHS);
    EventRegistration current = RegistrationMapping.event(events.get(caller(), id));
    EventRegistration.Builder merged = current.toBuilder();
    for (String path : paths) {
      var field = EventRegistration.getDescriptor().findFieldByName(path);
      if (field.isRepeated()) {
        merged.clearField(field);
        for (int i = 0; i < asked.getRepeatedFieldCount(field); i++) {
          merged.addRepeatedField(field, asked.getRepeatedField(field, i));
        }
      } else if (asked.hasField(field)
          || field.getJavaType() != Descriptors.FieldDescriptor.JavaType.MESSAGE) {
        merged.setField(field, asked.getField(field));
      } else {
        merged.clearField(field);
      }
    }
    var result =
        changes.update(
            caller(),
            id,
            version,
            RegistrationMapping.eventDraft(merged.build(), "registration"),
            "registration");
    return UpdateEventRegistrationResponse.newBuilder()
        .setRegistration(RegistrationMapping.event(result.registration()))
        .addAllHits(RegistrationMapping.hits(result.hits()))
        .build();
  }

  CancelEventRegistrationResponse cancel(CancelEventRegistrationRequest request) {
    return CancelEventRegistrationResponse.newBuilder()
        .setRegistration(
            RegistrationMapping.event(
                changes.cancel(
                    caller(),
                    requireId("registration_id", request.getRegistrationId()),
                    requireEtag("etag", request.getEtag()),
                    request.getReason())))
        .build();
  }
}
