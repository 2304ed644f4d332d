package org.taskforce.cases;

import java.util.List;
import org.springframework.boot.test.context.SpringBootTest;
import org.taskforce.api.cases.v1.CaseServiceGrpc;
import org.taskforce.api.cases.v1.GetCaseRequest;
import org.taskforce.platform.testing.GrpcServiceRuntimeContract;

@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.grpc.server.port=0",
      "spring.grpc.server.host=127.0.0.1",
      "taskforce.mongodb.embedded-backend=MEMORY"
    })
class CaseServiceApplicationTest extends GrpcServiceRuntimeContract {

  @Override
  protected List<String> businessServices() {
    return List.of();
  }

  @Override
  protected void callWithoutToken() {
    CaseServiceGrpc.newBlockingStub(channel).getCase(GetCaseRequest.getDefaultInstance());
  }
}
