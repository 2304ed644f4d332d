package org.taskforce.gateway.web;

import java.time.Duration;

/** Takes a request token for a caller: {@link Duration#ZERO} when allowed, else the wait. */
@FunctionalInterface
public interface RateLimiter {
  Duration tryTake(String callerKey);
}
