package org.darkflight.io.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.darkflight.io.geo.GeoFixtures;
import org.darkflight.io.geo.GeoOutputOptions;
import org.darkflight.io.geojson.SearchAreasWriter;
import org.darkflight.io.gpx.SearchPlanGpx;
import org.darkflight.io.searchplan.SearchPlan;
import org.darkflight.io.searchplan.SearchPlanFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report reads the search plan from the run directory and puts it on the map and the page. */
class SearchPlanReportTest {

  @TempDir
  Path tmp;

  @Test
  void reportShowsTheSearchAreasTransectsAndWaypoints() throws Exception {
    Path dir = ReportHtmlTest.runDir(tmp.resolve("run"), "ev", ReportHtmlTest.range(20));
    SearchPlan plan = SearchPlanFixtures.plan();
    new SearchAreasWriter(GeoOutputOptions.defaults()).write(dir.resolve(SearchPlan.AREAS_FILE),
        plan);
    new SearchPlanGpx(6).write(dir.resolve(SearchPlan.GPX_FILE), plan);

    ReportData d = RunDirectory.read(dir, null, 100);
    SearchPlanLayers layers = d.searchPlan();
    assertThat(layers.areas().size(), is(2));
    assertThat(layers.areas().get(1).polygons().size(), is(2));
    assertThat(layers.areas().get(1).polygons().get(0).size(), is(2)); // exterior + hole
    assertThat(layers.tracks().size(), is(2));
    assertThat(layers.tracks().get(0).segments().size(), is(SearchPlanFixtures.LEGS_PART_1));
    assertThat(layers.waypoints().size(), is(2));
    assertThat(layers.waypoints().get(0).description(),
        containsString(GeoFixtures.HOSTILE.replace('\u0001', '\uFFFD')));

    String html = ReportHtml.render(d);
    assertThat(html, containsString("<h2>Search plan</h2>"));
    assertThat(html, containsString("<td class=\"num\">0.983</td>")); // 90 % area, km²
    assertThat(html, not(containsString("<frag&")));
    Matcher m = Pattern.compile("<script type=\"application/json\" id=\"darkflight-data\">"
        + "(.*?)</script>", Pattern.DOTALL).matcher(html);
    assertThat(m.find(), is(true));
    JsonNode data = new ObjectMapper().readTree(m.group(1));
    assertThat(data.path("search_areas").size(), is(2));
    assertThat(data.path("search_areas").get(1).path("polygons").size(), is(2));
    assertThat(data.path("transects").size(), is(2));
    assertThat(data.path("waypoints").size(), is(2));
    assertThat(data.path("search_areas").get(0).path("h").asDouble(), equalTo(2.1));
  }

  @Test
  void aRunWithoutSearchPlanSaysHowToMakeOne() throws Exception {
    ReportData d = RunDirectory.read(ReportHtmlTest.runDir(tmp.resolve("bare"), "ev",
        ReportHtmlTest.range(10)), null, 100);
    assertThat(d.searchPlan(), is(nullValue()));
    assertThat(ReportHtml.render(d), containsString("darkflight search-plan --run DIR"));
  }
}
