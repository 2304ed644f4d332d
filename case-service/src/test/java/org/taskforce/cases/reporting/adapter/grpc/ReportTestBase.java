package org.taskforce.cases.reporting.adapter.grpc;

import org.springframework.beans.factory.annotation.Autowired;
import org.taskforce.api.reporting.v1.CaseReportingServiceGrpc;
import org.taskforce.cases.adapter.grpc.CaseTestBase;
import org.taskforce.cases.adapter.mongo.MongoCaseStore;
import org.taskforce.cases.adapter.mongo.MongoVictimStore;
import org.taskforce.cases.application.PersonKeys;
import org.taskforce.cases.reporting.adapter.mongo.MongoOutcomeStore;
import org.taskforce.cases.reporting.adapter.mongo.MongoTrainingStore;
import org.taskforce.platform.testing.BearerCredentials;

/** What the report tests share: the reporting service as a caller, and {@link ReportFixture}. */
abstract class ReportTestBase extends CaseTestBase {
  @Autowired private MongoCaseStore caseStore;
  @Autowired private MongoVictimStore victimStore;
  @Autowired private MongoOutcomeStore outcomeStore;
  @Autowired private MongoTrainingStore trainingStore;
  @Autowired private PersonKeys personKeys;

  CaseReportingServiceGrpc.CaseReportingServiceBlockingStub reports(String token) {
    return CaseReportingServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(BearerCredentials.of(token));
  }

  /** Stores the records of {@link ReportFixture}. */
  void seedFixture() {
    new ReportFixture(personKeys).seed(caseStore, victimStore, outcomeStore, trainingStore);
  }
}
