package org.taskforce.platform.config;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.grpc.server.autoconfigure.exception.GrpcExceptionHandlerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.grpc.client.GlobalClientInterceptor;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.taskforce.platform.agency.AgencyDirectory;
import org.taskforce.platform.agency.AgencyProperties;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.grpc.AuthenticationInterceptor;
import org.taskforce.platform.grpc.TaskforceGrpcExceptionHandler;
import org.taskforce.platform.grpc.TokenPropagatingClientInterceptor;
import org.taskforce.platform.mongo.MongoConnection;
import org.taskforce.platform.mongo.MongoIndexes;
import org.taskforce.platform.mongo.MongoProperties;
import org.taskforce.platform.outbox.Outbox;
import org.taskforce.platform.outbox.OutboxHandler;
import org.taskforce.platform.outbox.OutboxProperties;
import org.taskforce.platform.outbox.OutboxRelay;
import org.taskforce.platform.paging.PageTokens;
import org.taskforce.platform.paging.PagingProperties;
import org.taskforce.platform.security.SecurityProperties;
import org.taskforce.platform.security.ServiceTokenSource;
import org.taskforce.platform.security.TokenVerifier;

/**
 * Everything a Taskforce gRPC service gets by depending on this module: token checks on every call,
 * rich error statuses, token propagation to peers, its MongoDB database (embedded unless a URI is
 * set) with indexes created at startup, the audit trail, the outbox relay and the task force's
 * agency directory ({@code taskforce.agencies}). Health and reflection come from Spring gRPC with
 * {@code grpc-services} on the classpath.
 */
@AutoConfiguration(before = GrpcExceptionHandlerAutoConfiguration.class)
@EnableConfigurationProperties({
  SecurityProperties.class,
  ServiceClientProperties.class,
  MongoProperties.class,
  OutboxProperties.class,
  PagingProperties.class,
  AgencyProperties.class
})
public class TaskforcePlatformAutoConfiguration {
  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Opaque, query-bound page tokens for every list of the service. */
  @Bean
  @ConditionalOnMissingBean
  PageTokens pageTokens(PagingProperties properties, MongoProperties mongo) {
    if (!mongo.embedded() && properties.usesBuiltInSecret()) {
      // Anyone who read this source could mint tokens for a real deployment's lists.
      throw new IllegalStateException(
          "taskforce.paging.token-secret is not set: a service on a real MongoDB needs a page-token"
              + " secret of its own (the same on every replica; k8s: the Secret"
              + " <service>-page-tokens)");
    }
    return new PageTokens(properties.tokenSecret());
  }

  /** The task force's agencies, the same list in every service. */
  @Bean
  @ConditionalOnMissingBean
  AgencyDirectory agencyDirectory(AgencyProperties properties) {
    return properties.directory();
  }

  /**
   * The ErrorInfo domain of this service's errors, e.g. {@code deconfliction-service.taskforce}.
   */
  @Bean
  ErrorDomain errorDomain(@Value("${spring.application.name:taskforce}") String applicationName) {
    return new ErrorDomain(applicationName + ".taskforce");
  }

  @Bean
  @ConditionalOnMissingBean
  TokenVerifier tokenVerifier(SecurityProperties properties, Clock clock) {
    return new TokenVerifier(properties, clock);
  }

  @Bean
  @GlobalServerInterceptor
  @Order(Ordered.HIGHEST_PRECEDENCE + 100)
  AuthenticationInterceptor authenticationInterceptor(
      TokenVerifier verifier, SecurityProperties properties, ErrorDomain domain) {
    return new AuthenticationInterceptor(
        verifier, new HashSet<>(properties.publicServices()), domain.value());
  }

  @Bean
  TaskforceGrpcExceptionHandler taskforceGrpcExceptionHandler(ErrorDomain domain) {
    return new TaskforceGrpcExceptionHandler(domain.value());
  }

  /**
   * The service's own client-credentials token, when {@code taskforce.security.client.client-id} is
   * set. (A bean of type {@code Optional} would not do: Spring injects an {@code Optional<T>}
   * parameter by looking for a {@code T}, so such a bean is never found.)
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnExpression("!'${taskforce.security.client.client-id:}'.isBlank()")
  ServiceTokenSource serviceTokenSource(
      ServiceClientProperties client, SecurityProperties security, Clock clock) {
    String tokenUri =
        client.tokenUri() != null && !client.tokenUri().isBlank()
            ? client.tokenUri()
            : security.realmEndpoint("protocol/openid-connect/token");
    return new ServiceTokenSource(
        URI.create(tokenUri), client.clientId(), client.clientSecret(), clock);
  }

  @Bean
  @GlobalClientInterceptor
  TokenPropagatingClientInterceptor tokenPropagatingClientInterceptor(
      ObjectProvider<ServiceTokenSource> serviceTokens) {
    return new TokenPropagatingClientInterceptor(
        Optional.ofNullable(serviceTokens.getIfAvailable()));
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  MongoConnection mongoConnection(
      MongoProperties properties,
      @Value("${spring.application.name:taskforce}") String app,
      ObjectProvider<MeterRegistry> meters) {
    return MongoConnection.open(properties, app, meters.getIfAvailable());
  }

  @Bean
  MongoDatabase mongoDatabase(MongoConnection connection) {
    return connection.database();
  }

  /** Creates every {@link MongoIndexes} bean's indexes before the gRPC server takes calls. */
  @Bean
  SmartInitializingSingleton mongoIndexInitializer(
      MongoDatabase database, ObjectProvider<MongoIndexes> indexes) {
    return () -> indexes.orderedStream().forEach(i -> i.create(database));
  }

  @Bean
  @ConditionalOnMissingBean
  AuditTrail auditTrail(MongoDatabase database, Clock clock) {
    return new AuditTrail(database, clock);
  }

  @Bean
  @ConditionalOnMissingBean
  Outbox outbox(MongoDatabase database, Clock clock) {
    return new Outbox(database, clock);
  }

  @Bean
  @ConditionalOnBooleanProperty(name = "taskforce.outbox.enabled", matchIfMissing = true)
  OutboxRelay outboxRelay(
      MongoDatabase database,
      List<OutboxHandler> handlers,
      OutboxProperties properties,
      Clock clock) {
    return new OutboxRelay(database, handlers, properties, clock);
  }

  /** The ErrorInfo domain of this service. */
  public record ErrorDomain(String value) {}
}
