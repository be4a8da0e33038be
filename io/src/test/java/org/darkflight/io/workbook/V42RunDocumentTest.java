package org.darkflight.io.workbook;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.darkflight.io.json.Json;
import org.darkflight.physics.legacy.FriesV42Inputs;
import org.darkflight.physics.legacy.FriesV42Result;
import org.darkflight.physics.legacy.RaobRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class V42RunDocumentTest {

  @Test
  void writesFieldsInDeclaredOrderAndReadsBack(@TempDir Path dir) throws Exception {
    FriesV42Inputs in = new FriesV42Inputs(434097.0, 4577553.0, 3.32, 300, 16_000, 1000, 10,
        20_000, 45, FriesV42Inputs.WORKBOOK_FIRST_ITERATION_CD,
        FriesV42Inputs.WORKBOOK_GRAVITY_MPS2, List.of(new RaobRow(1000, 100, 150, 0, 270, 50),
            new RaobRow(500, 5500, -200, 0, 270, 200)));
    FriesV42Result r = new FriesV42Result(10, 20, 434107.0, 4577573.0, 40, 2000, 0.01, 80, 2);
    V42RunDocument doc = V42RunDocument.of("book.xlsx", "ab".repeat(32), in,
        UtmZone.parse("16N"), r);
    Path file = dir.resolve("sub/run.json");
    doc.write(file);
    JsonNode tree = Json.mapper().readTree(file.toFile());
    List<String> keys = new ArrayList<>();
    tree.fieldNames().forEachRemaining(keys::add);
    assertThat(keys, contains("method", "workbook", "workbook_sha256", "mass_g", "utm_zone",
        "start", "landing", "displacement_east_m", "displacement_north_m",
        "fall_time_in_window_s", "max_fall_speed_mps", "ground_terminal_velocity_mps"));
    List<String> point = new ArrayList<>();
    tree.get("landing").fieldNames().forEachRemaining(point::add);
    assertThat(point, contains("easting_m", "northing_m", "lat", "lon"));
    assertThat(Json.mapper().treeToValue(tree, V42RunDocument.class), equalTo(doc));
    // Park Forest, Illinois: UTM 16N 434097 E, 4577553 N is near 41.35 N, 87.79 W
    assertThat(doc.start().lat(), closeTo(41.3468, 1e-3));
    assertThat(doc.start().lon(), closeTo(-87.7878, 1e-3));
  }
}
