package org.taskforce.platform.archfixture.domain;

import org.taskforce.platform.archfixture.application.StoresDocuments;

/** Domain code that calls a use case: what {@code TaskforceArchitecture} refuses. */
public final class ReachesUseCase {
  public Object store(StoresDocuments useCase) {
    return useCase.toDocument("x");
  }
}
