package org.taskforce.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1HTTPIngressPath;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every overlay must keep, whatever else changes. */
class ManifestInvariantsTest {
  static List<String> overlays() throws IOException {
    return RenderedOverlay.names();
  }

  /** Every pod template of the overlay (workloads and Jobs), by name. */
  private static Map<String, V1PodSpec> pods(RenderedOverlay o) {
    Map<String, V1PodSpec> pods = new LinkedHashMap<>(o.workloadPods());
    o.all(V1Job.class)
        .forEach(j -> pods.put(j.getMetadata().getName(), j.getSpec().getTemplate().getSpec()));
    return pods;
  }

  private static List<V1Container> allContainers(V1PodSpec pod) {
    List<V1Container> all = new ArrayList<>(pod.getContainers());
    if (pod.getInitContainers() != null) {
      all.addAll(pod.getInitContainers());
    }
    return all;
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyLongRunningContainer_hasReadinessAndLivenessProbes(String overlay) {
    RenderedOverlay o = RenderedOverlay.of(overlay);
    o.workloadPods()
        .forEach((name, pod) ->
            pod.getContainers()
                .forEach(c -> {
                  assertThat(c.getReadinessProbe()).as(name + " readiness").isNotNull();
                  assertThat(c.getLivenessProbe()).as(name + " liveness").isNotNull();
                }));
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyContainer_hasCpuAndMemoryRequestsAndLimits(String overlay) {
    pods(RenderedOverlay.of(overlay))
        .forEach((name, pod) ->
            allContainers(pod)
                .forEach(c -> {
                  var r = c.getResources();
                  assertThat(r).as(name + "/" + c.getName() + " resources").isNotNull();
                  assertThat(r.getRequests()).as(name + " requests").containsKeys("cpu", "memory");
                  assertThat(r.getLimits()).as(name + " limits").containsKeys("cpu", "memory");
                }));
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyContainer_runsLockedDown(String overlay) {
    pods(RenderedOverlay.of(overlay))
        .forEach((name, pod) -> {
          V1PodSecurityContext podContext = pod.getSecurityContext();
          assertThat(podContext).as(name + " pod securityContext").isNotNull();
          assertThat(podContext.getSeccompProfile().getType())
              .as(name + " seccomp")
              .isEqualTo("RuntimeDefault");
          assertThat(pod.getAutomountServiceAccountToken())
              .as(name + " must not mount an API token")
              .isFalse();
          for (V1Container c : allContainers(pod)) {
            String where = name + "/" + c.getName();
            V1SecurityContext sc = c.getSecurityContext();
            assertThat(sc).as(where + " securityContext").isNotNull();
            boolean nonRoot =
                Boolean.TRUE.equals(sc.getRunAsNonRoot())
                    || Boolean.TRUE.equals(podContext.getRunAsNonRoot());
            assertThat(nonRoot).as(where + " runAsNonRoot").isTrue();
            Long uid = sc.getRunAsUser() != null ? sc.getRunAsUser() : podContext.getRunAsUser();
            assertThat(uid).as(where + " runAsUser").isNotNull().isNotZero();
            assertThat(sc.getAllowPrivilegeEscalation())
                .as(where + " privilege escalation")
                .isFalse();
            assertThat(sc.getCapabilities().getDrop())
                .as(where + " capabilities")
                .containsExactly("ALL");
            assertThat(sc.getCapabilities().getAdd())
                .as(where + " added capabilities")
                .isNullOrEmpty();
            assertThat(sc.getReadOnlyRootFilesystem()).as(where + " read-only root").isTrue();
          }
        });
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void keycloak_startsPreBuilt_andWritesOnlyToItsEmptyDirs(String overlay) {
    V1PodSpec pod =
        RenderedOverlay.of(overlay)
            .get(V1Deployment.class, "keycloak")
            .getSpec()
            .getTemplate()
            .getSpec();
    V1Container keycloak = RenderedOverlay.container(pod, "keycloak");
    assertThat(keycloak.getArgs())
        .as("no re-build at start")
        .containsExactly("start", "--optimized");
    assertThat(keycloak.getImage())
        .as("an image built from k8s/keycloak/Containerfile, not the stock one")
        .doesNotStartWith("quay.io/keycloak/");
    Map<String, String> mounts = new LinkedHashMap<>();
    keycloak.getVolumeMounts().forEach(m -> mounts.put(m.getMountPath(), m.getName()));
    assertThat(mounts).containsOnlyKeys("/tmp", "/opt/keycloak/data");
    mounts
        .values()
        .forEach(volume ->
            assertThat(pod.getVolumes())
                .filteredOn(v -> v.getName().equals(volume))
                .singleElement()
                .satisfies(v -> assertThat(v.getEmptyDir()).as(volume + " emptyDir").isNotNull()));
  }

  /**
   * Build-time options are fixed by {@code kc.sh build}; {@code start --optimized} with different
   * ones would not run as the Deployment says.
   */
  @ParameterizedTest
  @MethodSource("overlays")
  void keycloakImage_isBuiltWithTheDeploymentsBuildTimeOptions(String overlay) throws IOException {
    Map<String, String> built = new LinkedHashMap<>();
    for (String line :
        java.nio.file.Files.readAllLines(
            RenderedOverlay.REPO.resolve("k8s/keycloak/Containerfile"))) {
      var env = java.util.regex.Pattern.compile("ENV (KC_[A-Z_]+)=(\\S+)").matcher(line.strip());
      if (env.matches()) {
        built.put(env.group(1), env.group(2));
      }
    }
    assertThat(built).containsKeys("KC_DB", "KC_HEALTH_ENABLED", "KC_METRICS_ENABLED");
    V1Container keycloak =
        RenderedOverlay.container(
            RenderedOverlay.of(overlay)
                .get(V1Deployment.class, "keycloak")
                .getSpec()
                .getTemplate()
                .getSpec(),
            "keycloak");
    for (String option : List.of("KC_DB", "KC_HEALTH_ENABLED", "KC_METRICS_ENABLED")) {
      assertThat(RenderedOverlay.env(keycloak, option)).as(option).hasValue(built.get(option));
    }
  }

  /**
   * The Ingress routes only what the gateway serves — the API, gRPC methods, the configured realm
   * (the issuer's) and its pages' theme files — never {@code /}, other realms or the admin console.
   */
  @ParameterizedTest
  @MethodSource("overlays")
  void ingress_routesOnlyTheApiAndTheConfiguredRealm(String overlay) {
    RenderedOverlay o = RenderedOverlay.of(overlay);
    String issuer =
        o.get(io.kubernetes.client.openapi.models.V1ConfigMap.class, configMapName(o))
            .getData()
            .get("TASKFORCE_SECURITY_ISSUER_URI");
    String realmPath = java.net.URI.create(issuer).getPath();
    assertThat(realmPath).isEqualTo("/realms/taskforce");
    List<String> paths =
        o.all(V1Ingress.class).stream()
            .flatMap(i -> i.getSpec().getRules().stream())
            .flatMap(r -> r.getHttp().getPaths().stream())
            .map(V1HTTPIngressPath::getPath)
            .toList();
    assertThat(paths).containsExactlyInAnyOrder("/api/v1", realmPath, "/resources", "/taskforce.");
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void serviceAccounts_doNotMountApiTokens(String overlay) {
    assertThat(RenderedOverlay.of(overlay).all(V1ServiceAccount.class))
        .isNotEmpty()
        .allSatisfy(sa ->
            assertThat(sa.getAutomountServiceAccountToken())
                .as(sa.getMetadata().getName())
                .isFalse());
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void onlyTheGatewayIsExposed_overTls(String overlay) {
    List<V1Ingress> ingresses = RenderedOverlay.of(overlay).all(V1Ingress.class);
    assertThat(ingresses).isNotEmpty();
    for (V1Ingress ingress : ingresses) {
      assertThat(ingress.getSpec().getDefaultBackend()).isNull();
      assertThat(ingress.getSpec().getTls())
          .as(ingress.getMetadata().getName() + " TLS")
          .isNotEmpty();
      List<V1HTTPIngressPath> paths =
          ingress.getSpec().getRules().stream()
              .flatMap(r -> r.getHttp().getPaths().stream())
              .toList();
      assertThat(paths)
          .allSatisfy(p -> assertThat(p.getBackend().getService().getName()).isEqualTo("gateway"));
      Set<String> tlsHosts =
          Set.copyOf(
              ingress.getSpec().getTls().stream().flatMap(t -> t.getHosts().stream()).toList());
      ingress.getSpec().getRules().forEach(r -> assertThat(tlsHosts).contains(r.getHost()));
    }
    assertThat(ingresses)
        .as("gRPC reaches the gateway over HTTP/2")
        .anySatisfy(i ->
            assertThat(i.getMetadata().getAnnotations())
                .containsEntry("nginx.ingress.kubernetes.io/backend-protocol", "GRPC"));
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyNamespace_startsFromDefaultDeny(String overlay) {
    RenderedOverlay o = RenderedOverlay.of(overlay);
    List<String> namespaces =
        o.all(V1Namespace.class).stream().map(n -> n.getMetadata().getName()).toList();
    assertThat(namespaces).hasSize(1);
    String namespace = namespaces.get(0);
    assertThat(o.objects)
        .filteredOn(obj -> !(obj instanceof V1Namespace))
        .allSatisfy(obj -> assertThat(obj.getMetadata().getNamespace()).isEqualTo(namespace));
    assertThat(o.all(V1NetworkPolicy.class))
        .anySatisfy(p -> {
          assertThat(p.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
          assertThat(p.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
          assertThat(p.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
          assertThat(p.getSpec().getIngress()).isNullOrEmpty();
          assertThat(p.getSpec().getEgress()).isNullOrEmpty();
        });
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void noSecretValueIsWrittenInTheManifests(String overlay) {
    RenderedOverlay o = RenderedOverlay.of(overlay);
    assertThat(o.all(V1Secret.class)).as("Secrets are provided out of band").isEmpty();
    Stream<V1EnvVar> env =
        pods(o).values().stream()
            .flatMap(p -> allContainers(p).stream())
            .flatMap(c -> c.getEnv() == null ? Stream.empty() : c.getEnv().stream());
    assertThat(env.toList())
        .filteredOn(e -> e.getName().matches(".*(PASSWORD|SECRET|TOKEN|CREDENTIAL).*|.*_KEY"))
        .allSatisfy(e ->
            assertThat(e.getValueFrom())
                .as(e.getName() + " must come from a Secret")
                .isNotNull()
                .extracting(v -> v.getSecretKeyRef())
                .isNotNull());
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void keycloakHostname_andTokenIssuer_areTheIngressHost(String overlay) {
    RenderedOverlay o = RenderedOverlay.of(overlay);
    String host = o.get(V1Ingress.class, "gateway").getSpec().getRules().get(0).getHost();
    var keycloak =
        RenderedOverlay.container(
            o.get(V1Deployment.class, "keycloak").getSpec().getTemplate().getSpec(), "keycloak");
    assertThat(RenderedOverlay.env(keycloak, "KC_HOSTNAME")).hasValue("https://" + host);
    var config =
        o.get(io.kubernetes.client.openapi.models.V1ConfigMap.class, configMapName(o)).getData();
    assertThat(config.get("TASKFORCE_SECURITY_ISSUER_URI"))
        .isEqualTo("https://" + host + "/realms/taskforce");
  }

  /** The shared ConfigMap's rendered name (kustomize may add a content hash). */
  static String configMapName(RenderedOverlay o) {
    return o.all(io.kubernetes.client.openapi.models.V1ConfigMap.class).stream()
        .map(KubernetesObject::getMetadata)
        .map(m -> m.getName())
        .filter(n -> n.startsWith("taskforce-config"))
        .findFirst()
        .orElseThrow();
  }
}
