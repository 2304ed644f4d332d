package org.taskforce.cases.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.taskforce.api.cases.v1.Case;
import org.taskforce.api.cases.v1.CaseServiceGrpc;
import org.taskforce.api.cases.v1.CaseType;
import org.taskforce.api.cases.v1.CreateCaseRequest;
import org.taskforce.api.cases.v1.ListCasesRequest;
import org.taskforce.platform.testing.Background;
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

    // Valid requests, each sent again with one text field made hostile. (Examples on a joint case
    // — subjects, tasks, notes, invitations — are left out: their background work, relays and
    // sweeps, kept changing the database after refused calls, which reads as a false finding.)
    // Background work (relay, count upkeep, sweeps) writes on its own time: held still, so that a
    // refused call is the only thing between two digests.
    RpcFuzzer.Report report =
        Background.pausedFor(
            background(),
            () ->
                new RpcFuzzer(channel, RpcFuzzer.seed())
                    .withExamples(
                        CreateCaseRequest.newBuilder()
                            .setCase(
                                Case.newBuilder()
                                    .setTitle("Operation Night Heron")
                                    .setCaseType(CaseType.CASE_TYPE_LABOR_TRAFFICKING)
                                    .addJurisdictions("NM")
                                    .setSummary("Farm crews housed at two motels."))
                            .setRequestId("fuzz-open-1")
                            .build(),
                        ListCasesRequest.newBuilder()
                            .setTitleContains("Lantern")
                            .setPageSize(5)
                            .build(),
                        ListCasesRequest.newBuilder().setAgencyId(HSI).build())
                    .run(
                        RpcFuzzer.descriptorOf(CaseServiceGrpc.getServiceDescriptor()),
                        callers,
                        RpcFuzzer.casesPerMethod(30),
                        RpcFuzzer.digestOf(database, Set.of("audit_log"))));

    assertThat(report.findings()).isEmpty();
  }
}
