package org.darkflight.io.table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import mil.nga.sf.Point;

/**
 * Writes the per-sample table as one GeoPackage ({@code samples.gpkg}, OGC 12-128r18) with the
 * NGA GeoPackage library: the feature table {@code samples} (Point, EPSG:4326, geometry column
 * {@code geom}, feature id {@code fid} = sample index + 1) with the columns of
 * {@link SampleTable} (INTEGER, MEDIUMINT, DOUBLE, TEXT: GDAL's Integer64, Integer, Real,
 * String). The library lays out the GeoPackage (its system tables, the feature table, the
 * geometry blobs); the rows go in through one prepared statement in one transaction.
 *
 * <p>Deterministic: {@code gpkg_contents.last_change} is the run's production time and the
 * extent is that of the landings, so the same rows give the same bytes. Written to a temporary
 * file and moved into place.
 */
public final class GeoPackageTable {

  /**
   * Largest run written as a GeoPackage, samples: SQLite inserts on the driver run at about
   * 10⁵ rows/s, so 10⁶ samples take seconds to tens of seconds and ~300 MB; above it the run
   * skips the GeoPackage (stated in output_manifest.json) and the FlatGeobuf table stays the full
   * record (docs/outputs.md).
   */
  public static final long MAX_SAMPLES = 1_000_000;

  private static final String GEOMETRY_COLUMN = "geom";
  private static final String FID = "fid";

  private GeoPackageTable() {}

  /**
   * Writes the rows (in index order) to {@code target}.
   *
   * @param lastChange the time written as the table's {@code last_change}
   */
  public static void write(Path target, Iterator<SampleRow> rows, Instant lastChange)
      throws IOException {
    Path abs = target.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    Path dir = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".");
    try {
      Path tmp = dir.resolve(abs.getFileName());
      GeoPackageManager.create(tmp.toFile());
      GeoPackage gp = GeoPackageManager.open(tmp.toFile());
      try {
        fill(gp, rows, lastChange);
      } catch (SQLException e) {
        throw new IOException(target + ": writing the GeoPackage failed: " + e.getMessage(), e);
      } finally {
        gp.close();
      }
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      org.darkflight.io.FileTrees.delete(dir);
    }
  }

  private static void fill(GeoPackage gp, Iterator<SampleRow> rows, Instant lastChange)
      throws SQLException {
    SpatialReferenceSystem srs = gp.getSpatialReferenceSystemDao()
        .getOrCreateCode("EPSG", SampleTable.EPSG);
    GeometryColumns gc = new GeometryColumns();
    gc.setTableName(SampleTable.LAYER);
    gc.setColumnName(GEOMETRY_COLUMN);
    gc.setGeometryType(GeometryType.POINT);
    gc.setZ((byte) 0);
    gc.setM((byte) 0);
    gc.setSrs(srs);
    List<FeatureColumn> columns = new ArrayList<>();
    for (SampleTable.Column c : SampleTable.COLUMNS) {
      columns.add(FeatureColumn.createColumn(c.name(), dataType(c.type()), !c.nullable()));
    }
    gp.createFeatureTable(FeatureTableMetadata.create(gc, FID, columns,
        new BoundingBox(-180, -90, 180, 90)));

    Connection db = gp.getConnection().getConnection();
    boolean autoCommit = db.getAutoCommit();
    db.setAutoCommit(false);
    StringBuilder sql = new StringBuilder("INSERT INTO \"" + SampleTable.LAYER + "\" (\"" + FID
        + "\", \"" + GEOMETRY_COLUMN + "\"");
    for (SampleTable.Column c : SampleTable.COLUMNS) {
      sql.append(", \"").append(c.name()).append('"');
    }
    sql.append(") VALUES (?, ?").append(", ?".repeat(SampleTable.COLUMNS.size())).append(')');
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    try (PreparedStatement insert = db.prepareStatement(sql.toString())) {
      while (rows.hasNext()) {
        SampleRow row = rows.next();
        insert.setLong(1, row.index() + 1);
        if (row.landing() != null) {
          double x = row.landing().longitudeDeg();
          double y = row.landing().latitudeDeg();
          minX = Math.min(minX, x);
          minY = Math.min(minY, y);
          maxX = Math.max(maxX, x);
          maxY = Math.max(maxY, y);
          try {
            insert.setBytes(2, GeoPackageGeometryData.bytes(srs.getSrsId(), new Point(x, y)));
          } catch (IOException e) {
            throw new SQLException("sample " + row.index() + ": " + e.getMessage(), e);
          }
        } else {
          insert.setNull(2, Types.BLOB);
        }
        Object[] values = row.values();
        for (int i = 0; i < values.length; i++) {
          Object v = values[i];
          int p = i + 3;
          if (v == null) {
            insert.setNull(p, Types.NULL);
          } else if (v instanceof Long l) {
            insert.setLong(p, l);
          } else if (v instanceof Integer n) {
            insert.setInt(p, n);
          } else if (v instanceof Double d) {
            insert.setDouble(p, d);
          } else {
            insert.setString(p, (String) v);
          }
        }
        insert.executeUpdate();
      }
    }
    String time = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
        .withZone(ZoneOffset.UTC).format(lastChange);
    try (PreparedStatement contents = db.prepareStatement("UPDATE gpkg_contents SET "
        + "last_change = ?, min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = ?")) {
      contents.setString(1, time);
      boolean any = minX <= maxX;
      setOrNull(contents, 2, any, minX);
      setOrNull(contents, 3, any, minY);
      setOrNull(contents, 4, any, maxX);
      setOrNull(contents, 5, any, maxY);
      contents.setString(6, SampleTable.LAYER);
      contents.executeUpdate();
    }
    db.commit();
    db.setAutoCommit(autoCommit);
  }

  private static void setOrNull(PreparedStatement s, int p, boolean set, double v)
      throws SQLException {
    if (set) {
      s.setDouble(p, v);
    } else {
      s.setNull(p, Types.DOUBLE);
    }
  }

  private static GeoPackageDataType dataType(SampleTable.Type t) {
    return switch (t) {
      case LONG -> GeoPackageDataType.INTEGER;
      case INT -> GeoPackageDataType.MEDIUMINT;
      case DOUBLE -> GeoPackageDataType.DOUBLE;
      case STRING -> GeoPackageDataType.TEXT;
    };
  }
}
