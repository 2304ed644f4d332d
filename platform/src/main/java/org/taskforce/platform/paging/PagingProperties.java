package org.taskforce.platform.paging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Page tokens ({@code taskforce.paging.*}).
 *
 * @param tokenSecret the key of the tokens' MAC; every replica of a service must have the same. The
 *     built-in default (also when blank) keeps tokens bound to their query and is refused on a real
 *     MongoDB; set a secret of your own so that nobody who read this source can make one (even a
 *     made-up token only ever selects what its caller may see: the position it names is a sort key,
 *     and the query filters by access)
 */
@ConfigurationProperties("taskforce.paging")
public record PagingProperties(@DefaultValue(PagingProperties.BUILT_IN_SECRET) String tokenSecret) {
  static final String BUILT_IN_SECRET = "taskforce-page-tokens-default-key-set-your-own";

  public PagingProperties {
    if (tokenSecret == null || tokenSecret.isBlank()) {
      tokenSecret = BUILT_IN_SECRET;
    }
  }

  /** Whether the secret is still the one written in this source. */
  public boolean usesBuiltInSecret() {
    return BUILT_IN_SECRET.equals(tokenSecret);
  }
}
