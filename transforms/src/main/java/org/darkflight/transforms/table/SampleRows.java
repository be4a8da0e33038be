package org.darkflight.transforms.table;

import java.io.Closeable;
import java.io.IOException;
import java.io.Serializable;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.beam.sdk.coders.Coder;
import org.darkflight.analysis.ensemble.MassClassBins;
import org.darkflight.analysis.sampling.EnsembleSample;
import org.darkflight.analysis.sampling.SampleFactory;
import org.darkflight.analysis.sampling.Substreams;
import org.darkflight.io.table.SampleRow;
import org.darkflight.transforms.integrate.SampleFailure;
import org.darkflight.transforms.integrate.SampleLanding;
import org.darkflight.transforms.sink.ShardReader;

/**
 * The rows of the per-sample table ({@link SampleRow}) of an index range: each sample's draws,
 * regenerated from (seed, index) by the run's {@link SampleFactory} (the pure function the
 * pipeline sampled with), joined to its landing or failure read from the shard files. Serializable
 * so that a worker can build the rows of its table shard.
 */
public final class SampleRows implements Serializable {

  private static final long serialVersionUID = 1L;

  private final SampleFactory factory;
  private final MassClassBins bins;

  /**
   * @param factory the run's sample factory
   * @param bins    the run's mass classes
   */
  public SampleRows(SampleFactory factory, MassClassBins bins) {
    this.factory = factory;
    this.bins = bins;
  }

  /** Samples of the run. */
  public long samples() {
    return factory.config().samples();
  }

  /** The row of sample {@code s}, which landed as {@code l}. */
  public SampleRow landed(EnsembleSample s, SampleLanding l) {
    return new SampleRow(s.getIndex(), s.getFragmentId(), seed(s.getIndex()), draws(s),
        new SampleRow.Landing(bins.label(l.getMassClassIndex()), l.getMassClassIndex(),
            l.getLatitudeDeg(), l.getLongitudeDeg(), l.getHeightM(), l.getMassFinalKg(),
            l.getImpactSpeedMps(), l.getImpactEnergyJ(), l.getTerminalVelocityMps(),
            l.getFallTimeS(), l.getCd(), l.ballisticCoefficientKgM2(), l.getEastM(),
            l.getNorthM(), l.getDriftDistanceM(), l.getDriftBearingDeg()), null);
  }

  /** The row of sample {@code s}, which failed as {@code f}. */
  public SampleRow failed(EnsembleSample s, SampleFailure f) {
    return new SampleRow(s.getIndex(), s.getFragmentId(), seed(s.getIndex()), draws(s), null,
        new SampleRow.Failure(f.getReason(), f.getMessage(), f.getTimeS()));
  }

  private long seed(long index) {
    return Substreams.substreamSeed(factory.config().randomSeed(), index);
  }

  private static SampleRow.Draws draws(EnsembleSample s) {
    return new SampleRow.Draws(s.getMassKg(), s.getDensityKgM3(), s.getCd(), s.getShapeFactor(),
        s.getLatitudeDeg(), s.getLongitudeDeg(), s.getAltitudeM(), s.getSpeedMps(),
        s.getAzimuthDeg(), s.getElevationDeg(), s.getWindScale());
  }

  /**
   * The rows of samples {@code first..last} in index order, from readers of the landed and the
   * failed shards (which may hold other indices too; those are skipped). Closing it closes both
   * readers.
   *
   * @throws IllegalStateException (while iterating) when a sample in the range is in neither
   */
  public CloseableIterator join(long first, long last, ShardReader<SampleLanding> landed,
      ShardReader<SampleFailure> failed) {
    return new CloseableIterator() {
      private long i = first;
      private SampleLanding nextLanded = nextLanded();
      private SampleFailure nextFailed = nextFailed();

      private SampleLanding nextLanded() {
        while (landed.hasNext()) {
          SampleLanding l = landed.next();
          if (l.getIndex() >= first) {
            return l;
          }
        }
        return null;
      }

      private SampleFailure nextFailed() {
        while (failed.hasNext()) {
          SampleFailure f = failed.next();
          if (f.getIndex() >= first) {
            return f;
          }
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return i <= last;
      }

      @Override
      public SampleRow next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        EnsembleSample s = factory.sample(i);
        SampleRow row;
        if (nextLanded != null && nextLanded.getIndex() == i) {
          row = landed(s, nextLanded);
          nextLanded = nextLanded();
        } else if (nextFailed != null && nextFailed.getIndex() == i) {
          row = failed(s, nextFailed);
          nextFailed = nextFailed();
        } else {
          throw new IllegalStateException("sample " + i
              + " is in neither the landed nor the failed shards; the shard files are incomplete");
        }
        i++;
        return row;
      }

      @Override
      public void close() throws IOException {
        try {
          landed.close();
        } finally {
          failed.close();
        }
      }
    };
  }

  /** An iterator of rows over open shard files. */
  public interface CloseableIterator extends Iterator<SampleRow>, Closeable {}

  /** The coders the shard files were written with. */
  public record ShardCoders(Coder<SampleLanding> landed, Coder<SampleFailure> failed)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }
}
