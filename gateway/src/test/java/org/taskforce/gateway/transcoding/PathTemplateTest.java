package org.taskforce.gateway.transcoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PathTemplateTest {

  @Test
  void bindsVariables_includingNestedFieldPaths() {
    PathTemplate t = PathTemplate.parse("/api/v1/cases/{task.case_id}/tasks/{task.task_id}");
    assertThat(t.variables()).containsExactly("task.case_id", "task.task_id");
    assertThat(t.match("/api/v1/cases/c-1/tasks/t%2F2"))
        .hasValue(Map.of("task.case_id", "c-1", "task.task_id", "t/2"));
  }

  @Test
  void customVerb_mustBePresent_andIsNotPartOfTheVariable() {
    PathTemplate t = PathTemplate.parse("/api/v1/cases/{case_id}:changeStatus");
    assertThat(t.match("/api/v1/cases/c-1:changeStatus")).hasValue(Map.of("case_id", "c-1"));
    assertThat(t.match("/api/v1/cases/c-1")).isEmpty();
    assertThat(t.match("/api/v1/cases/c-1:review")).isEmpty();
  }

  @Test
  void plainTemplate_doesNotSwallowAVerb() {
    PathTemplate t = PathTemplate.parse("/api/v1/cases/{case_id}");
    assertThat(t.match("/api/v1/cases/c-1:review")).isEmpty();
    assertThat(t.match("/api/v1/cases/c-1/notes")).isEmpty();
    assertThat(t.match("/api/v1/cases/")).isEmpty();
  }

  @Test
  void starBinding_isOneSegment() {
    PathTemplate t = PathTemplate.parse("/api/v1/targets/{registration_id=*}:renew");
    assertThat(t.match("/api/v1/targets/r-9:renew")).hasValue(Map.of("registration_id", "r-9"));
  }
}
