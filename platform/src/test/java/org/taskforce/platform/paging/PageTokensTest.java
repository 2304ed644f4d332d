package org.taskforce.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.taskforce.platform.error.ErrorKind;
import org.taskforce.platform.error.TaskforceException;

class PageTokensTest {
  private final PageTokens tokens = new PageTokens("a-test-secret-of-enough-length");
  private final PageQuery query = PageQuery.of("things").with("reader", "apd");
  private final List<Integer> items = IntStream.range(0, 23).boxed().toList();

  private Page<Integer> page(PageQuery q, String token, int size) {
    return tokens.page(
        q,
        token,
        size,
        (after, limit) ->
            items.stream()
                .filter(i -> after.isEmpty() || i > Integer.parseInt(after.get(0)))
                .limit(limit)
                .toList(),
        i -> List.of(String.valueOf(i)));
  }

  @Test
  void walkingEveryPage_givesEveryItemOnce_andEveryPageIsFullOrTheLast() {
    for (int size : List.of(1, 7, 23, 100)) {
      List<Integer> seen = new ArrayList<>();
      String token = "";
      do {
        Page<Integer> p = page(query, token, size);
        if (!p.nextPageToken().isEmpty()) {
          assertThat(p.items()).hasSize(size);
        }
        seen.addAll(p.items());
        token = p.nextPageToken();
      } while (!token.isEmpty());
      assertThat(seen).as("size " + size).isEqualTo(items);
    }
  }

  @Test
  void aTokenOfAnotherQuery_isRefusedOnPageToken() {
    String token = page(query, "", 5).nextPageToken();

    for (PageQuery other :
        List.of(
            PageQuery.of("things").with("reader", "hsi-abq"),
            PageQuery.of("other-things").with("reader", "apd"),
            query.with("statuses", List.of("NEW")))) {
      TaskforceException e =
          catchThrowableOfType(TaskforceException.class, () -> tokens.read(other, token));
      assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
      assertThat(e.violations())
          .singleElement()
          .satisfies(v -> assertThat(v.field()).isEqualTo("page_token"));
    }
    assertThat(tokens.read(query, token)).contains(List.of("4"));
  }

  @Test
  void aTokenMadeWithAnotherKey_orChangedInAnyByte_orMalformed_isInvalidArgument() {
    String token = page(query, "", 5).nextPageToken();
    List<String> bad = new ArrayList<>();
    bad.add(new PageTokens("another-secret-of-enough-length").issue(query, List.of("4")));
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      bad.add(token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1));
    }
    bad.addAll(
        List.of("x", "p1", "p1.", "..", "bzo1", "not base64 !", "p1.%%%.AAAA", "9".repeat(5000)));
    for (String b : bad) {
      TaskforceException e =
          catchThrowableOfType(TaskforceException.class, () -> tokens.read(query, b));
      assertThat(e).as(b).isNotNull();
      assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
    }
  }

  @Test
  void aValidlySignedTokenWithAPositionTheQueryCannotRead_isInvalidArgument_notInternal() {
    // What anyone holding the secret (a default one left in place) could forge.
    for (List<String> forged : List.of(List.of("x"), List.of(""))) {
      String token = tokens.issue(query, forged);
      TaskforceException refused =
          catchThrowableOfType(TaskforceException.class, () -> page(query, token, 5));
      assertThat(refused).as(forged.toString()).isNotNull();
      assertThat(refused.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
    }
  }

  @Test
  void setsAreTheSameQueryWhateverTheirOrder() {
    String token = tokens.issue(query.with("statuses", List.of("NEW", "RESOLVED")), List.of("x"));
    assertThat(tokens.read(query.with("statuses", List.of("RESOLVED", "NEW")), token))
        .contains(List.of("x"));
  }

  @Test
  void pageSize_zeroIsTheDefault_largeIsCut_negativeIsRefused() {
    assertThat(PageTokens.size(0)).isEqualTo(PageTokens.DEFAULT_SIZE);
    assertThat(PageTokens.size(10_000)).isEqualTo(PageTokens.MAX_SIZE);
    TaskforceException e =
        catchThrowableOfType(TaskforceException.class, () -> PageTokens.size(-1));
    assertThat(e.violations().get(0).field()).isEqualTo("page_size");
  }
}
