package org.taskforce.deconfliction.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.deconfliction.v1.ConflictResolution;
import org.taskforce.api.deconfliction.v1.GetConflictRequest;
import org.taskforce.api.deconfliction.v1.ListConflictsRequest;
import org.taskforce.api.deconfliction.v1.ListReviewItemsRequest;
import org.taskforce.api.deconfliction.v1.ResolveConflictRequest;

/** Issue 18 item 7: watch-officer powers belong to the configured watch agency's officers. */
class WatchAgencyTest extends DeconflictionTestBase {

  /** Holds the watch-officer role, but in APD, not in the watch agency (nm-ago). */
  private static String apdWatchOfficer() {
    return REALM.user("apd-watch", APD, "LOCAL", "watch-officer").mint();
  }

  private String conflictBetweenHsiAndFbi() {
    register(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_AGENCY_ONLY, phone("505-555-0142"));
    return register(fbi(), DisclosureLevel.DISCLOSURE_LEVEL_AGENCY_ONLY, phone("505-555-0142"))
        .getHits(0)
        .getConflictId();
  }

  @Test
  void aWatchOfficerOfAnotherAgency_hasNoWatchOfficerPowers() {
    String id = conflictBetweenHsiAndFbi();

    StatusRuntimeException all =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                as(apdWatchOfficer())
                    .listConflicts(ListConflictsRequest.newBuilder().setAllAgencies(true).build()));
    assertThat(all.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);

    StatusRuntimeException queue =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                as(apdWatchOfficer()).listReviewItems(ListReviewItemsRequest.getDefaultInstance()));
    assertThat(queue.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);

    StatusRuntimeException read =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                as(apdWatchOfficer())
                    .getConflict(GetConflictRequest.newBuilder().setConflictId(id).build()));
    assertThat(read.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);

    StatusRuntimeException resolve =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                as(apdWatchOfficer())
                    .resolveConflict(
                        ResolveConflictRequest.newBuilder()
                            .setConflictId(id)
                            .setResolution(ConflictResolution.CONFLICT_RESOLUTION_PROCEED)
                            .setEtag("W/\"1\"")
                            .build()));
    assertThat(resolve.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void theWatchAgencysOfficer_seesBothSidesInFull_andResolvesAnyConflict() {
    String id = conflictBetweenHsiAndFbi();

    var conflict =
        as(watchOfficer())
            .getConflict(GetConflictRequest.newBuilder().setConflictId(id).build())
            .getConflict();
    assertThat(conflict.getSidesList())
        .allSatisfy(s -> assertThat(s.getRegistrationId()).isNotEmpty());
    var resolved =
        as(watchOfficer())
            .resolveConflict(
                ResolveConflictRequest.newBuilder()
                    .setConflictId(id)
                    .setResolution(ConflictResolution.CONFLICT_RESOLUTION_PROCEED)
                    .setEtag(conflict.getEtag())
                    .build())
            .getConflict();
    assertThat(resolved.getResolved().getAgencyId()).isEqualTo("nm-ago");
  }
}
