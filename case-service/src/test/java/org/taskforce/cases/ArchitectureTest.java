package org.taskforce.cases;

import org.junit.jupiter.api.Test;
import org.taskforce.platform.testing.TaskforceArchitecture;

class ArchitectureTest {
  @Test
  void layersStayApart() {
    TaskforceArchitecture.check("org.taskforce.cases");
  }
}
