package org.darkflight.transforms;

import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.util.SerializableUtils;
import org.darkflight.transforms.sink.ElementCoder;
import org.apache.beam.sdk.testing.CoderProperties;
import org.darkflight.physics.atmosphere.AtmosLevel;
import org.darkflight.transforms.fit.EllipseFit;
import org.darkflight.transforms.fit.ExactMoments;
import org.darkflight.transforms.integrate.AtmosLevelRow;
import org.darkflight.transforms.integrate.SampleFailure;
import org.darkflight.transforms.integrate.SampleLanding;
import org.darkflight.analysis.sampling.EnsembleSample;
import org.darkflight.transforms.sampling.IndexRange;
import org.darkflight.analysis.testing.Fixtures;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.lessThan;

/**
 * Every pipeline element type survives its default coder unchanged, and that coder is one of the
 * small hand-written {@link ElementCoder}s (the Direct runner Java-serializes a ParDo's coders for
 * every bundle; a schema coder made that 18 % of an ensemble's CPU time).
 */
class CoderRoundTripTest {

  private final CoderRegistry registry = CoderRegistry.createDefault();

  private <T> void roundTrip(Class<T> type, T value) throws Exception {
    Coder<T> coder = registry.getCoder(type);
    assertThat(coder, instanceOf(ElementCoder.class));
    assertThat(SerializableUtils.serializeToByteArray(coder).length, lessThan(1024));
    CoderProperties.coderDecodeEncodeEqual(coder, value);
    CoderProperties.coderDeterministic(coder, value, value);
    CoderProperties.coderSerializable(coder);
    CoderProperties.coderConsistentWithEquals(coder, value, value);
  }

  @Test
  void indexRange() throws Exception {
    roundTrip(IndexRange.class, IndexRange.of(1000, 2000));
    // Two big-endian longs, 1000 = 0x3e8 and 2000 = 0x7d0 (URL-safe base64, no padding).
    CoderProperties.coderEncodesBase64(IndexRange.IndexRangeCoder.of(), IndexRange.of(1000, 2000),
        "AAAAAAAAA-gAAAAAAAAH0A");
  }

  @Test
  void ensembleSample() throws Exception {
    EnsembleSample s = Fixtures.factory(Fixtures.config(10, 5)).sample(7);
    roundTrip(EnsembleSample.class, s);
    roundTrip(EnsembleSample.class, s.toBuilder().setWindPerturbationMps(List.of()).build());
  }

  @Test
  void sampleLanding() throws Exception {
    roundTrip(SampleLanding.class, SampleLanding.builder().setIndex(3).setFragmentId("f")
        .setMassClassIndex(4).setLatitudeDeg(41.5).setLongitudeDeg(-87.7).setEastM(12.5)
        .setNorthM(-3.25).setHeightM(0).setFallTimeS(210).setImpactSpeedMps(40)
        .setTerminalVelocityMps(39).setMassInitialKg(0.1).setMassFinalKg(0.09)
        .setImpactEnergyJ(72).setDensityKgM3(3500).setCd(1.3).setShapeFactor(1.21)
        .setDriftDistanceM(5000).setDriftBearingDeg(45).build());
  }

  @Test
  void sampleFailure() throws Exception {
    roundTrip(SampleFailure.class, SampleFailure.of(9, -12345L, "f", "NO_IMPACT", "never landed",
        Double.NaN));
    roundTrip(SampleFailure.class, SampleFailure.of(Long.MAX_VALUE, 0, "ü-Ω", "X", "", 0.0));
  }

  @Test
  void ellipseFit() throws Exception {
    roundTrip(EllipseFit.class, EllipseFit.of(2, new ExactMoments().add(1, 2).add(3, 5)));
  }

  @Test
  void atmosLevelRow() throws Exception {
    roundTrip(AtmosLevelRow.class, AtmosLevelRow.of(3, new AtmosLevel(1000, 90_000, 280, 3, -2,
        0, Double.NaN, 1.5, Double.NaN, Double.NaN)));
  }
}
