package org.taskforce.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.taskforce.api.notifications.v1.ListNotificationsRequest;
import org.taskforce.api.notifications.v1.NotificationServiceGrpc;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.mongo.MongoIndexes;
import org.taskforce.platform.outbox.OutboxRelay;
import org.taskforce.platform.testing.GrpcServiceRuntimeContract;

/** The auto-configuration wires a working service from nothing but a service bean. */
@SpringBootTest(
    classes = PlatformAutoConfigurationTest.SampleService.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.application.name=sample-service",
      "spring.grpc.server.port=0",
      "spring.grpc.server.host=127.0.0.1",
      "taskforce.mongodb.embedded-backend=MEMORY"
    })
class PlatformAutoConfigurationTest extends GrpcServiceRuntimeContract {
  @Autowired MongoDatabase database;
  @Autowired AuditTrail auditTrail;
  @Autowired OutboxRelay outboxRelay;

  @SpringBootApplication
  static class SampleService {
    /** A real contract service with no method implemented: enough to see auth run first. */
    @Bean
    NotificationServiceGrpc.NotificationServiceImplBase notifications() {
      return new NotificationServiceGrpc.NotificationServiceImplBase() {};
    }

    @Bean
    MongoIndexes sampleIndexes() {
      return db -> db.getCollection("samples").insertOne(new Document("_id", "created-at-startup"));
    }
  }

  @Override
  protected List<String> businessServices() {
    return List.of(NotificationServiceGrpc.SERVICE_NAME);
  }

  @Override
  protected void callWithoutToken() {
    NotificationServiceGrpc.newBlockingStub(channel)
        .listNotifications(ListNotificationsRequest.getDefaultInstance());
  }

  @Test
  void databaseIsNamedAfterTheService_andIndexBeansRanAtStartup() {
    assertThat(database.getName()).isEqualTo("sample_service");
    assertThat(database.getCollection("samples").countDocuments()).isEqualTo(1);
    assertThat(auditTrail).isNotNull();
    assertThat(outboxRelay.isRunning()).isTrue();
  }
}
