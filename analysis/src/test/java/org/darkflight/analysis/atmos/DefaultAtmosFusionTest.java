package org.darkflight.analysis.atmos;

import static org.darkflight.analysis.atmos.FusionFixtures.EVENT;
import static org.darkflight.analysis.atmos.FusionFixtures.TARGET;
import static org.darkflight.analysis.atmos.FusionFixtures.sonde;
import static org.darkflight.analysis.atmos.FusionFixtures.ussaSource;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.util.List;
import org.darkflight.io.atmos.source.AtmosphericRaw;
import org.darkflight.io.atmos.source.SourceKind;
import org.darkflight.io.radar.VadProfileReader;
import org.darkflight.physics.atmosphere.AtmosphereState;
import org.darkflight.physics.atmosphere.StandardAtmosphere1976;
import org.darkflight.analysis.atmos.QcAnnotation.Codes;
import org.junit.jupiter.api.Test;

class DefaultAtmosFusionTest {

  static final FusionConfig CFG = FusionConfig.DEFAULTS;
  static final DefaultAtmosFusion FUSION = new DefaultAtmosFusion();

  static FusedLevel at(FusedProfile p, double z) {
    return p.levels().stream().filter(l -> Math.abs(l.altitudeM() - z) < 1e-6).findFirst()
        .orElseThrow(() -> new AssertionError("no level at " + z));
  }

  static List<QcAnnotation> notes(FusedProfile p, String code) {
    return p.annotations().stream().filter(a -> a.code().equals(code)).toList();
  }

  @Test
  void closerSourceDominatesByInverseVarianceWeights() {
    AtmosphericRaw s = sonde("sonde", 0, 20_000, 500, z -> 10.0, z -> 0.0);
    AtmosphericRaw m = ussaSource("model", SourceKind.MODEL, EVENT.plusSeconds(6 * 3600), 0,
        20_000, 1000, 0.0, z -> 20.0, z -> -4.0);
    FusedProfile p = FUSION.fuse(List.of(s, m), TARGET);
    // σ_sonde = 1.5; σ_model = sqrt(2.5² + (0.5 m/s/h · 6 h)²)
    double ws = 1 / (1.5 * 1.5);
    double sm = Math.sqrt(2.5 * 2.5 + 3.0 * 3.0);
    double wm = 1 / (sm * sm);
    FusedLevel l = at(p, 5_000);
    assertThat(l.windUMps(), closeTo((10 * ws + 20 * wm) / (ws + wm), 1e-9));
    assertThat(l.windVMps(), closeTo((0 * ws - 4 * wm) / (ws + wm), 1e-9));
    assertThat(l.sigmaUMps(), closeTo(Math.sqrt(1 / (ws + wm)), 1e-9));
    assertThat(l.source(), is("sonde"));
    assertThat(p.gridSource(), is("sonde"));
    assertThat(l.qcFlags().isEmpty(), is(true));
    // a model 3 h away gets more weight than one 6 h away
    AtmosphericRaw m3 = ussaSource("model3", SourceKind.MODEL, EVENT.minusSeconds(3 * 3600), 0,
        20_000, 1000, 0.0, z -> 20.0, z -> -4.0);
    double u3 = at(FUSION.fuse(List.of(s, m3), TARGET), 5_000).windUMps();
    assertThat(u3, greaterThan(l.windUMps()));
  }

  @Test
  void disagreeingSourcesInflateSigmaAndAreAnnotated() {
    AtmosphericRaw s = sonde("sonde", 0, 20_000, 500, z -> 10.0, z -> 0.0);
    AtmosphericRaw m = ussaSource("model", SourceKind.MODEL, EVENT, 0, 20_000, 1000, 0.0,
        z -> 40.0, z -> 0.0);
    FusedProfile p = FUSION.fuse(List.of(s, m), TARGET);
    FusedLevel l = at(p, 5_000);
    assertThat(l.qcFlags(), hasItem(Codes.SOURCE_DISAGREEMENT));
    assertThat(l.sigmaUMps(), greaterThan(Math.sqrt(1 / (1 / 2.25 + 1 / 6.25))));
    QcAnnotation a = notes(p, Codes.SOURCE_DISAGREEMENT).get(0);
    assertThat(a.severity(), is(QcAnnotation.WARNING));
    assertThat(a.altitudeMinM(), is(0.0));
    assertThat(a.altitudeMaxM(), is(20_000.0));
  }

  @Test
  void radarWindsOverrideInTheirBandAndAreAnnotated() throws Exception {
    AtmosphericRaw s = sonde("sonde", 0, 20_000, 500, z -> 10.0, z -> 0.0);
    AtmosphericRaw vad = VadProfileReader.read(
        TestFiles.path("atmos/radar_vad/KLOT_20030327_0548.json"), "radar-vad:KLOT");
    FusedProfile p = FUSION.fuse(List.of(s, vad), TARGET);
    for (FusedLevel l : p.levels()) {
      double z = l.altitudeM();
      if (z >= 500 && z <= 4000) {
        // the VAD fixture's known answer, exactly, with its own sigma (0.8; radar 44 km away
        // and 2.4 min early: grown by distance and time)
        assertThat("u at " + z, l.windUMps(), closeTo(8 + 0.002 * z, 1e-9));
        assertThat("v at " + z, l.windVMps(), closeTo(-2 + 0.001 * z, 1e-9));
        assertThat(l.qcFlags(), hasItem(Codes.RADAR_OVERRIDE));
        assertThat(l.source(), is("radar-vad:KLOT"));
      } else if (z < 20_000) {
        assertThat("u at " + z, l.windUMps(), closeTo(10.0, 1e-9));
        assertThat(l.qcFlags(), not(hasItem(Codes.RADAR_OVERRIDE)));
      }
    }
    // the radar levels joined the grid
    at(p, 750);
    List<QcAnnotation> a = notes(p, Codes.RADAR_OVERRIDE);
    assertThat(a.size(), is(1));
    assertThat(a.get(0).altitudeMinM(), is(500.0));
    assertThat(a.get(0).altitudeMaxM(), is(4000.0));
    assertThat(a.get(0).source(), is("radar-vad:KLOT"));
    assertThat(a.get(0).severity(), is(QcAnnotation.INFO));
  }

  @Test
  void standardAtmosphereFillsTheTopWithAWarning() {
    // a sounding 5 K warmer than USSA76 up to 20 km; profile to 40 km
    AtmosphericRaw s = ussaSource("sonde", SourceKind.RADIOSONDE, EVENT, 0, 20_000, 500, 5.0,
        z -> 10.0, z -> 5.0);
    FusedProfile p = FUSION.fuse(List.of(s), TARGET);
    assertThat(p.levels().get(p.levels().size() - 1).altitudeM(), is(40_000.0));
    for (FusedLevel l : p.levels()) {
      double z = l.altitudeM();
      double tStd = StandardAtmosphere1976.INSTANCE.at(z).temperatureK();
      if (z <= 20_000) {
        assertThat(l.temperatureK(), closeTo(tStd + 5.0, 1e-9));
        assertThat(l.qcFlags(), not(hasItem(Codes.STD_ATMOSPHERE_FILL)));
      } else {
        assertThat(l.qcFlags(), hasItem(Codes.STD_ATMOSPHERE_FILL));
        double f = Math.min(1, (z - 20_000) / CFG.blendDepthM());
        assertThat("T at " + z, l.temperatureK(), closeTo(tStd + 5.0 * (1 - f), 1e-9));
        assertThat(l.windUMps(), closeTo(10.0 * (1 - f), 1e-9));
        assertThat(l.sigmaUMps(), lessThanOrEqualTo(CFG.fillSigmaWindMps() + 1e-12));
        assertThat(l.source(), is("ussa76"));
      }
    }
    // at 21 km, 1 km into the blend: 4 K warmer, wind 8/4 m/s
    assertThat(at(p, 21_000).temperatureK(),
        closeTo(StandardAtmosphere1976.INSTANCE.at(21_000).temperatureK() + 4.0, 1e-9));
    assertThat(at(p, 40_000).windUMps(), is(0.0));
    assertThat(at(p, 40_000).sigmaUMps(), closeTo(CFG.fillSigmaWindMps(), 1e-12));
    List<QcAnnotation> fill = notes(p, Codes.STD_ATMOSPHERE_FILL);
    assertThat(fill.size(), is(1));
    assertThat(fill.get(0).severity(), is(QcAnnotation.WARNING));
    assertThat(fill.get(0).altitudeMinM(), is(21_000.0));
    assertThat(fill.get(0).altitudeMaxM(), is(40_000.0));
    assertThat(p.hasWarnings(), is(true));
  }

  @Test
  void hydrostaticFillReproducesUssa76Pressure() {
    // sounding = USSA76 exactly; the filled pressures above must stay on USSA76
    AtmosphericRaw s = sonde("sonde", 0, 20_000, 500, z -> 0.0, z -> 0.0);
    FusedProfile p = FUSION.fuse(List.of(s), TARGET);
    for (double z : new double[] {25_000, 32_000, 40_000}) {
      AtmosphereState std = StandardAtmosphere1976.INSTANCE.at(z);
      assertThat("p at " + z, at(p, z).pressurePa() / std.pressurePa(), closeTo(1.0, 1e-4));
      assertThat(at(p, z).temperatureK(), closeTo(std.temperatureK(), 1e-9));
      assertThat(at(p, z).densityKgM3() / std.densityKgM3(), closeTo(1.0, 1e-4));
    }
  }

  @Test
  void holesBetweenSourcesAreInterpolatedAndAnnotated() {
    AtmosphericRaw s = sonde("sonde", 0, 3_000, 500, z -> 10.0, z -> 0.0);
    AtmosphericRaw m = ussaSource("model", SourceKind.MODEL, EVENT, 6_000, 15_000, 1000, 0.0,
        z -> 16.0, z -> 3.0);
    FusedProfile p = FUSION.fuse(List.of(s, m), TARGET);
    FusedLevel four = at(p, 4_000);
    FusedLevel five = at(p, 5_000);
    assertThat(four.qcFlags(), hasItem(Codes.GAP_FILLED));
    assertThat(four.windUMps(), closeTo(12.0, 1e-9));
    assertThat(five.windUMps(), closeTo(14.0, 1e-9));
    assertThat(five.windVMps(), closeTo(2.0, 1e-9));
    QcAnnotation gap = notes(p, Codes.GAP_FILLED).get(0);
    assertThat(gap.altitudeMinM(), is(4_000.0));
    assertThat(gap.altitudeMaxM(), is(5_000.0));
    // p interpolated in ln p: geometric mean at equal spacing
    double p3 = at(p, 3_000).pressurePa();
    double p6 = at(p, 6_000).pressurePa();
    assertThat(four.pressurePa(), closeTo(Math.pow(p3, 2.0 / 3) * Math.pow(p6, 1.0 / 3), 1e-6));
  }

  @Test
  void singleLevelSpikeIsReplacedByItsNeighbours() {
    AtmosphericRaw s = sonde("sonde", 0, 10_000, 250, z -> z == 4_000 ? 35.0 : 5 + 0.002 * z,
        z -> 1.0);
    FusedProfile p = FUSION.fuse(List.of(s), TARGET);
    FusedLevel l = at(p, 4_000);
    assertThat(l.windUMps(), closeTo(5 + 0.002 * 4_000, 1e-9));
    assertThat(l.qcFlags(), hasItem(Codes.OUTLIER_REPLACED));
    // the removed deviation (22 m/s) now counts in sigma
    assertThat(l.sigmaUMps(), closeTo(Math.hypot(1.5, 22.0), 1e-9));
    assertThat(at(p, 3_750).qcFlags().isEmpty(), is(true));
    QcAnnotation a = notes(p, Codes.OUTLIER_REPLACED).get(0);
    assertThat(a.altitudeMinM(), is(4_000.0));
    assertThat(a.altitudeMaxM(), is(4_000.0));
  }

  @Test
  void temperatureSpikeIsReplaced() {
    AtmosphericRaw base = sonde("sonde", 0, 10_000, 250, z -> 5.0, z -> 1.0);
    List<org.darkflight.io.atmos.source.SourceLevel> ls = new java.util.ArrayList<>();
    for (var l : base.levels()) {
      double t = l.altitudeM() == 6_000 ? l.temperatureK() + 15 : l.temperatureK();
      ls.add(org.darkflight.io.atmos.source.SourceLevel.of(l.altitudeM(), l.pressurePa(), t,
          l.windUMps(), l.windVMps()));
    }
    AtmosphericRaw s = new AtmosphericRaw("sonde", SourceKind.RADIOSONDE, "s", EVENT, 41.48,
        -87.68, ls, java.util.Map.of());
    FusedLevel l = at(FUSION.fuse(List.of(s), TARGET), 6_000);
    // replaced by the mean of its neighbours (equal spacing)
    double neighbours = 0.5 * (StandardAtmosphere1976.INSTANCE.at(5_750).temperatureK()
        + StandardAtmosphere1976.INSTANCE.at(6_250).temperatureK());
    assertThat(l.temperatureK(), closeTo(neighbours, 1e-9));
    assertThat(l.qcFlags(), hasItem(Codes.OUTLIER_REPLACED));
  }

  @Test
  void excessiveShearIsSmoothedAndAnnotated() {
    // a 20 m/s step across one 250 m layer: shear 0.08 /s, twice the limit
    AtmosphericRaw s = sonde("sonde", 0, 10_000, 250, z -> z < 5_000 ? 5.0 : 25.0, z -> 0.0);
    FusedProfile p = FUSION.fuse(List.of(s), TARGET);
    double maxShear = 0;
    for (int i = 1; i < p.levels().size(); i++) {
      FusedLevel a = p.levels().get(i - 1);
      FusedLevel b = p.levels().get(i);
      maxShear = Math.max(maxShear, Math.abs(b.windUMps() - a.windUMps())
          / (b.altitudeM() - a.altitudeM()));
    }
    assertThat(maxShear, lessThan(0.08));
    assertThat(at(p, 4_750).qcFlags(), hasItem(Codes.SHEAR_SMOOTHED));
    assertThat(notes(p, Codes.SHEAR_SMOOTHED).isEmpty(), is(false));
    // off: the step stays
    FusedProfile raw = new DefaultAtmosFusion(CFG.withShearLimitPerS(1.0)).fuse(List.of(s),
        TARGET);
    assertThat(at(raw, 5_000).windUMps(), is(25.0));
  }

  @Test
  void distantSourcesAreAnnotatedAndEverySourceIsListed() {
    AtmosphericRaw s = sonde("sonde", 0, 20_000, 500, z -> 10.0, z -> 0.0);
    AtmosphericRaw far = ussaSource("old-model", SourceKind.MODEL,
        Instant.parse("2003-03-26T12:00:00Z"), 0, 20_000, 1000, 0.0, z -> 10.0, z -> 0.0);
    FusedProfile p = FUSION.fuse(List.of(s, far), TARGET);
    assertThat(notes(p, Codes.SOURCE_USED).size(), is(2));
    assertThat(notes(p, Codes.SOURCE_DISTANT).get(0).source(), is("old-model"));
    assertThat(p.sources().get(1).timeOffsetS(), closeTo(-64_226.0, 1e-6));
  }

  @Test
  void radarOnlyUsesTheStandardAtmosphereForTemperature() throws Exception {
    AtmosphericRaw vad = VadProfileReader.read(
        TestFiles.path("atmos/radar_vad/KLOT_20030327_0548.json"), "vad");
    FusedProfile p = FUSION.fuse(List.of(vad), TARGET);
    assertThat(notes(p, Codes.NO_THERMODYNAMIC_SOURCE).size(), is(1));
    FusedLevel l = at(p, 1_000);
    assertThat(l.temperatureK(),
        closeTo(StandardAtmosphere1976.INSTANCE.at(1_000).temperatureK(), 1e-9));
    assertThat(l.windUMps(), closeTo(10.0, 1e-9));
  }

  @Test
  void helpersAgreeWithIndependentValues() {
    // Park Forest to Lincoln IL (ILX): 202.85 km by the haversine formula (computed separately)
    assertThat(DefaultAtmosFusion.distanceKm(41.48, -87.68, 40.15, -89.33), closeTo(202.85, 0.01));
    assertThat(DefaultAtmosFusion.median(new double[] {5, 1, 3, 2, 4}), is(3.0));
    double[] z = DefaultAtmosFusion.robustZ(new double[] {1, 1, 1, 2, 100}, 0.1);
    assertThat(z[4], greaterThan(100.0));
  }
}
