package org.darkflight.io.table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.darkflight.io.AtomicFiles;

/**
 * Writes a GDAL OGR VRT (gdal.org/drivers/vector/vrt.html) that opens the FlatGeobuf shards as
 * one layer ({@code OGRVRTUnionLayer}, shards in index order), for runs whose merged
 * {@code samples.fgb} is not written and for opening the table without copying it.
 */
public final class SampleTableVrt {

  private SampleTableVrt() {}

  /**
   * Writes the VRT.
   *
   * @param target the VRT file
   * @param shards the shard paths relative to the VRT's directory, in index order
   */
  public static void write(Path target, List<String> shards) throws IOException {
    StringBuilder s = new StringBuilder();
    s.append("<OGRVRTDataSource>\n");
    s.append("  <OGRVRTUnionLayer name=\"").append(SampleTable.LAYER).append("\">\n");
    s.append("    <SourceLayerFieldName>source_shard</SourceLayerFieldName>\n");
    for (String shard : shards) {
      s.append("    <OGRVRTLayer name=\"").append(xml(layerName(shard))).append("\">\n");
      s.append("      <SrcDataSource relativeToVRT=\"1\">").append(xml(shard))
          .append("</SrcDataSource>\n");
      s.append("      <SrcLayer>").append(SampleTable.LAYER).append("</SrcLayer>\n");
      s.append("    </OGRVRTLayer>\n");
    }
    s.append("    <GeometryType>wkbPoint</GeometryType>\n");
    s.append("    <LayerSRS>EPSG:").append(SampleTable.EPSG).append("</LayerSRS>\n");
    s.append("  </OGRVRTUnionLayer>\n");
    s.append("</OGRVRTDataSource>\n");
    AtomicFiles.write(target, s.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The shard's file name without directory and extension. */
  private static String layerName(String shard) {
    String n = shard.substring(shard.lastIndexOf('/') + 1);
    return n.endsWith(".fgb") ? n.substring(0, n.length() - 4) : n;
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
