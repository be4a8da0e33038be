package org.darkflight.io;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The points between the writes of a run's outputs where a kill must leave nothing that looks
 * complete (issue 19 §4). Writers call {@link #reached} at each; the crash tests start the CLI
 * in a child JVM with the system property {@value #HALT_AT} = N, and the N-th boundary halts
 * that JVM at once ({@link Runtime#halt}, as {@code kill -9} would: no shutdown hooks, no
 * finally blocks). Without the property a boundary does nothing.
 */
public final class WriteBoundaries {

  /** System property: the 1-based number of the boundary at which to halt (tests only). */
  public static final String HALT_AT = "darkflight.test.halt-at-write";

  /** Exit status of a JVM halted at a boundary. */
  public static final int HALTED = 86;

  private static final int HALT = Integer.getInteger(HALT_AT, 0);
  private static final AtomicInteger COUNT = new AtomicInteger();

  private WriteBoundaries() {}

  /**
   * A write boundary: halts the JVM if this is the boundary the test asked for.
   *
   * @param what what is about to happen, e.g. {@code rename x to y} (printed when halting)
   */
  public static void reached(String what) {
    if (HALT <= 0) {
      return;
    }
    if (COUNT.incrementAndGet() == HALT) {
      System.err.println("halted at write boundary " + HALT + ": before " + what);
      System.err.flush();
      Runtime.getRuntime().halt(HALTED);
    }
  }
}
