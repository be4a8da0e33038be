package org.darkflight.pipeline.service;

import java.time.Duration;

/**
 * Limits of the HTTP service.
 *
 * @param maxBodyBytes   largest request body accepted (larger: 413)
 * @param maxConcurrent  simulations run at once (more: 429)
 * @param timeout        longest a simulation may take (longer: 504, the run is cancelled)
 * @param maxSamples     largest ensemble accepted per request (larger: 422)
 * @param maxJsonDepth   deepest JSON nesting accepted (deeper: 400)
 * @param idleTimeout    a connection on which nothing is received or sent for this long is
 *                       closed (a partial request that stalls, an idle keep-alive connection)
 * @param maxConnections open connections at most; beyond, new ones wait in the accept backlog
 *                       until one closes
 * @param minBodyBytesPerS a request body arriving slower than this on average is abandoned
 *                       (the connection is closed)
 */
public record ServiceLimits(int maxBodyBytes, int maxConcurrent, Duration timeout,
    long maxSamples, int maxJsonDepth, Duration idleTimeout, int maxConnections,
    long minBodyBytesPerS) {

  /** Default idle timeout: 30 s. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
  /** Default connection limit: 256. */
  public static final int DEFAULT_MAX_CONNECTIONS = 256;
  /** Default slowest accepted request body: 1024 bytes/s. */
  public static final long DEFAULT_MIN_BODY_BYTES_PER_S = 1024;

  /**
   * 1 MiB bodies, 2 concurrent runs, 120 s, 10 000 samples, depth 64, idle 30 s, 256
   * connections, bodies at 1 KiB/s or faster.
   */
  public static final ServiceLimits DEFAULTS = new ServiceLimits(1 << 20, 2,
      Duration.ofSeconds(120), 10_000, 64);

  public ServiceLimits {
    if (maxBodyBytes < 1 || maxConcurrent < 1 || maxSamples < 1 || maxJsonDepth < 4) {
      throw new IllegalArgumentException("service limits must be positive (depth at least 4)");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the timeout must be positive");
    }
    if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("the idle timeout must be positive");
    }
    if (maxConnections < 1 || minBodyBytesPerS < 0) {
      throw new IllegalArgumentException("the connection limit must be positive and the"
          + " minimum body rate not negative");
    }
  }

  /** Limits with the default idle timeout, connection limit and body rate. */
  public ServiceLimits(int maxBodyBytes, int maxConcurrent, Duration timeout, long maxSamples,
      int maxJsonDepth) {
    this(maxBodyBytes, maxConcurrent, timeout, maxSamples, maxJsonDepth, DEFAULT_IDLE_TIMEOUT,
        DEFAULT_MAX_CONNECTIONS, DEFAULT_MIN_BODY_BYTES_PER_S);
  }
}
