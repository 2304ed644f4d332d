package org.taskforce.deconfliction.adapter.grpc;

import static org.taskforce.platform.grpc.RpcFields.caller;
import static org.taskforce.platform.grpc.RpcFields.requireEtag;
import static org.taskforce.platform.grpc.RpcFields.requireId;

import java.util.List;
import java.util.Set;
import org.taskforce.api.deconfliction.v1.CreateTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.CreateTargetRegistrationResponse;
import org.taskforce.api.deconfliction.v1.GetTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.GetTargetRegistrationResponse;
import org.taskforce.api.deconfliction.v1.ListTargetRegistrationsRequest;
import org.taskforce.api.deconfliction.v1.ListTargetRegistrationsResponse;
import org.taskforce.api.deconfliction.v1.RenewTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.RenewTargetRegistrationResponse;
import org.taskforce.api.deconfliction.v1.TargetRegistration;
import org.taskforce.api.deconfliction.v1.UpdateTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.UpdateTargetRegistrationResponse;
import org.taskforce.api.deconfliction.v1.WithdrawTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.WithdrawTargetRegistrationResponse;
import org.taskforce.deconfliction.application.TargetRegistrationChanges;
import org.taskforce.deconfliction.application.TargetRegistrations;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.grpc.UpdateMask;
import org.taskforce.platform.paging.Page;

/**
 * The DeconflictionService RPCs of target registrations: get, list, create, update (by update
 * mask), renew, withdraw: decode, one use case, encode.
 */
final class TargetRpcs {
  private static final List<String> TARGET_PATHS =
      List.of("selectors", "point_of_contact", "case_reference", "disclosure_level");

  private final TargetRegistrations targets;
  private final TargetRegistrationChanges changes;

  TargetRpcs(TargetRegistrations targets, TargetRegistrationChanges changes) {
    this.targets = targets;
    this.changes = changes;
  }

  GetTargetRegistrationResponse get(GetTargetRegistrationRequest request) {
    return GetTargetRegistrationResponse.newBuilder()
        .setRegistration(
            RegistrationMapping.target(
                targets.get(caller(), requireId("registration_id", request.getRegistrationId()))))
        .build();
  }

  ListTargetRegistrationsResponse list(ListTargetRegistrationsRequest request) {
    Set<org.taskforce.deconfliction.domain.RegistrationStatus> statuses =
        RegistrationMapping.statuses(request.getStatusesList());
    Page<org.taskforce.deconfliction.domain.TargetRegistration> page =
        targets.list(
            caller(),
            statuses,
            request.getCaseReference(),
            request.getPageSize(),
            request.getPageToken());
    ListTargetRegistrationsResponse.Builder response =
        ListTargetRegistrationsResponse.newBuilder().setNextPageToken(page.nextPageToken());
    page.items().forEach(asked -> response.addRegistrations(RegistrationMapping.target(asked)));
    return response.build();
  }

  CreateTargetRegistrationResponse create(CreateTargetRegistrationRequest request) {
    if (!request.hasRegistration()) {
      throw TaskforceException.invalidArgument("registration", "is required");
    }
    var result =
        targets.create(
            caller(),
            draft(request.getRegistration(), true),
            request.getRequestId(),
            "registration");
    return CreateTargetRegistrationResponse.newBuilder()
        .setRegistration(RegistrationMapping.target(result.registration()))
        .addAllHits(RegistrationMapping.hits(result.hits()))
        .build();
  }

  UpdateTargetRegistrationResponse update(UpdateTargetRegistrationRequest request) {
    TargetRegistration asked = request.getRegistration();
    String id = requireId("registration.registration_id", asked.getRegistrationId());
    long version = requireEtag("etag", asked.getEtag());
    Set<String> paths = UpdateMask.named(request.getUpdateMask(), TARGET_PATHS);
    TargetRegistrations.Draft draft = draft(asked, false);
    var result =
        changes.update(
            caller(),
            id,
            version,
            new TargetRegistrationChanges.Changes(
                draft.selectors(),
                draft.contact(),
                draft.caseReference(),
                draft.disclosure(),
                paths.contains("selectors"),
                paths.contains("point_of_contact"),
                paths.contains("case_reference"),
                paths.contains("disclosure_level")),
            "registration");
    return UpdateTargetRegistrationResponse.newBuilder()
        .setRegistration(RegistrationMapping.target(result.registration()))
        .addAllHits(RegistrationMapping.hits(result.hits()))
        .build();
  }

  RenewTargetRegistrationResponse renew(RenewTargetRegistrationRequest request) {
    return RenewTargetRegistrationResponse.newBuilder()
        .setRegistration(
            RegistrationMapping.target(
                changes.renew(
                    caller(),
                    requireId("registration_id", request.getRegistrationId()),
                    requireEtag("etag", request.getEtag()),
                    request.hasExpireTime()
                        ? ProtoMapping.instant(request.getExpireTime(), "expire_time")
                        : null)))
        .build();
  }

  WithdrawTargetRegistrationResponse withdraw(WithdrawTargetRegistrationRequest request) {
    return WithdrawTargetRegistrationResponse.newBuilder()
        .setRegistration(
            RegistrationMapping.target(
                changes.withdraw(
                    caller(),
                    requireId("registration_id", request.getRegistrationId()),
                    requireEtag("etag", request.getEtag()),
                    request.getReason())))
        .build();
  }

  /**
   * A registration as asked for, with its expiry only when {@code withExpiry} (an update does not
   * change it).
   */
  private static TargetRegistrations.Draft draft(TargetRegistration asked, boolean withExpiry) {
    return new TargetRegistrations.Draft(
        SelectorMapping.selectors(asked.getSelectorsList()),
        ProtoMapping.contact(asked.getPointOfContact()),
        asked.getCaseReference(),
        ProtoMapping.disclosure(asked.getDisclosureLevel(), "registration.disclosure_level"),
        withExpiry && asked.hasExpireTime()
            ? ProtoMapping.instant(asked.getExpireTime(), "registration.expire_time")
            : null);
  }
}
