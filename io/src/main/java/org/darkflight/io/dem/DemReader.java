package org.darkflight.io.dem;

import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.sis.coverage.grid.GridCoverage;
import org.apache.sis.coverage.grid.GridExtent;
import org.apache.sis.coverage.grid.GridGeometry;
import org.apache.sis.storage.Aggregate;
import org.apache.sis.storage.DataStore;
import org.apache.sis.storage.DataStoreException;
import org.apache.sis.storage.DataStores;
import org.apache.sis.storage.GridCoverageResource;
import org.apache.sis.storage.Resource;
import org.darkflight.io.InputException;
import org.darkflight.io.geoid.HeightReference;
import org.opengis.referencing.datum.PixelInCell;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.crs.GeographicCRS;
import org.opengis.referencing.cs.AxisDirection;
import org.opengis.referencing.cs.CoordinateSystem;
import org.opengis.referencing.datum.GeodeticDatum;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.Matrix;
import org.apache.sis.referencing.operation.transform.MathTransforms;

/**
 * Reads a GeoTIFF digital elevation model with Apache SIS {@code sis-geotiff} 1.4 into a
 * {@link DemTerrain}.
 *
 * <p>Accepted: one band of heights in metres on a geographic WGS84 latitude/longitude grid
 * (EPSG:4326, either axis order) without rotation. A projected or other-datum DEM is refused
 * with the advice to reproject it ({@code gdalwarp -t_srs EPSG:4326}); so is a DEM of more than
 * {@value #MAX_CELLS} cells (crop it around the strewn field, {@code gdal_translate -projwin}).
 * NoData cells (the band's no-data values, converted to NaN by SIS) stay NaN; a landing on them
 * is refused by {@link DemTerrain}.
 */
public final class DemReader {

  /** Largest DEM accepted, cells (the grid is copied into memory and shipped to workers). */
  public static final long MAX_CELLS = 16_000_000L;

  /**
   * SIS warns on java.util.logging that the SIS_DATA directory (EPSG database) is not set; the
   * GeoTIFF keys name EPSG:4326 without it, so the warning only confuses a user. Held strongly
   * so the level sticks.
   */
  private static final java.util.logging.Logger SIS_SYSTEM_LOG =
      java.util.logging.Logger.getLogger("org.apache.sis.system");

  static {
    SIS_SYSTEM_LOG.setLevel(java.util.logging.Level.SEVERE);
  }

  private DemReader() {}

  /**
   * Reads a DEM.
   *
   * @param reference what the DEM's heights are measured from (most DEMs, e.g. SRTM, Copernicus,
   *                  NED: mean sea level)
   * @throws InputException naming the file and the reason
   */
  public static DemTerrain read(Path file, HeightReference reference) throws InputException {
    if (!Files.isRegularFile(file)) {
      throw new InputException(file, "", "file not found");
    }
    try (DataStore store = DataStores.open(file)) {
      GridCoverageResource resource = firstGrid(store);
      if (resource == null) {
        throw new InputException(file, "", "not a raster DEM: the GeoTIFF holds no grid");
      }
      GridCoverage coverage = resource.read(null, (int[]) null).forConvertedValues(true);
      return toTerrain(file, coverage, reference);
    } catch (DataStoreException | RuntimeException e) {
      throw new InputException(file, "", "cannot read the GeoTIFF DEM: " + e.getMessage(), e);
    }
  }

  private static GridCoverageResource firstGrid(Resource r) throws DataStoreException {
    if (r instanceof GridCoverageResource g) {
      return g;
    }
    if (r instanceof Aggregate a) {
      for (Resource c : a.components()) {
        GridCoverageResource g = firstGrid(c);
        if (g != null) {
          return g;
        }
      }
    }
    return null;
  }

  private static DemTerrain toTerrain(Path file, GridCoverage coverage,
      HeightReference reference) throws InputException {
    GridGeometry gg = coverage.getGridGeometry();
    if (!gg.isDefined(GridGeometry.CRS | GridGeometry.GRID_TO_CRS | GridGeometry.EXTENT)) {
      throw new InputException(file, "CRS", "the GeoTIFF has no georeferencing (CRS and grid "
          + "transform); darkflight needs a DEM in geographic WGS84 (EPSG:4326)");
    }
    CoordinateReferenceSystem crs = gg.getCoordinateReferenceSystem();
    if (!(crs instanceof GeographicCRS geo) || !isWgs84(geo.getDatum())) {
      throw new InputException(file, "CRS", "the DEM's coordinate reference system is \""
          + crs.getName().getCode() + "\"; darkflight reads DEMs on geographic WGS84 "
          + "latitude/longitude (EPSG:4326): reproject it, e.g. gdalwarp -t_srs EPSG:4326 "
          + "in.tif out.tif");
    }
    if (coverage.getSampleDimensions().size() != 1) {
      throw new InputException(file, "bands", "the DEM has " + coverage.getSampleDimensions()
          .size() + " bands; a DEM has one band of heights");
    }
    CoordinateSystem cs = crs.getCoordinateSystem();
    boolean latFirst = isNorthSouth(cs.getAxis(0).getDirection());
    MathTransform gridToCrs = gg.getGridToCRS(PixelInCell.CELL_CENTER);
    Matrix m;
    try {
      m = MathTransforms.getMatrix(gridToCrs);
    } catch (RuntimeException e) {
      m = null;
    }
    if (m == null || m.getElement(0, 1) != 0 || m.getElement(1, 0) != 0) {
      throw new InputException(file, "grid", "the DEM grid is rotated or not affine; darkflight "
          + "reads north-up latitude/longitude grids");
    }
    GridExtent ext = gg.getExtent();
    long w = ext.getSize(0);
    long h = ext.getSize(1);
    if (w * h > MAX_CELLS) {
      throw new InputException(file, "size", String.format(Locale.ROOT, "the DEM has %d x %d "
          + "cells (more than %d); crop it around the strewn field, e.g. gdal_translate "
          + "-projwin", w, h, MAX_CELLS));
    }
    // CRS coordinate i = m[i][0] * col + m[i][1] * row + m[i][2] (grid indices from the extent low)
    double col0 = ext.getLow(0);
    double row0 = ext.getLow(1);
    double lonStep = latFirst ? m.getElement(1, 0) : m.getElement(0, 0);
    double latStep = latFirst ? m.getElement(0, 1) : m.getElement(1, 1);
    if (latFirst) {
      // lat depends on the column, lon on the row: a transposed grid, not north-up
      throw new InputException(file, "grid", "the DEM's grid columns run along latitude; "
          + "darkflight reads north-up grids (rewrite it with gdalwarp -t_srs EPSG:4326)");
    }
    double lon0 = m.getElement(0, 0) * col0 + m.getElement(0, 2);
    double lat0 = m.getElement(1, 1) * row0 + m.getElement(1, 2);
    RenderedImage img = coverage.render(null);
    Raster raster = img.getData();
    float[] heights = new float[(int) (w * h)];
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < w; c++) {
        heights[r * (int) w + c] = raster.getSampleFloat(img.getMinX() + c, img.getMinY() + r,
            0);
      }
    }
    if (!(lonStep > 0)) {
      throw new InputException(file, "grid", "the DEM's longitude does not increase along its "
          + "columns");
    }
    return new DemTerrain(file.getFileName().toString(), (int) w, (int) h, lon0, lonStep, lat0,
        latStep, heights, reference);
  }

  private static boolean isNorthSouth(AxisDirection d) {
    return d == AxisDirection.NORTH || d == AxisDirection.SOUTH;
  }

  private static boolean isWgs84(GeodeticDatum datum) {
    String name = datum.getName().getCode().toLowerCase(Locale.ROOT).replace('_', ' ');
    return name.contains("wgs 84") || name.contains("wgs84") || name.contains("world geodetic "
        + "system 1984");
  }
}
