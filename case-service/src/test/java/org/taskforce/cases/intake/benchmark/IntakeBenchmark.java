package org.taskforce.cases.intake.benchmark;

import io.grpc.ManagedChannel;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;
import org.taskforce.api.intake.v1.CyberTiplineIpAddress;
import org.taskforce.api.intake.v1.CyberTiplineReport;
import org.taskforce.api.intake.v1.CyberTiplineReportingCompany;
import org.taskforce.api.intake.v1.CyberTiplineScreenName;
import org.taskforce.api.intake.v1.ImportCyberTiplineReportsRequest;
import org.taskforce.api.intake.v1.ImportCyberTiplineReportsResponse;
import org.taskforce.api.intake.v1.TipCheckState;
import org.taskforce.api.intake.v1.TipServiceGrpc;
import org.taskforce.cases.CaseServiceApplication;
import org.taskforce.deconfliction.DeconflictionServiceApplication;
import org.taskforce.platform.testing.Benchmarks;
import org.taskforce.platform.testing.FakeNotificationService;
import org.taskforce.platform.testing.KeycloakTestRealm;

/**
 * Imports {@code bench.reports} (10,000) CyberTipline-shaped reports through ImportCyberTipline
 * Reports, {@code bench.batch} (100) per call, each report deconflicted on arrival against the real
 * deconfliction-service (in this JVM, its own in-memory database, {@code bench.registrations}
 * registrations of other agencies, some of which the reports hit); prints reports per second.
 * Target: at least 200 reports/s on this machine.
 *
 * <pre>
 * ./mvnw -q install -DskipTests
 * ./mvnw -q -pl case-service -Preal-peers exec:java@intake-benchmark [-Dbench.reports=10000]
 * </pre>
 */
public final class IntakeBenchmark {
  public static void main(String[] args) throws Exception {
    int reports = Integer.getInteger("bench.reports", 10_000);
    int batch = Integer.getInteger("bench.batch", 100);
    int registrations = Integer.getInteger("bench.registrations", 2_000);
    try (KeycloakTestRealm realm = new KeycloakTestRealm()) {
      FakeNotificationService notifications = new FakeNotificationService();
      realm.serviceClient("deconfliction-service", "nm-ago", "STATE");
      realm.serviceClient("case-service", "nm-ago", "STATE");
      ConfigurableApplicationContext deconfliction = deconfliction(realm, notifications);
      String deconflictionAddress =
          "static://127.0.0.1:" + deconfliction.getBean(GrpcServerLifecycle.class).getPort();
      ConfigurableApplicationContext cases =
          new SpringApplication(CaseServiceApplication.class)
              .run(
                  "--spring.grpc.server.port=0",
                  "--spring.grpc.server.host=127.0.0.1",
                  "--server.port=0",
                  "--taskforce.mongodb.embedded-backend=MEMORY",
                  "--taskforce.security.issuer-uri=" + realm.issuer(),
                  "--taskforce.security.client.client-id=case-service",
                  "--taskforce.security.client.client-secret=bench",
                  "--spring.grpc.client.channels.deconfliction.address=" + deconflictionAddress,
                  "--spring.grpc.client.channels.notifications.address=" + notifications.address(),
                  "--taskforce.intake.reporter-key=q3Vb1cJ5o0m8l9R2n6Zt4wYx7AaBcDdEeFfGgHhIiJk=",
                  "--logging.level.root=WARN");
      try {
        Registrations.load(realm, deconflictionAddress, registrations);
        ManagedChannel channel = Benchmarks.channel(cases);
        var stub =
            Benchmarks.authorised(
                TipServiceGrpc.newBlockingStub(channel),
                realm.user("bench-intake", "nm-ago", "STATE", "intake-coordinator"));
        // Warm-up: a separate number range, not counted.
        for (int i = 0; i < 5; i++) {
          stub.importCyberTiplineReports(file(900_000_000 + i * batch, batch, registrations));
        }
        long started = System.nanoTime();
        int checked = 0;
        int withHits = 0;
        for (int first = 0; first < reports; first += batch) {
          ImportCyberTiplineReportsResponse r =
              stub.importCyberTiplineReports(
                  file(100_000_000 + first, Math.min(batch, reports - first), registrations));
          for (var t : r.getTipsList()) {
            checked += t.getCheckState() == TipCheckState.TIP_CHECK_STATE_CHECKED ? 1 : 0;
            withHits += t.getHitsCount() > 0 ? 1 : 0;
          }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "intake benchmark: %,d CyberTipline reports in %.1f s = %.0f reports/s (target ≥ 200)"
                + "; %,d checked on arrival, %,d with deconfliction hits; %d per call%n",
            reports,
            seconds,
            reports / seconds,
            checked,
            withHits,
            batch);
        channel.shutdownNow();
      } finally {
        cases.close();
        deconfliction.close();
        notifications.stop();
      }
    }
    System.exit(0);
  }

  /**
   * Reports {@code first..first+count}: each with a URL, an e-mail, a screen name, an IP, a phone.
   */
  static ImportCyberTiplineReportsRequest file(int first, int count, int registrations) {
    ImportCyberTiplineReportsRequest.Builder f = ImportCyberTiplineReportsRequest.newBuilder();
    for (int i = first; i < first + count; i++) {
      // Every tenth report names a phone another agency registered.
      String phone =
          i % 10 == 0
              ? Registrations.phone(i % registrations)
              : String.format("+1575%03d%04d", 200 + i / 10_000 % 800, i % 10_000);
      f.addReports(
          CyberTiplineReport.newBuilder()
              .setReportNumber(Integer.toString(i))
              .setIncidentType(
                  i % 4 == 0
                      ? "Child Sex Trafficking"
                      : "Online Enticement of Children for Sexual Acts")
              .setIncidentTime(
                  com.google.protobuf.Timestamp.newBuilder()
                      .setSeconds(1_760_000_000L + i % 1_000_000))
              .setReportingCompany(
                  CyberTiplineReportingCompany.newBuilder()
                      .setName("Example Social, Inc.")
                      .addUrls("https://social.example.com/u/user" + i)
                      .addEmails("user" + i + "@example.net")
                      .addScreenNames(
                          CyberTiplineScreenName.newBuilder()
                              .setPlatform("examplesocial")
                              .setName("user" + i))
                      .addIpAddresses(
                          CyberTiplineIpAddress.newBuilder()
                              .setAddress("198.51." + (i / 256 % 256) + "." + (i % 256)))
                      .addPhones(phone))
              .setAdditionalInformation("Account " + i + " offers money to meet a minor."));
    }
    return f.build();
  }

  static ConfigurableApplicationContext deconfliction(
      KeycloakTestRealm realm, FakeNotificationService notifications) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("spring.config.name", "intake-benchmark-none");
    p.put("spring.application.name", "deconfliction-service");
    p.put("spring.main.banner-mode", "off");
    p.put("spring.grpc.server.port", "0");
    p.put("spring.grpc.server.host", "127.0.0.1");
    p.put("server.port", "0");
    p.put("spring.grpc.client.channels.notifications.address", notifications.address());
    p.put("taskforce.mongodb.embedded-backend", "MEMORY");
    p.put("taskforce.mongodb.database", "deconfliction");
    p.put("taskforce.security.issuer-uri", realm.issuer());
    p.put("taskforce.security.client.client-id", "deconfliction-service");
    p.put("taskforce.security.client.client-secret", "bench");
    p.put("taskforce.deconfliction.watch-agency-id", "nm-ago");
    p.put("logging.level.root", "WARN");
    Map.of(
            "nm-ago", "STATE",
            "hsi-abq", "FEDERAL",
            "usao-nm", "FEDERAL",
            "apd", "LOCAL",
            "fbi-abq", "FEDERAL",
            "nm-crisis-center", "SERVICE_PROVIDER",
            "bcso", "LOCAL",
            "nnpd", "TRIBAL")
        .forEach((agency, type) -> {
          p.put("taskforce.agencies." + agency + ".name", agency.toUpperCase(Locale.ROOT));
          p.put("taskforce.agencies." + agency + ".type", type);
        });
    return new SpringApplicationBuilder(DeconflictionServiceApplication.class)
        .web(WebApplicationType.NONE)
        .properties(p)
        .run();
  }
}
