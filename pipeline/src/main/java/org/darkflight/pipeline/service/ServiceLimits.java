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
 */
public record ServiceLimits(int maxBodyBytes, int maxConcurrent, Duration timeout,
    long maxSamples, int maxJsonDepth) {

  /** 1 MiB bodies, 2 concurrent runs, 120 s, 10 000 samples, depth 64. */
  public static final ServiceLimits DEFAULTS =
      new ServiceLimits(1 << 20, 2, Duration.ofSeconds(120), 10_000, 64);

  public ServiceLimits {
    if (maxBodyBytes < 1 || maxConcurrent < 1 || maxSamples < 1 || maxJsonDepth < 4) {
      throw new IllegalArgumentException("service limits must be positive (depth at least 4)");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the timeout must be positive");
    }
  }
}
