package org.taskforce.gateway.transcoding;

/** The REST request cannot become the gRPC request: answered as 400 with a field violation. */
public final class BadRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;

  public BadRequestException(String field, String description) {
    super(description);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
