package org.taskforce.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taskforce.platform.mongo.EmbeddedMongo;
import org.taskforce.platform.mongo.MongoProperties;
import org.taskforce.platform.paging.PageQuery;
import org.taskforce.platform.paging.PageTokens;
import org.taskforce.platform.paging.PagingProperties;

/** A real deployment cannot run with the page-token key everyone can read in this source. */
class PageTokenSecretTest {
  private static final String BUILT_IN = "taskforce-page-tokens-default-key-set-your-own";
  private final TaskforcePlatformAutoConfiguration configuration =
      new TaskforcePlatformAutoConfiguration();

  private static MongoProperties mongo(String uri) {
    return new MongoProperties(
        uri,
        null,
        Path.of("data"),
        MongoProperties.EmbeddedBackend.MEMORY,
        EmbeddedMongo.Durability.COMMIT);
  }

  @Test
  void realMongoWithTheBuiltInSecret_refusesToStart_namingTheProperty() {
    assertThatThrownBy(() ->
            configuration.pageTokens(
                new PagingProperties(BUILT_IN), mongo("mongodb://db.example:27017/cases")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("taskforce.paging.token-secret");
    // The services' application.yaml declares the key empty: that is the built-in key too.
    assertThatThrownBy(() ->
            configuration.pageTokens(
                new PagingProperties(" "), mongo("mongodb://db.example:27017/cases")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void realMongoWithOwnSecret_andEmbeddedWithTheBuiltInOne_start() {
    PageTokens own =
        configuration.pageTokens(
            new PagingProperties("a-secret-of-this-deployment-only"),
            mongo("mongodb://db.example:27017/cases"));
    PageTokens builtIn = configuration.pageTokens(new PagingProperties(BUILT_IN), mongo(null));
    PageQuery query = PageQuery.of("cases");
    String token = own.issue(query, List.of("42"));
    assertThat(own.read(query, token)).contains(List.of("42"));
    // Tokens of one key are refused by another: the secret is what makes them unforgeable.
    assertThatThrownBy(() -> builtIn.read(query, token))
        .hasMessageContaining("is not a page token of this list");
  }
}
