package org.darkflight.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Median <em>thread CPU time</em> per landing of the {@link IntegratorBenchmark} scenarios: a
 * complement to JMH's wall-clock figures on a shared, oversubscribed machine, where preemption
 * inflates wall-clock percentiles but not the CPU time a call consumes. Run with
 * {@code bench/run-jmh.sh} replaced by {@code java -cp … org.darkflight.bench.CpuTimeCheck}
 * (see docs/performance.md).
 */
public final class CpuTimeCheck {

  private CpuTimeCheck() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 400;
    IntegratorBenchmark b = new IntegratorBenchmark();
    b.setUp();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    String[] names = {"rk4", "rkf45", "rkf45DefaultSteps", "semiImplicit"};
    for (String name : names) {
      Runnable op = switch (name) {
        case "rk4" -> b::rk4;
        case "rkf45" -> b::rkf45;
        case "rkf45DefaultSteps" -> b::rkf45DefaultSteps;
        default -> b::semiImplicit;
      };
      for (int i = 0; i < runs; i++) {
        op.run(); // warm-up
      }
      long[] cpu = new long[runs];
      for (int i = 0; i < runs; i++) {
        long t0 = mx.getCurrentThreadCpuTime();
        op.run();
        cpu[i] = mx.getCurrentThreadCpuTime() - t0;
      }
      Arrays.sort(cpu);
      System.out.printf("%-18s median CPU %.3f ms/op, p10 %.3f, p90 %.3f (%d runs)%n", name,
          cpu[runs / 2] / 1e6, cpu[runs / 10] / 1e6, cpu[runs * 9 / 10] / 1e6, runs);
    }
    System.out.println("landing: " + b.rkf45());
  }
}
