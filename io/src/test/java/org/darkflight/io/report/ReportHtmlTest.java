package org.darkflight.io.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportHtmlTest {

  static final String HOSTILE = "</script><script>alert(1)</script>";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  /** A minimal run directory: manifest and n points in two classes, in the given order. */
  static Path runDir(Path dir, String eventId, List<Integer> order) throws Exception {
    Files.createDirectories(dir);
    var m = JSON.createObjectNode();
    m.put("event_id", eventId);
    m.put("produced_utc", "2026-01-01T00:00:00Z");
    m.putArray("artifacts").addObject().put("path", "x.geojson").put("sha256", "ab")
        .put("type", "geojson").put("bytes", 1);
    m.put("provenance_hash", "00");
    m.putObject("run").put("samples", order.size()).put("landed", order.size()).put("failed", 0)
        .putArray("inputs").addObject().put("role", "event").put("path", HOSTILE)
        .put("sha256", "cd");
    Files.writeString(dir.resolve("output_manifest.json"), m.toString());
    StringBuilder g = new StringBuilder("{\"type\":\"FeatureCollection\",\"meta\":{"
        + "\"producer\":\"" + HOSTILE.replace("/", "\\/") + "\",\"validation_status\":\"not_run\","
        + "\"luminous_end\":{\"latitude_deg\":41.5,\"longitude_deg\":-87.7}},\"features\":[");
    for (int k = 0; k < order.size(); k++) {
      int i = order.get(k);
      int cls = i % 2;
      g.append(k == 0 ? "\n" : ",\n").append("{\"type\":\"Feature\",\"geometry\":{\"type\":")
          .append("\"Point\",\"coordinates\":[").append(-87.7 + i * 1e-4).append(',')
          .append(41.5 + i * 1e-4).append("]},\"properties\":{\"fragment_id\":")
          .append(JSON.writeValueAsString(i == 0 ? HOSTILE : "f" + i))
          .append(",\"sample_index\":").append(i).append(",\"mass_class\":\"")
          .append(cls == 0 ? "light" : "heavy").append("\",\"mass_class_index\":").append(cls)
          .append(",\"mass_final_kg\":").append(0.1 + cls).append(",\"impact_speed_mps\":50,")
          .append("\"landing_time_utc\":\"2003-03-27T05:52:00Z\",\"uncertainty_radius_m\":null,")
          .append("\"energy_J\":10}}");
    }
    g.append("\n]}\n");
    Files.writeString(dir.resolve("strewn_field_points.geojson"), g.toString());
    return dir;
  }

  static List<Integer> range(int n) {
    List<Integer> l = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      l.add(i);
    }
    return l;
  }

  @Test
  void hostileTextIsInertInHtmlAndInTheDataBlock() throws Exception {
    ReportData d = RunDirectory.read(runDir(tmp.resolve("a"), HOSTILE, range(20)), null, 100);
    String html = ReportHtml.render(d);
    assertThat(html, not(containsString("<script>alert(1)")));
    assertThat(html, containsString("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
    // Exactly our own four script elements open and close.
    assertThat(count(html, "<script"), is(4));
    assertThat(count(html, "</script>"), is(4));
    Matcher m = Pattern.compile("<script type=\"application/json\" id=\"darkflight-data\">(.*?)"
        + "</script>", Pattern.DOTALL).matcher(html);
    assertThat(m.find(), is(true));
    assertThat(m.group(1), not(containsString("<")));
    JsonNode data = JSON.readTree(m.group(1));
    List<String> ids = new ArrayList<>();
    data.get("points").forEach(p -> ids.add(p.get(6).asText()));
    assertThat("JSON.parse gives the original text back", ids.contains(HOSTILE), is(true));
    assertThat(html, containsString("http-equiv=\"Content-Security-Policy\""));
    assertThat(html, not(containsString("sourceMappingURL")));
    assertThat(html, not(containsString("url(images/")));
  }

  @Test
  void htmlEscapeCoversTheFiveSpecialCharacters() {
    assertThat(HtmlText.escape("a<b>&\"'"), equalTo("a&lt;b&gt;&amp;&quot;&#39;"));
  }

  @Test
  void subsetDoesNotDependOnPointOrderAndKeepsClassShares() throws Exception {
    List<Integer> shuffled = range(200);
    Collections.shuffle(shuffled, new Random(7));
    ReportData a = RunDirectory.read(runDir(tmp.resolve("a"), "ev", range(200)), null, 20);
    ReportData b = RunDirectory.read(runDir(tmp.resolve("b"), "ev", shuffled), null, 20);
    assertThat(a.points().size(), is(20));
    assertThat(b.points(), equalTo(a.points()));
    assertThat(a.pointsPerClass()[0] + a.pointsPerClass()[1], is(200L));
    // 100 points per class: proportional shares of 20 are 10 and 10.
    assertThat(a.shownPerClass()[0], is(10));
    assertThat(a.shownPerClass()[1], is(10));
    assertThat(a.subsetDescription(), containsString("Showing 20 of 200"));
  }

  @Test
  void sameInputsGiveByteIdenticalReports() throws Exception {
    Path dir = runDir(tmp.resolve("a"), "ev", range(30));
    String one = ReportHtml.render(RunDirectory.read(dir, null, 100));
    String two = ReportHtml.render(RunDirectory.read(dir, null, 100));
    assertThat(two, equalTo(one));
    Path f = tmp.resolve("r.html");
    ReportHtml.write(f, RunDirectory.read(dir, null, 100));
    assertThat(Files.readString(f, StandardCharsets.UTF_8), equalTo(one));
  }

  @Test
  void missingManifestIsAnInputError() {
    org.junit.jupiter.api.Assertions.assertThrows(org.darkflight.io.InputException.class,
        () -> RunDirectory.read(tmp, null, 10));
  }

  static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }
}
