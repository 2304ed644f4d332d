package org.taskforce.deconfliction.adapter.grpc;

import static org.taskforce.platform.grpc.RpcFields.caller;
import static org.taskforce.platform.grpc.RpcFields.requireEtag;
import static org.taskforce.platform.grpc.RpcFields.requireId;

import java.util.EnumSet;
import java.util.Set;
import org.taskforce.api.deconfliction.v1.AcknowledgeConflictRequest;
import org.taskforce.api.deconfliction.v1.AcknowledgeConflictResponse;
import org.taskforce.api.deconfliction.v1.ConflictResolution;
import org.taskforce.api.deconfliction.v1.GetConflictRequest;
import org.taskforce.api.deconfliction.v1.GetConflictResponse;
import org.taskforce.api.deconfliction.v1.ListConflictsRequest;
import org.taskforce.api.deconfliction.v1.ListConflictsResponse;
import org.taskforce.api.deconfliction.v1.ResolveConflictRequest;
import org.taskforce.api.deconfliction.v1.ResolveConflictResponse;
import org.taskforce.deconfliction.application.ConflictWorkflow;
import org.taskforce.deconfliction.application.DisclosurePolicy;
import org.taskforce.deconfliction.domain.Conflict;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.grpc.ProtoEnums;
import org.taskforce.platform.paging.Page;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * The DeconflictionService RPCs of conflicts: get, list, acknowledge, resolve — each shown as its
 * reader may see it: decode, one use case, encode.
 */
final class ConflictRpcs {
  private final ConflictWorkflow workflow;
  private final DisclosurePolicy policy;

  ConflictRpcs(ConflictWorkflow workflow, DisclosurePolicy policy) {
    this.workflow = workflow;
    this.policy = policy;
  }

  GetConflictResponse get(GetConflictRequest request) {
    AgencyPrincipal caller = caller();
    return GetConflictResponse.newBuilder()
        .setConflict(
            ConflictMapping.conflict(
                workflow.get(caller, requireId("conflict_id", request.getConflictId())),
                caller,
                policy))
        .build();
  }

  ListConflictsResponse list(ListConflictsRequest request) {
    AgencyPrincipal caller = caller();
    Violations violations = new Violations();
    Set<Conflict.Status> statuses = EnumSet.noneOf(Conflict.Status.class);
    ProtoEnums.known(request.getStatusesList(), "statuses", violations)
        .forEach(status -> statuses.add(ProtoEnums.toDomain(status, Conflict.Status.class)));
    Set<Conflict.Kind> kinds = EnumSet.noneOf(Conflict.Kind.class);
    ProtoEnums.known(request.getKindsList(), "kinds", violations)
        .forEach(kind -> kinds.add(ProtoEnums.toDomain(kind, Conflict.Kind.class)));
    violations.throwIfAny();
    Page<Conflict> page =
        workflow.list(
            caller,
            statuses,
            kinds,
            request.getAllAgencies(),
            request.getPageSize(),
            request.getPageToken());
    ListConflictsResponse.Builder response =
        ListConflictsResponse.newBuilder().setNextPageToken(page.nextPageToken());
    page.items().forEach(c -> response.addConflicts(ConflictMapping.conflict(c, caller, policy)));
    return response.build();
  }

  AcknowledgeConflictResponse acknowledge(AcknowledgeConflictRequest request) {
    AgencyPrincipal caller = caller();
    return AcknowledgeConflictResponse.newBuilder()
        .setConflict(
            ConflictMapping.conflict(
                workflow.acknowledge(
                    caller, requireId("conflict_id", request.getConflictId()), request.getNote()),
                caller,
                policy))
        .build();
  }

  ResolveConflictResponse resolve(ResolveConflictRequest request) {
    AgencyPrincipal caller = caller();
    String id = requireId("conflict_id", request.getConflictId());
    ConflictResolution asked =
        ProtoEnums.required(
            request.getResolution(),
            "resolution",
            "say how it was resolved: PROCEED, JOINT_OPERATION, DELAY or CANCEL");
    long version = requireEtag("etag", request.getEtag());
    Conflict.Resolution resolution = ProtoEnums.toDomain(asked, Conflict.Resolution.class);
    return ResolveConflictResponse.newBuilder()
        .setConflict(
            ConflictMapping.conflict(
                workflow.resolve(caller, id, resolution, request.getNote(), version),
                caller,
                policy))
        .build();
  }
}
