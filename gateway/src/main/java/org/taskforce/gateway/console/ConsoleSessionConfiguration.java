package org.taskforce.gateway.console;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;
import org.taskforce.gateway.console.session.MongoSessionRepository;
import org.taskforce.gateway.console.session.SessionAttributeCodec;
import org.taskforce.gateway.console.session.SessionDatabase;
import org.taskforce.platform.crypto.FieldSealer;
import org.taskforce.platform.jobs.PeriodicJob;
import org.taskforce.platform.mongo.MongoProperties;

/**
 * Where the console's sessions live: Spring Session's {@code WebSession} support over our own
 * MongoDB repository ({@link MongoSessionRepository}; Spring Session's MongoDB module has no
 * release for Spring Boot 4), so sessions survive a restart of the gateway and every replica sees
 * the same ones; the session cookie; and the realm's idle timeout.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("taskforce.console.client-secret")
@EnableSpringWebSession
@EnableConfigurationProperties({ConsoleProperties.class, MongoProperties.class})
class ConsoleSessionConfiguration {
  static final String SESSION_KEY_PROPERTY = "taskforce.console.session-key";

  /** Checked before a database is opened: a deployment without its key does not start. */
  @Bean
  FieldSealer consoleSessionSealer(ConsoleProperties console, MongoProperties mongo) {
    return sealer(console, mongo);
  }

  /** Its commands are timed ({@code mongodb.driver.commands}, collection console_sessions). */
  @Bean(destroyMethod = "close")
  @DependsOn("consoleSessionSealer")
  SessionDatabase consoleSessionDatabase(
      MongoProperties mongo,
      ObjectProvider<MeterRegistry> meters,
      @Value("${spring.application.name:gateway}") String application) {
    return SessionDatabase.open(mongo, application, meters.getIfAvailable());
  }

  /**
   * The key the sessions are sealed with. A deployment (secure cookies: behind TLS) needs a shared
   * MongoDB and a key of its own; the fixed development key only where asked for, on the embedded
   * database ({@code taskforce.console.development-session-key}: the local stack).
   */
  static FieldSealer sealer(ConsoleProperties console, MongoProperties mongo) {
    boolean keyGiven = !console.sessionKey().isBlank();
    if (console.secureCookies() && (!keyGiven || mongo.embedded())) {
      throw new IllegalStateException(
          "taskforce.console.secure-cookies is on (a deployment): the console's sessions need a"
              + " shared MongoDB (taskforce.mongodb.uri is "
              + (mongo.embedded() ? "not set" : "set")
              + ") and "
              + SESSION_KEY_PROPERTY
              + (keyGiven ? " (set)" : " (is not set)")
              + ", from a secret store");
    }
    if (!keyGiven && !console.developmentSessionKey()) {
      throw new IllegalStateException(
          SESSION_KEY_PROPERTY
              + " is not set: it seals the console's sessions (tokens) in MongoDB. Set it to 32"
              + " random bytes in base64 (`openssl rand -base64 32`) from a secret store, the same"
              + " on every replica; a local stack sets"
              + " taskforce.console.development-session-key=true instead.");
    }
    return FieldSealer.configured(
        SESSION_KEY_PROPERTY,
        console.sessionKey(),
        console.sessionPreviousKeys(),
        mongo.embedded() && console.developmentSessionKey());
  }

  @Bean
  MongoSessionRepository consoleSessionRepository(
      SessionDatabase database, FieldSealer consoleSessionSealer, ConsoleProperties console) {
    var repository =
        new MongoSessionRepository(
            database.database(),
            new SessionAttributeCodec(consoleSessionSealer),
            console.sessionStoreTimeout(),
            Set.of(ConsoleIdleSessions.LAST_ACTIVITY),
            Clock.systemUTC());
    repository.createIndexes();
    return repository;
  }

  /** Deletes sessions past their time (the embedded server has no TTL indexes). */
  @Bean
  PeriodicJob consoleSessionSweep(MongoSessionRepository sessions, ConsoleProperties console) {
    return new PeriodicJob(
        "console-session-sweep", true, console.sessionSweepInterval(), sessions::sweep);
  }

  /** HttpOnly, SameSite=Strict: script cannot read it and other sites cannot send it. */
  @Bean
  WebSessionIdResolver consoleSessionCookie(ConsoleProperties console) {
    var resolver = new CookieWebSessionIdResolver();
    resolver.setCookieName(ConsoleRoutes.SESSION_COOKIE);
    resolver.setCookieMaxAge(java.time.Duration.ofSeconds(-1));
    resolver.addCookieInitializer(cookie ->
        cookie.httpOnly(true).sameSite("Strict").path("/").secure(console.secureCookies()));
    return resolver;
  }

  /** The realm's idle timeout, held by what the user does, not by the event stream. */
  @Bean
  ConsoleIdleSessions consoleIdleSessions(
      ConsoleProperties console,
      ServerOAuth2AuthorizedClientRepository authorizedClients,
      MongoSessionRepository sessions,
      @Value("${taskforce.security.issuer-uri}") String issuerUri) {
    return new ConsoleIdleSessions(
        console.sessionIdleTimeout(),
        Clock.systemUTC(),
        authorizedClients,
        sessions,
        WebClient.create(),
        console.issuer(issuerUri),
        console.clientId(),
        console.clientSecret());
  }
}
