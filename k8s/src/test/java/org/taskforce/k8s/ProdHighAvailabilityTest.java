package org.taskforce.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1HorizontalPodAutoscaler;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** prod: no single node, pod or member whose loss takes a tier down. */
class ProdHighAvailabilityTest {
  private static final List<String> STATELESS =
      List.of("gateway", "case-service", "deconfliction-service", "notification-service");
  private final RenderedOverlay prod = RenderedOverlay.of("prod");

  private static Map<String, String> selectorOf(V1PodDisruptionBudget pdb) {
    return pdb.getSpec().getSelector().getMatchLabels();
  }

  @Test
  void everyServiceRunsAtLeastTwoReplicas_onDifferentNodes() {
    for (String name : STATELESS) {
      V1Deployment d = prod.get(V1Deployment.class, name);
      assertThat(d.getSpec().getReplicas()).as(name + " replicas").isGreaterThanOrEqualTo(2);
      var antiAffinity = d.getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity();
      assertThat(antiAffinity.getRequiredDuringSchedulingIgnoredDuringExecution())
          .as(name + " anti-affinity")
          .anySatisfy(term -> {
            assertThat(term.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
            assertThat(term.getLabelSelector().getMatchLabels())
                .isEqualTo(d.getSpec().getSelector().getMatchLabels());
          });
    }
  }

  @Test
  void everyServiceHasAPodDisruptionBudget_matchingItsPods() {
    List<V1PodDisruptionBudget> budgets = prod.all(V1PodDisruptionBudget.class);
    for (String name :
        List.of(
            "gateway",
            "case-service",
            "deconfliction-service",
            "notification-service",
            "keycloak")) {
      V1Deployment d = prod.get(V1Deployment.class, name);
      assertThat(budgets)
          .as(name + " PDB")
          .anySatisfy(pdb -> {
            assertThat(selectorOf(pdb)).isEqualTo(d.getSpec().getSelector().getMatchLabels());
            int replicas = d.getSpec().getReplicas();
            int minAvailable = pdb.getSpec().getMinAvailable().getIntValue();
            assertThat(minAvailable).isBetween(1, replicas - 1);
          });
    }
  }

  @Test
  void everyServiceAutoscalesOnCpu_neverBelowTwo() {
    List<V2HorizontalPodAutoscaler> hpas = prod.all(V2HorizontalPodAutoscaler.class);
    assertThat(prod.all(V1HorizontalPodAutoscaler.class)).isEmpty();
    for (String name : STATELESS) {
      assertThat(hpas)
          .as(name + " HPA")
          .anySatisfy(hpa -> {
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(name);
            assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
            assertThat(hpa.getSpec().getMaxReplicas())
                .isGreaterThan(hpa.getSpec().getMinReplicas());
            assertThat(hpa.getSpec().getMetrics())
                .anySatisfy(m -> assertThat(m.getResource().getName()).isEqualTo("cpu"));
          });
    }
  }

  @Test
  void mongodbIsAThreeMemberReplicaSet_withVolumes_onDifferentNodes() {
    V1StatefulSet mongodb = prod.get(V1StatefulSet.class, "mongodb");
    assertThat(mongodb.getSpec().getReplicas()).isEqualTo(3);
    assertThat(mongodb.getSpec().getVolumeClaimTemplates()).isNotEmpty();
    var container = RenderedOverlay.container(mongodb.getSpec().getTemplate().getSpec(), "mongodb");
    assertThat(container.getArgs()).contains("--replSet=rs0", "--keyFile=/keyfile/keyfile");
    assertThat(
            mongodb
                .getSpec()
                .getTemplate()
                .getSpec()
                .getAffinity()
                .getPodAntiAffinity()
                .getRequiredDuringSchedulingIgnoredDuringExecution())
        .isNotEmpty();
    var init =
        prod.get(V1Job.class, "mongodb-init")
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);
    assertThat(RenderedOverlay.env(init, "MEMBERS"))
        .as("the init Job initiates every member")
        .hasValue(String.valueOf(mongodb.getSpec().getReplicas()));
    assertThat(prod.all(V1PodDisruptionBudget.class))
        .anySatisfy(pdb -> {
          assertThat(selectorOf(pdb)).containsEntry("app.kubernetes.io/name", "mongodb");
          assertThat(pdb.getSpec().getMaxUnavailable().getIntValue()).isEqualTo(1);
        });
  }

  @Test
  void keycloakIsClustered_withItsOwnDatabase() {
    V1Deployment keycloak = prod.get(V1Deployment.class, "keycloak");
    assertThat(keycloak.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
    var container =
        RenderedOverlay.container(keycloak.getSpec().getTemplate().getSpec(), "keycloak");
    assertThat(RenderedOverlay.env(container, "KC_CACHE_STACK")).hasValue("kubernetes");
    assertThat(RenderedOverlay.env(container, "KC_DB_URL"))
        .get()
        .asString()
        .contains("keycloak-postgres");
    assertThat(prod.find(V1StatefulSet.class, "keycloak-postgres")).isPresent();
  }

  @Test
  void devRunsOneOfEach() {
    RenderedOverlay dev = RenderedOverlay.of("dev");
    assertThat(dev.all(V1Deployment.class))
        .allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isEqualTo(1));
    assertThat(dev.get(V1StatefulSet.class, "mongodb").getSpec().getReplicas()).isEqualTo(1);
    assertThat(dev.all(V2HorizontalPodAutoscaler.class)).isEmpty();
  }
}
