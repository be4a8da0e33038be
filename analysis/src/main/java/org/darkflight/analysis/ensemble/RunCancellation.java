package org.darkflight.analysis.ensemble;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.darkflight.physics.trajectory.Cancellation;

/**
 * The cancellation signal of one run, reachable by key from every thread of this JVM. A Beam
 * runner copies its DoFns (and with them the {@link PhysicsLandingSimulator}) by serialization,
 * so the workers cannot share an object with the caller; they carry the {@link #key()} instead
 * and look the signal up ({@link #forKey}). The owner {@link #open()}s a run, may
 * {@link #cancel()} it, and {@link #close()}s it when the run is over. On a runner outside this
 * JVM (Flink cluster) the key is unknown and the run is never cancelled this way.
 */
public final class RunCancellation implements Cancellation, AutoCloseable {

  private static final Map<String, RunCancellation> OPEN = new ConcurrentHashMap<>();

  private final String key;
  private volatile boolean cancelled;

  private RunCancellation(String key) {
    this.key = key;
  }

  /** A new, not yet cancelled signal, registered under a fresh key. */
  public static RunCancellation open() {
    RunCancellation c = new RunCancellation(UUID.randomUUID().toString());
    OPEN.put(c.key, c);
    return c;
  }

  /**
   * The signal registered under {@code key}; {@link Cancellation#NEVER} when the key is null or
   * not open in this JVM.
   */
  public static Cancellation forKey(String key) {
    RunCancellation c = key == null ? null : OPEN.get(key);
    return c == null ? Cancellation.NEVER : c;
  }

  /** The key the workers look the signal up by. */
  public String key() {
    return key;
  }

  /** Asks every integration of the run to stop at its next step. */
  public void cancel() {
    cancelled = true;
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }

  /** Unregisters the key (the run is over). */
  @Override
  public void close() {
    OPEN.remove(key);
  }
}
