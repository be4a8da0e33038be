package org.darkflight.io.netcdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.darkflight.io.InputException;
import org.darkflight.io.atmos.source.AtmosphericRaw;
import org.darkflight.io.atmos.source.AtmosphericSource;
import org.darkflight.physics.plugin.PluginManifest;
import org.darkflight.io.atmos.source.SourceKind;
import org.darkflight.io.atmos.source.SourceRequest;

/** {@link AtmosphericSource} for GFS/HRRR/ERA5 pressure-level netCDF files. */
public final class NwpNetcdfSource implements AtmosphericSource {

  public static final String NAME = "nwp-netcdf";

  @Override
  public PluginManifest manifest() {
    return new PluginManifest(NAME, "1.0", List.of("AtmosphericSource"), null);
  }

  @Override
  public SourceKind kind() {
    return SourceKind.MODEL;
  }

  @Override
  public boolean accepts(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] magic = in.readNBytes(4);
      // netCDF-3 "CDF\1"/"CDF\2", netCDF-4 (HDF5) "\211HDF"
      return magic.length == 4 && ((magic[0] == 'C' && magic[1] == 'D' && magic[2] == 'F')
          || (magic[1] == 'H' && magic[2] == 'D' && magic[3] == 'F'));
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public AtmosphericRaw load(Path file, SourceRequest request) throws InputException {
    return NwpNetcdfReader.read(file, request, NAME + ":" + file.getFileName());
  }
}
