package org.darkflight.io.geojson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import org.darkflight.io.geo.GeoNumbers;

/**
 * Shared GeoJSON output settings: UTF-8, compact JSON with one feature per line (so that huge
 * files stay greppable and diffable), coordinates as {@code [lon, lat]} with a fixed number of
 * decimals.
 */
final class GeoJsonFormat {

  private static final JsonFactory JSON = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private GeoJsonFormat() {}

  /** A generator writing UTF-8 to {@code out}; closing it does not close {@code out}. */
  static JsonGenerator generator(OutputStream out) throws IOException {
    JsonGenerator g = JSON.createGenerator(out);
    g.setPrettyPrinter(new FeaturePerLine());
    return g;
  }

  /** Writes a position {@code [lon, lat]}. */
  static void position(JsonGenerator g, double latitudeDeg, double longitudeDeg, int decimals)
      throws IOException {
    g.writeStartArray();
    g.writeNumber(GeoNumbers.coordinate(longitudeDeg, decimals));
    g.writeNumber(GeoNumbers.coordinate(latitudeDeg, decimals));
    g.writeEndArray();
  }

  /** Writes a physical quantity field (see {@link GeoNumbers#quantity}). */
  static void quantity(JsonGenerator g, String name, double value) throws IOException {
    g.writeFieldName(name);
    g.writeNumber(GeoNumbers.quantity(value));
  }

  /** Compact output, except a line break before each element of the top-level "features". */
  private static final class FeaturePerLine extends MinimalPrettyPrinter {
    private static final long serialVersionUID = 1L;

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
      super.writeStartArray(g);
      if (inFeatures(g)) {
        g.writeRaw('\n');
      }
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      super.writeArrayValueSeparator(g);
      if (inFeatures(g)) {
        g.writeRaw('\n');
      }
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
      if (inFeatures(g) && nrOfValues > 0) {
        g.writeRaw('\n');
      }
      super.writeEndArray(g, nrOfValues);
    }

    private static boolean inFeatures(JsonGenerator g) {
      JsonStreamContext ctx = g.getOutputContext();
      if (ctx == null || !ctx.inArray()) {
        return false;
      }
      JsonStreamContext parent = ctx.getParent();
      return parent != null && parent.inObject() && parent.getParent() != null
          && parent.getParent().inRoot() && "features".equals(parent.getCurrentName());
    }
  }
}
