package org.taskforce.deconfliction.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.taskforce.api.common.v1.DisclosureLevel;

/** Two agencies register the same target at the same moment, many times over. */
class ConcurrentRegistrationTest extends DeconflictionTestBase {

  @Test
  void sameTargetRegisteredByTwoAgenciesAtOnce_yieldsOneConflictPerPair_andBothSidesNotifiedOnce()
      throws Exception {
    int pairs = 40;
    String apd = apd();
    String hsi = hsi();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < pairs; i++) {
        String number = String.format("505-555-%04d", 1000 + i);
        CountDownLatch start = new CountDownLatch(1);
        futures.add(
            pool.submit(() -> {
              start.await();
              return register(apd, DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone(number));
            }));
        futures.add(
            pool.submit(() -> {
              start.await();
              return register(hsi, DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone(number));
            }));
        start.countDown();
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }

    assertThat(database.getCollection("conflicts").countDocuments()).isEqualTo(pairs);
    drainOutbox();
    assertThat(NOTIFICATIONS.publishedTo(APD)).hasSize(pairs);
    assertThat(NOTIFICATIONS.publishedTo(HSI)).hasSize(pairs);
    for (Document c : database.getCollection("conflicts").find()) {
      String id = c.getString("_id");
      assertThat(NOTIFICATIONS.published())
          .filteredOn(n -> id.equals(n.getAttributesMap().get("conflict_id")))
          .hasSize(2);
    }
  }
}
