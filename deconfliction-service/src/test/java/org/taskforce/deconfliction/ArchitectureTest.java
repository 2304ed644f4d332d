package org.taskforce.deconfliction;

import org.junit.jupiter.api.Test;
import org.taskforce.platform.testing.TaskforceArchitecture;

class ArchitectureTest {
  @Test
  void layersStayApart() {
    TaskforceArchitecture.check("org.taskforce.deconfliction");
  }
}
