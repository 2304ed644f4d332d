package org.taskforce.gateway.transcoding;

/**
 * The REST request cannot become the gRPC request: answered as 400 with a field violation. The
 * description and the field are cut to what a person reads — a parser's message quoting a huge bad
 * value (or a huge query parameter name) keeps its first {@value #QUOTED} characters or so.
 */
public final class BadRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** About how much of a bad value a violation quotes (as the services' violations do). */
  public static final int QUOTED = 100;

  private static final int MAX_DESCRIPTION = 140;
  private static final int MAX_FIELD = 120;

  private final String field;

  public BadRequestException(String field, String description) {
    super(cut(description, MAX_DESCRIPTION));
    this.field = cut(field, MAX_FIELD);
  }

  public static String cut(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    String end = "… (" + text.length() + " characters)";
    return text.substring(0, max - end.length()) + end;
  }

  public String field() {
    return field;
  }
}
