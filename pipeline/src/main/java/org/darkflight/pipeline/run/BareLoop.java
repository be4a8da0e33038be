package org.darkflight.pipeline.run;

import org.darkflight.analysis.ensemble.RunInputs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.atmosphere.AtmosphereModel;
import org.darkflight.physics.atmosphere.ProfileAtmosphere;
import org.darkflight.physics.trajectory.Landing;
import org.darkflight.analysis.ensemble.PhysicsLandingSimulator;
import org.darkflight.analysis.sampling.SampleFlight;
import org.darkflight.analysis.sampling.EnsembleSample;
import org.darkflight.analysis.sampling.NominalInputs;
import org.darkflight.analysis.sampling.SampleFactory;

/**
 * The same samples as {@code darkflight run}, generated and integrated in a plain Java loop on
 * a fixed thread pool, without Beam and without writing anything: the reference for the
 * benchmark's "Beam overhead" (bench/ensemble-bench.sh). Prints one JSON object.
 *
 * <p>bench/ensemble-bench.sh runs it with the ensemble physics configuration
 * (testdata/events/park-forest-2003/physics_config_ensemble.json), like the Beam run.
 *
 * <p>Usage: {@code java -cp darkflight-cli.jar org.darkflight.pipeline.run.BareLoop EVENT ATMOS
 * CONFIG FRAGMENTS ENSEMBLE [THREADS]}
 */
public final class BareLoop {

  private BareLoop() {}

  /**
   * Sample {@code s} integrated as the pipeline's Integrate step does (same fragment, start and
   * perturbed atmosphere), without its checks of the result.
   *
   * @param timeUtc  time of the luminous end
   * @param base     the unperturbed atmosphere
   * @param levelAltitudesM  profile level heights (for per-level wind perturbation)
   * @throws RuntimeException when the draw is unphysical or the physics fails
   */
  public static Landing land(EnsembleSample s, java.time.Instant timeUtc, AtmosphereModel base,
      double[] levelAltitudesM, PhysicsLandingSimulator sim) {
    return sim.land(SampleFlight.atmosphere(s, base, levelAltitudesM),
        SampleFlight.start(s, timeUtc), SampleFlight.fragment(s));
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 5) {
      System.err.println("usage: BareLoop EVENT ATMOS CONFIG FRAGMENTS ENSEMBLE [THREADS]");
      System.exit(2);
    }
    RunInputs in = RunInputs.read(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]),
        Path.of(args[3]), Path.of(args[4]));
    int threads = args.length > 5 ? Integer.parseInt(args[5])
        : Runtime.getRuntime().availableProcessors();
    LuminousEnd nominal = in.event().luminousEnd();
    SampleFactory factory = new SampleFactory(in.ensemble(),
        new NominalInputs(in.fragments(), nominal, in.levels()));
    PhysicsLandingSimulator sim = new PhysicsLandingSimulator(in.physics());
    AtmosphereModel base = new ProfileAtmosphere(in.levels());
    double[] alts = in.levels().stream().mapToDouble(l -> l.altitudeM()).toArray();
    long n = in.ensemble().samples();
    AtomicLong next = new AtomicLong();
    AtomicLong landed = new AtomicLong();
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> jobs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      jobs.add(pool.submit(() -> {
        double sink = 0;
        for (long i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
          try {
            Landing l = land(factory.sample(i), nominal.timeUtc(), base, alts, sim);
            sink += l.latitudeDeg();
            landed.incrementAndGet();
          } catch (RuntimeException e) {
            sink -= 1;
          }
        }
        return sink;
      }));
    }
    for (Future<?> j : jobs) {
      j.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT,
        "{\"samples\": %d, \"landed\": %d, \"threads\": %d, \"seconds\": %.3f,"
            + " \"samples_per_s\": %.1f}%n", n, landed.get(), threads, seconds, n / seconds);
  }
}
