package org.taskforce.cases.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.taskforce.api.cases.v1.CaseServiceGrpc;
import org.taskforce.platform.testing.BearerCredentials;
import org.taskforce.platform.testing.RpcFuzzer;

/**
 * Every RPC of case-service called with generated and boundary messages by every kind of caller:
 * never INTERNAL/UNKNOWN, and a refused call leaves the database as it was.
 */
class CaseFuzzTest extends CaseTestBase {

  @Test
  void generatedAndBoundaryMessages_neverInternal_andRefusalsStoreNothing() {
    List<RpcFuzzer.Caller> callers =
        List.of(
            new RpcFuzzer.Caller("ago investigator", BearerCredentials.of(ago())),
            new RpcFuzzer.Caller("hsi investigator", BearerCredentials.of(hsi())),
            new RpcFuzzer.Caller("victim advocate", BearerCredentials.of(advocate())),
            new RpcFuzzer.Caller("bcso commander", BearerCredentials.of(commander())),
            new RpcFuzzer.Caller("partner system", BearerCredentials.of(partnerOf(APD, "LOCAL"))),
            new RpcFuzzer.Caller("no token", null));

    RpcFuzzer.Report report =
        new RpcFuzzer(channel, RpcFuzzer.seed())
            .run(
                RpcFuzzer.descriptorOf(CaseServiceGrpc.getServiceDescriptor()),
                callers,
                RpcFuzzer.casesPerMethod(30),
                RpcFuzzer.digestOf(database, Set.of("audit_log")));

    assertThat(report.findings()).isEmpty();
  }
}
