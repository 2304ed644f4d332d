package org.taskforce.deconfliction;

import java.util.List;
import org.taskforce.api.deconfliction.v1.DeconflictionServiceGrpc;
import org.taskforce.api.deconfliction.v1.ListConflictsRequest;
import org.taskforce.platform.testing.GrpcServiceRuntimeContract;

class DeconflictionServiceApplicationTest extends GrpcServiceRuntimeContract {

  @Override
  protected List<String> businessServices() {
    return List.of(
        "taskforce.deconfliction.v1.DeconflictionService",
        "taskforce.deconfliction.v1.PartnerDeconflictionService");
  }

  @Override
  protected void callWithoutToken() {
    DeconflictionServiceGrpc.newBlockingStub(channel)
        .listConflicts(ListConflictsRequest.getDefaultInstance());
  }
}
