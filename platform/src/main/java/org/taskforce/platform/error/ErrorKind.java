package org.taskforce.platform.error;

/**
 * The canonical kinds of failure a Taskforce operation reports. They mirror the gRPC status codes
 * (and through the gateway the HTTP codes) without tying the domain to gRPC.
 */
public enum ErrorKind {
  /** Bad input; carries field violations. HTTP 400. */
  INVALID_ARGUMENT,
  /** No such resource, or the caller may not know it exists. HTTP 404. */
  NOT_FOUND,
  /** The resource exists already (for example a second registration with the same id). 409. */
  ALREADY_EXISTS,
  /** The resource is in a state that does not allow the operation (invalid transition). 400. */
  FAILED_PRECONDITION,
  /** Concurrency conflict, for example a stale etag: read again and retry. HTTP 409. */
  ABORTED,
  /** The caller is known but may not do this. HTTP 403. */
  PERMISSION_DENIED,
  /** No valid credentials. HTTP 401. */
  UNAUTHENTICATED,
  /** A limit was reached; retry later. HTTP 429. */
  RESOURCE_EXHAUSTED,
  /** A dependency is down; retrying later may succeed. HTTP 503. */
  UNAVAILABLE,
  /** A bug or an unexpected failure. HTTP 500. */
  INTERNAL
}
