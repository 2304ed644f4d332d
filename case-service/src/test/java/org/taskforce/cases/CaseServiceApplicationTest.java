package org.taskforce.cases;

import java.util.List;
import org.taskforce.api.cases.v1.CaseServiceGrpc;
import org.taskforce.api.cases.v1.GetCaseRequest;
import org.taskforce.platform.testing.GrpcServiceRuntimeContract;

class CaseServiceApplicationTest extends GrpcServiceRuntimeContract {

  @Override
  protected List<String> businessServices() {
    return List.of("taskforce.cases.v1.CaseService");
  }

  @Override
  protected void callWithoutToken() {
    CaseServiceGrpc.newBlockingStub(channel).getCase(GetCaseRequest.getDefaultInstance());
  }
}
