package org.taskforce.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvFromSource;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The manifests must say what the code reads: ports, probes and health endpoints, every environment
 * key, the gateway's backend addresses, and one list of the task force's agencies. A renamed
 * property or a moved port in a service fails here instead of in a cluster.
 */
class ServiceConfigurationCrossCheckTest {
  private static final List<String> GRPC_SERVICES =
      List.of("case-service", "deconfliction-service", "notification-service");

  /** Read by the JVM and by Spring Boot's logging itself, not by an application.yaml key. */
  private static final Set<String> PLATFORM_ENV =
      Set.of("JAVA_TOOL_OPTIONS", "LOGGING_STRUCTURED_FORMAT_CONSOLE");

  static Stream<Arguments> grpcServices() throws IOException {
    return RenderedOverlay.names().stream()
        .flatMap(o -> GRPC_SERVICES.stream().map(s -> Arguments.of(o, s)));
  }

  static Stream<Arguments> applications() throws IOException {
    return RenderedOverlay.names().stream()
        .flatMap(o ->
            Stream.concat(GRPC_SERVICES.stream(), Stream.of("gateway"))
                .map(s -> Arguments.of(o, s)));
  }

  static List<String> overlays() throws IOException {
    return RenderedOverlay.names();
  }

  private static V1Container mainContainer(RenderedOverlay o, String name) {
    return RenderedOverlay.container(
        o.get(V1Deployment.class, name).getSpec().getTemplate().getSpec(), name);
  }

  private static int containerPort(V1Container c, String portName) {
    return c.getPorts().stream()
        .filter(p -> portName.equals(p.getName()))
        .map(V1ContainerPort::getContainerPort)
        .findFirst()
        .orElseThrow(() -> new AssertionError(c.getName() + " has no port named " + portName));
  }

  private static List<String> environmentKeys(RenderedOverlay o, V1Container c) {
    List<String> keys = new ArrayList<>();
    if (c.getEnv() != null) {
      c.getEnv().stream().map(V1EnvVar::getName).forEach(keys::add);
    }
    if (c.getEnvFrom() != null) {
      for (V1EnvFromSource from : c.getEnvFrom()) {
        if (from.getConfigMapRef() != null) {
          V1ConfigMap map = o.get(V1ConfigMap.class, from.getConfigMapRef().getName());
          keys.addAll(map.getData().keySet());
        }
      }
    }
    return keys;
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("grpcServices")
  void grpcPortAndHealthProbes_matchTheService(String overlay, String service) {
    RenderedOverlay o = RenderedOverlay.of(overlay);
    int port = Integer.parseInt(ServiceConfiguration.of(service).get("spring.grpc.server.port"));
    V1Container c = mainContainer(o, service);

    assertThat(containerPort(c, "grpc")).isEqualTo(port);
    assertThat(RenderedOverlay.env(c, "SPRING_GRPC_SERVER_PORT")).hasValue(String.valueOf(port));
    for (V1Probe probe :
        List.of(c.getStartupProbe(), c.getReadinessProbe(), c.getLivenessProbe())) {
      assertThat(probe.getGrpc()).as(service + " probes use gRPC health").isNotNull();
      assertThat(probe.getGrpc().getPort()).isEqualTo(port);
      // The overall server status, which GrpcServiceRuntimeContract checks is SERVING.
      assertThat(probe.getGrpc().getService()).isNullOrEmpty();
    }
    int metrics = Integer.parseInt(ServiceConfiguration.of(service).get("server.port"));
    assertThat(containerPort(c, "metrics")).isEqualTo(metrics);
    assertThat(RenderedOverlay.env(c, "SERVER_PORT")).hasValue(String.valueOf(metrics));
    assertThat(o.get(V1Service.class, service).getSpec().getPorts())
        .anySatisfy(p -> assertThat(p.getPort()).isEqualTo(metrics));
    V1ServicePort servicePort = o.get(V1Service.class, service).getSpec().getPorts().get(0);
    assertThat(servicePort.getPort()).isEqualTo(port);
    assertThat(servicePort.getTargetPort().getStrValue()).isEqualTo("grpc");
    assertThat(servicePort.getAppProtocol()).isEqualTo("kubernetes.io/h2c");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("grpcServices")
  void databaseName_matchesTheService(String overlay, String service) {
    V1Container c = mainContainer(RenderedOverlay.of(overlay), service);
    assertThat(RenderedOverlay.env(c, "TASKFORCE_MONGODB_DATABASE"))
        .hasValue(ServiceConfiguration.of(service).get("taskforce.mongodb.database"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("applications")
  void everyEnvironmentKey_isAPropertyTheServiceReads(String overlay, String service) {
    RenderedOverlay o = RenderedOverlay.of(overlay);
    ServiceConfiguration config = ServiceConfiguration.of(service);
    List<String> unknown =
        environmentKeys(o, mainContainer(o, service)).stream()
            .filter(k -> !PLATFORM_ENV.contains(k))
            .filter(k -> !config.binds(k))
            .toList();
    assertThat(unknown)
        .as("environment keys of %s that %s's application.yaml does not declare", overlay, service)
        .isEmpty();
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void gatewayBackends_pointAtTheServicesRealPorts(String overlay) {
    RenderedOverlay o = RenderedOverlay.of(overlay);
    ServiceConfiguration gateway = ServiceConfiguration.of("gateway");
    V1Container c = mainContainer(o, "gateway");
    List<String> backends =
        gateway.properties.keySet().stream()
            .filter(k -> k.startsWith("taskforce.backends."))
            .map(k -> k.substring("taskforce.backends.".length()))
            .toList();
    assertThat(backends)
        .contains("case-service", "deconfliction-service", "notification-service", "keycloak");
    for (String backend : backends) {
      String env = "TASKFORCE_BACKENDS_" + backend.toUpperCase(Locale.ROOT).replace('-', '_');
      int port =
          GRPC_SERVICES.contains(backend)
              ? Integer.parseInt(ServiceConfiguration.of(backend).get("spring.grpc.server.port"))
              : o.get(V1Service.class, backend).getSpec().getPorts().get(0).getPort();
      assertThat(RenderedOverlay.env(c, env))
          .as("%s sets %s", overlay, env)
          .hasValue("http://" + backend + ":" + port);
      assertThat(o.get(V1Service.class, backend).getSpec().getPorts())
          .anySatisfy(p -> assertThat(p.getPort()).isEqualTo(port));
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void gatewayPortAndProbes_matchTheGateway(String overlay) {
    RenderedOverlay o = RenderedOverlay.of(overlay);
    ServiceConfiguration gateway = ServiceConfiguration.of("gateway");
    V1Container c = mainContainer(o, "gateway");
    int port = Integer.parseInt(gateway.get("server.port"));

    assertThat(containerPort(c, "http")).isEqualTo(port);
    assertThat(RenderedOverlay.env(c, "SERVER_PORT")).hasValue(String.valueOf(port));
    assertThat(gateway.get("management.endpoint.health.probes.enabled")).isEqualTo("true");
    int management = Integer.parseInt(gateway.get("management.server.port"));
    assertThat(containerPort(c, "management")).isEqualTo(management);
    assertThat(RenderedOverlay.env(c, "MANAGEMENT_SERVER_PORT"))
        .hasValue(String.valueOf(management));
    for (V1Probe probe :
        List.of(c.getStartupProbe(), c.getReadinessProbe(), c.getLivenessProbe())) {
      assertThat(probe.getHttpGet().getPort().getStrValue()).isEqualTo("management");
    }
    assertThat(o.all(io.kubernetes.client.openapi.models.V1Ingress.class))
        .allSatisfy(i ->
            i.getSpec().getRules().stream()
                .flatMap(r -> r.getHttp().getPaths().stream())
                .forEach(p ->
                    assertThat(p.getBackend().getService().getPort().getName())
                        .as("the Ingress never reaches the management port")
                        .isEqualTo("http")));
    assertThat(c.getReadinessProbe().getHttpGet().getPath())
        .isEqualTo("/actuator/health/readiness");
    assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
    assertThat(o.get(V1Service.class, "gateway").getSpec().getPorts().get(0).getPort())
        .isEqualTo(port);
  }

  /**
   * {@code taskforce.agencies} is one directory (platform's AgencyDirectory) that case-service and
   * deconfliction-service each carry in their application.yaml: the two copies must not drift.
   */
  @Test
  void caseAndDeconflictionService_listTheSameAgencies() {
    Map<String, String> cases = agencies("case-service");
    assertThat(cases).as("case-service's taskforce.agencies").isNotEmpty();
    assertThat(agencies("deconfliction-service")).isEqualTo(cases);
  }

  private static Map<String, String> agencies(String service) {
    return ServiceConfiguration.of(service).properties.entrySet().stream()
        .filter(entry -> entry.getKey().startsWith("taskforce.agencies."))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
