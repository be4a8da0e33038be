package org.darkflight.analysis.atmos;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.darkflight.io.atmos.source.AtmosphericSource;
import org.darkflight.io.atmos.source.AtmosphericSources;
import org.darkflight.physics.plugin.PluginManifest;
import org.junit.jupiter.api.Test;

class PluginDiscoveryTest {

  @Test
  void everyAtmosphericSourceIsDiscoveredWithItsManifest() {
    List<String> names = AtmosphericSources.all().stream().map(s -> s.manifest().name())
        .toList();
    assertThat(names, contains("nexrad-level2-vad", "nexrad-level3-nvw", "nwp-netcdf", "radar-vad",
        "radiosonde-json", "radiosonde-uwyo"));
    for (AtmosphericSource s : AtmosphericSources.all()) {
      assertThat(s.manifest().provides(), hasItem("AtmosphericSource"));
    }
  }

  @Test
  void defaultFusionIsDiscovered() {
    List<String> names = new ArrayList<>();
    for (AtmosFusionStrategy s : ServiceLoader.load(AtmosFusionStrategy.class)) {
      names.add(s.manifest().name());
      assertThat(s.manifest().provides(), contains("AtmosFusionStrategy"));
    }
    assertThat(names, contains(DefaultAtmosFusion.NAME));
  }

  @Test
  void manifestRejectsEmptyDeclarations() {
    assertThrows(IllegalArgumentException.class,
        () -> new PluginManifest("x", "1", List.of(), null));
    assertThrows(IllegalArgumentException.class,
        () -> new PluginManifest(" ", "1", List.of("AtmosphericSource"), null));
    assertThat(new PluginManifest("x", "1", List.of("A"), "s").configSchema(), is("s"));
  }

  @Test
  void fusionOfNothingIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new DefaultAtmosFusion().fuse(List.of(), FusionFixtures.TARGET));
  }
}
