package org.taskforce.deconfliction.adapter.grpc;

import static org.taskforce.platform.grpc.UnaryCalls.answer;

import io.grpc.stub.StreamObserver;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.taskforce.api.deconfliction.v1.*;
import org.taskforce.deconfliction.application.Bounds;
import org.taskforce.deconfliction.application.Checks;
import org.taskforce.deconfliction.application.ConflictWorkflow;
import org.taskforce.deconfliction.application.DisclosurePolicy;
import org.taskforce.deconfliction.application.EventRegistrations;
import org.taskforce.deconfliction.application.TargetRegistrations;
import org.taskforce.deconfliction.domain.Conflict;
import org.taskforce.deconfliction.domain.ReviewItem;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.grpc.CallerContext;
import org.taskforce.platform.grpc.ProtoEnums;
import org.taskforce.platform.paging.Page;
import org.taskforce.platform.security.AgencyPrincipal;

/** The DeconflictionService contract over the use cases; authorisation lives in the use cases. */
public final class DeconflictionGrpcService
    extends DeconflictionServiceGrpc.DeconflictionServiceImplBase {
  private final TargetRegistrations targets;
  private final EventRegistrations events;
  private final Checks checks;
  private final ConflictWorkflow workflow;
  private final DisclosurePolicy policy;

  public DeconflictionGrpcService(
      TargetRegistrations targets,
      EventRegistrations events,
      Checks checks,
      ConflictWorkflow workflow,
      DisclosurePolicy policy) {
    this.policy = policy;
    this.targets = targets;
    this.events = events;
    this.checks = checks;
    this.workflow = workflow;
  }

  static AgencyPrincipal caller() {
    return CallerContext.principal();
  }

  static String requireId(String field, String value) {
    if (value == null || value.isBlank()) {
      throw TaskforceException.invalidArgument(field, "is required");
    }
    if (value.length() > Bounds.ID) {
      throw TaskforceException.invalidArgument(field, "at most " + Bounds.ID + " characters");
    }
    return value;
  }

  static long requireEtag(String etag) {
    if (etag == null || etag.isBlank()) {
      throw TaskforceException.invalidArgument(
          "etag", "is required: send the etag of the version you read");
    }
    if (etag.length() > Bounds.ID) {
      throw TaskforceException.invalidArgument("etag", "is not an etag this service issued");
    }
    return ProtoMapping.version(etag);
  }

  // ---- targets

  @Override
  public void getTargetRegistration(
      GetTargetRegistrationRequest request,
      StreamObserver<GetTargetRegistrationResponse> observer) {
    answer(
        observer,
        () ->
            GetTargetRegistrationResponse.newBuilder()
                .setRegistration(
                    ProtoMapping.target(
                        targets.get(
                            caller(), requireId("registration_id", request.getRegistrationId()))))
                .build());
  }

  @Override
  public void listTargetRegistrations(
      ListTargetRegistrationsRequest request,
      StreamObserver<ListTargetRegistrationsResponse> observer) {
    answer(
        observer,
        () -> {
          Set<org.taskforce.deconfliction.domain.RegistrationStatus> statuses =
              ProtoMapping.statuses(request.getStatusesList());
          Page<org.taskforce.deconfliction.domain.TargetRegistration> page =
              targets.list(
                  caller(),
                  statuses,
                  request.getCaseReference(),
                  request.getPageSize(),
                  request.getPageToken());
          ListTargetRegistrationsResponse.Builder b =
              ListTargetRegistrationsResponse.newBuilder().setNextPageToken(page.nextPageToken());
          page.items().forEach(r -> b.addRegistrations(ProtoMapping.target(r)));
          return b.build();
        });
  }

  @Override
  public void createTargetRegistration(
      CreateTargetRegistrationRequest request,
      StreamObserver<CreateTargetRegistrationResponse> observer) {
    answer(
        observer,
        () -> {
          if (!request.hasRegistration()) {
            throw TaskforceException.invalidArgument("registration", "is required");
          }
          TargetRegistration r = request.getRegistration();
          TargetRegistrations.Result result =
              targets.create(
                  caller(),
                  new TargetRegistrations.Draft(
                      ProtoMapping.selectors(r.getSelectorsList()),
                      ProtoMapping.contact(r.getPointOfContact()),
                      r.getCaseReference(),
                      ProtoMapping.disclosure(
                          r.getDisclosureLevel(), "registration.disclosure_level"),
                      r.hasExpireTime()
                          ? ProtoMapping.instant(r.getExpireTime(), "registration.expire_time")
                          : null),
                  request.getRequestId(),
                  "registration");
          CreateTargetRegistrationResponse.Builder b =
              CreateTargetRegistrationResponse.newBuilder()
                  .setRegistration(ProtoMapping.target(result.registration()));
          result.hits().forEach(h -> b.addHits(ProtoMapping.hit(h)));
          return b.build();
        });
  }

  @Override
  public void updateTargetRegistration(
      UpdateTargetRegistrationRequest request,
      StreamObserver<UpdateTargetRegistrationResponse> observer) {
    answer(
        observer,
        () -> {
          TargetRegistration r = request.getRegistration();
          String id = requireId("registration.registration_id", r.getRegistrationId());
          long version = requireEtag(r.getEtag());
          Violations v = new Violations();
          Bounds.count(
              request.getUpdateMask().getPathsCount(), Bounds.MASK_PATHS, "update_mask.paths", v);
          Set<String> paths = Set.copyOf(request.getUpdateMask().getPathsList());
          if (paths.isEmpty()) {
            v.add(
                "update_mask",
                "name the fields to change: selectors, point_of_contact, case_reference, disclosure_level");
          }
          for (int i = 0; i < request.getUpdateMask().getPathsCount(); i++) {
            String p = request.getUpdateMask().getPaths(i);
            v.check(
                Set.of("selectors", "point_of_contact", "case_reference", "disclosure_level")
                    .contains(p),
                "update_mask.paths[" + i + "]",
                "\""
                    + p
                    + "\" cannot be changed; updatable: selectors, point_of_contact, case_reference, disclosure_level");
          }
          v.throwIfAny();
          TargetRegistrations.Result result =
              targets.update(
                  caller(),
                  id,
                  version,
                  new TargetRegistrations.Changes(
                      ProtoMapping.selectors(r.getSelectorsList()),
                      ProtoMapping.contact(r.getPointOfContact()),
                      r.getCaseReference(),
                      ProtoMapping.disclosure(
                          r.getDisclosureLevel(), "registration.disclosure_level"),
                      paths.contains("selectors"),
                      paths.contains("point_of_contact"),
                      paths.contains("case_reference"),
                      paths.contains("disclosure_level")),
                  "registration");
          UpdateTargetRegistrationResponse.Builder b =
              UpdateTargetRegistrationResponse.newBuilder()
                  .setRegistration(ProtoMapping.target(result.registration()));
          result.hits().forEach(h -> b.addHits(ProtoMapping.hit(h)));
          return b.build();
        });
  }

  @Override
  public void renewTargetRegistration(
      RenewTargetRegistrationRequest request,
      StreamObserver<RenewTargetRegistrationResponse> observer) {
    answer(
        observer,
        () ->
            RenewTargetRegistrationResponse.newBuilder()
                .setRegistration(
                    ProtoMapping.target(
                        targets.renew(
                            caller(),
                            requireId("registration_id", request.getRegistrationId()),
                            requireEtag(request.getEtag()),
                            request.hasExpireTime()
                                ? ProtoMapping.instant(request.getExpireTime(), "expire_time")
                                : null)))
                .build());
  }

  @Override
  public void withdrawTargetRegistration(
      WithdrawTargetRegistrationRequest request,
      StreamObserver<WithdrawTargetRegistrationResponse> observer) {
    answer(
        observer,
        () ->
            WithdrawTargetRegistrationResponse.newBuilder()
                .setRegistration(
                    ProtoMapping.target(
                        targets.withdraw(
                            caller(),
                            requireId("registration_id", request.getRegistrationId()),
                            requireEtag(request.getEtag()),
                            request.getReason())))
                .build());
  }

  // ---- events

  @Override
  public void getEventRegistration(
      GetEventRegistrationRequest request, StreamObserver<GetEventRegistrationResponse> observer) {
    answer(
        observer,
        () ->
            GetEventRegistrationResponse.newBuilder()
                .setRegistration(
                    ProtoMapping.event(
                        events.get(
                            caller(), requireId("registration_id", request.getRegistrationId()))))
                .build());
  }

  @Override
  public void listEventRegistrations(
      ListEventRegistrationsRequest request,
      StreamObserver<ListEventRegistrationsResponse> observer) {
    answer(
        observer,
        () -> {
          Set<org.taskforce.deconfliction.domain.RegistrationStatus> statuses =
              ProtoMapping.statuses(request.getStatusesList());
          var w = request.getTimeWindow();
          var page =
              events.list(
                  caller(),
                  statuses,
                  w.hasStartTime()
                      ? ProtoMapping.instant(w.getStartTime(), "time_window.start_time")
                      : null,
                  w.hasEndTime()
                      ? ProtoMapping.instant(w.getEndTime(), "time_window.end_time")
                      : null,
                  request.getPageSize(),
                  request.getPageToken());
          ListEventRegistrationsResponse.Builder b =
              ListEventRegistrationsResponse.newBuilder().setNextPageToken(page.nextPageToken());
          page.items().forEach(r -> b.addRegistrations(ProtoMapping.event(r)));
          return b.build();
        });
  }

  @Override
  public void createEventRegistration(
      CreateEventRegistrationRequest request,
      StreamObserver<CreateEventRegistrationResponse> observer) {
    answer(
        observer,
        () -> {
          if (!request.hasRegistration()) {
            throw TaskforceException.invalidArgument("registration", "is required");
          }
          EventRegistrations.Result result =
              events.create(
                  caller(),
                  ProtoMapping.eventDraft(request.getRegistration(), "registration"),
                  request.getRequestId(),
                  "registration");
          CreateEventRegistrationResponse.Builder b =
              CreateEventRegistrationResponse.newBuilder()
                  .setRegistration(ProtoMapping.event(result.registration()));
          result.hits().forEach(h -> b.addHits(ProtoMapping.hit(h)));
          return b.build();
        });
  }

  private static final Set<String> EVENT_PATHS =
      Set.of(
          "event_type",
          "location",
          "address",
          "radius_meters",
          "time_window",
          "on_scene_contact",
          "linked_target_registration_ids",
          "case_reference",
          "disclosure_level");

  @Override
  public void updateEventRegistration(
      UpdateEventRegistrationRequest request,
      StreamObserver<UpdateEventRegistrationResponse> observer) {
    answer(
        observer,
        () -> {
          EventRegistration r = request.getRegistration();
          String id = requireId("registration.registration_id", r.getRegistrationId());
          long version = requireEtag(r.getEtag());
          Violations v = new Violations();
          Bounds.count(
              request.getUpdateMask().getPathsCount(), Bounds.MASK_PATHS, "update_mask.paths", v);
          List<String> paths = request.getUpdateMask().getPathsList();
          if (paths.isEmpty()) {
            v.add("update_mask", "name the fields to change: " + String.join(", ", EVENT_PATHS));
          }
          for (int i = 0; i < paths.size(); i++) {
            v.check(
                EVENT_PATHS.contains(paths.get(i)),
                "update_mask.paths[" + i + "]",
                "\"" + paths.get(i) + "\" cannot be changed");
          }
          v.throwIfAny();
          EventRegistration current = ProtoMapping.event(events.get(caller(), id));
          EventRegistration.Builder merged = current.toBuilder();
          for (String p : paths) {
            var field = EventRegistration.getDescriptor().findFieldByName(p);
            if (field.isRepeated()) {
              merged.clearField(field);
              for (int i = 0; i < r.getRepeatedFieldCount(field); i++) {
                merged.addRepeatedField(field, r.getRepeatedField(field, i));
              }
            } else if (r.hasField(field)
                || field.getJavaType()
                    != com.google.protobuf.Descriptors.FieldDescriptor.JavaType.MESSAGE) {
              merged.setField(field, r.getField(field));
            } else {
              merged.clearField(field);
            }
          }
          EventRegistrations.Result result =
              events.update(
                  caller(),
                  id,
                  version,
                  ProtoMapping.eventDraft(merged.build(), "registration"),
                  "registration");
          UpdateEventRegistrationResponse.Builder b =
              UpdateEventRegistrationResponse.newBuilder()
                  .setRegistration(ProtoMapping.event(result.registration()));
          result.hits().forEach(h -> b.addHits(ProtoMapping.hit(h)));
          return b.build();
        });
  }

  @Override
  public void cancelEventRegistration(
      CancelEventRegistrationRequest request,
      StreamObserver<CancelEventRegistrationResponse> observer) {
    answer(
        observer,
        () ->
            CancelEventRegistrationResponse.newBuilder()
                .setRegistration(
                    ProtoMapping.event(
                        events.cancel(
                            caller(),
                            requireId("registration_id", request.getRegistrationId()),
                            requireEtag(request.getEtag()),
                            request.getReason())))
                .build());
  }

  // ---- checks

  @Override
  public void checkBeforeActing(
      CheckBeforeActingRequest request, StreamObserver<CheckBeforeActingResponse> observer) {
    answer(
        observer,
        () -> {
          Checks.Answer a =
              checks.check(
                  caller(),
                  new Checks.Ask(
                      ProtoMapping.selectors(request.getSelectorsList()),
                      request.hasPlannedEvent()
                          ? ProtoMapping.eventDraft(request.getPlannedEvent(), "planned_event")
                          : null,
                      request.getPurpose(),
                      request.getRegister(),
                      ProtoMapping.contact(request.getPointOfContact()),
                      ProtoMapping.disclosure(request.getDisclosureLevel(), "disclosure_level"),
                      request.getCaseReference(),
                      request.getIncludePartners(),
                      request.getRequestId()));
          CheckBeforeActingResponse.Builder b =
              CheckBeforeActingResponse.newBuilder()
                  .setCheckId(a.checkId())
                  .setPolicyNote(Checks.POLICY_NOTE)
                  .addAllTargetRegistrationIds(a.targetRegistrationIds())
                  .setEventRegistrationId(a.eventRegistrationId());
          a.hits().forEach(h -> b.addHits(ProtoMapping.hit(h)));
          a.partnerAnswers().forEach(p -> b.addPartnerAnswers(PartnerMapping.answer(p)));
          return b.build();
        });
  }

  // ---- conflicts

  @Override
  public void getConflict(
      GetConflictRequest request, StreamObserver<GetConflictResponse> observer) {
    answer(
        observer,
        () -> {
          AgencyPrincipal caller = caller();
          return GetConflictResponse.newBuilder()
              .setConflict(
                  ConflictMapping.conflict(
                      workflow.get(caller, requireId("conflict_id", request.getConflictId())),
                      caller,
                      policy))
              .build();
        });
  }

  @Override
  public void listConflicts(
      ListConflictsRequest request, StreamObserver<ListConflictsResponse> observer) {
    answer(
        observer,
        () -> {
          AgencyPrincipal caller = caller();
          Violations v = new Violations();
          Set<Conflict.Status> statuses = EnumSet.noneOf(Conflict.Status.class);
          ProtoEnums.known(request.getStatusesList(), "statuses", v)
              .forEach(s ->
                  statuses.add(
                      Conflict.Status.valueOf(s.name().substring("CONFLICT_STATUS_".length()))));
          Set<Conflict.Kind> kinds = EnumSet.noneOf(Conflict.Kind.class);
          ProtoEnums.known(request.getKindsList(), "kinds", v)
              .forEach(k ->
                  kinds.add(Conflict.Kind.valueOf(k.name().substring("CONFLICT_KIND_".length()))));
          v.throwIfAny();
          Page<Conflict> page =
              workflow.list(
                  caller,
                  statuses,
                  kinds,
                  request.getAllAgencies(),
                  request.getPageSize(),
                  request.getPageToken());
          ListConflictsResponse.Builder b =
              ListConflictsResponse.newBuilder().setNextPageToken(page.nextPageToken());
          page.items().forEach(c -> b.addConflicts(ConflictMapping.conflict(c, caller, policy)));
          return b.build();
        });
  }

  @Override
  public void acknowledgeConflict(
      AcknowledgeConflictRequest request, StreamObserver<AcknowledgeConflictResponse> observer) {
    answer(
        observer,
        () -> {
          AgencyPrincipal caller = caller();
          return AcknowledgeConflictResponse.newBuilder()
              .setConflict(
                  ConflictMapping.conflict(
                      workflow.acknowledge(
                          caller,
                          requireId("conflict_id", request.getConflictId()),
                          request.getNote()),
                      caller,
                      policy))
              .build();
        });
  }

  @Override
  public void resolveConflict(
      ResolveConflictRequest request, StreamObserver<ResolveConflictResponse> observer) {
    answer(
        observer,
        () -> {
          AgencyPrincipal caller = caller();
          String id = requireId("conflict_id", request.getConflictId());
          ConflictResolution asked =
              ProtoEnums.required(
                  request.getResolution(),
                  "resolution",
                  "say how it was resolved: PROCEED, JOINT_OPERATION, DELAY or CANCEL");
          long version = requireEtag(request.getEtag());
          Conflict.Resolution resolution =
              Conflict.Resolution.valueOf(asked.name().substring("CONFLICT_RESOLUTION_".length()));
          return ResolveConflictResponse.newBuilder()
              .setConflict(
                  ConflictMapping.conflict(
                      workflow.resolve(caller, id, resolution, request.getNote(), version),
                      caller,
                      policy))
              .build();
        });
  }

  // ---- review queue

  @Override
  public void listReviewItems(
      ListReviewItemsRequest request, StreamObserver<ListReviewItemsResponse> observer) {
    answer(
        observer,
        () -> {
          Violations v = new Violations();
          Set<ReviewItem.Status> statuses = EnumSet.noneOf(ReviewItem.Status.class);
          List<ReviewItemStatus> asked = ProtoEnums.known(request.getStatusesList(), "statuses", v);
          v.throwIfAny();
          asked.forEach(s ->
              statuses.add(
                  ReviewItem.Status.valueOf(s.name().substring("REVIEW_ITEM_STATUS_".length()))));
          Page<ReviewItem> page =
              workflow.listReviews(
                  caller(), statuses, request.getPageSize(), request.getPageToken());
          ListReviewItemsResponse.Builder b =
              ListReviewItemsResponse.newBuilder().setNextPageToken(page.nextPageToken());
          page.items().forEach(i -> b.addReviewItems(ConflictMapping.review(i)));
          return b.build();
        });
  }

  @Override
  public void confirmReviewItem(
      ConfirmReviewItemRequest request, StreamObserver<ConfirmReviewItemResponse> observer) {
    answer(
        observer,
        () -> {
          AgencyPrincipal caller = caller();
          ConflictWorkflow.Confirmed c =
              workflow.confirm(
                  caller,
                  requireId("review_item_id", request.getReviewItemId()),
                  request.getNote());
          return ConfirmReviewItemResponse.newBuilder()
              .setReviewItem(ConflictMapping.review(c.item()))
              .setConflict(ConflictMapping.conflict(c.conflict(), caller, policy))
              .build();
        });
  }

  @Override
  public void rejectReviewItem(
      RejectReviewItemRequest request, StreamObserver<RejectReviewItemResponse> observer) {
    answer(
        observer,
        () ->
            RejectReviewItemResponse.newBuilder()
                .setReviewItem(
                    ConflictMapping.review(
                        workflow.reject(
                            caller(),
                            requireId("review_item_id", request.getReviewItemId()),
                            request.getNote())))
                .build());
  }
}
