package org.taskforce.deconfliction;

import java.util.List;
import org.springframework.boot.test.context.SpringBootTest;
import org.taskforce.api.deconfliction.v1.DeconflictionServiceGrpc;
import org.taskforce.api.deconfliction.v1.ListConflictsRequest;
import org.taskforce.platform.testing.GrpcServiceRuntimeContract;

@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.grpc.server.port=0",
      "spring.grpc.server.host=127.0.0.1",
      "taskforce.mongodb.embedded-backend=MEMORY"
    })
class DeconflictionServiceApplicationTest extends GrpcServiceRuntimeContract {

  @Override
  protected List<String> businessServices() {
    return List.of();
  }

  @Override
  protected void callWithoutToken() {
    DeconflictionServiceGrpc.newBlockingStub(channel)
        .listConflicts(ListConflictsRequest.getDefaultInstance());
  }
}
