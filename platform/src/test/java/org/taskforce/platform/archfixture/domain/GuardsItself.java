package org.taskforce.platform.archfixture.domain;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/** Domain code with a circuit breaker: what {@code TaskforceArchitecture} refuses. */
public final class GuardsItself {
  public String run(CircuitBreaker breaker) {
    return breaker.executeSupplier(() -> "done");
  }
}
