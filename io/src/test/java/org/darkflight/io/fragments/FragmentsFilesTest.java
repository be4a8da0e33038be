package org.darkflight.io.fragments;

import static org.darkflight.io.testsupport.TestFiles.mutated;
import static org.darkflight.io.testsupport.TestFiles.rejects;
import static org.darkflight.io.testsupport.TestFiles.testdata;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.darkflight.io.InputException;
import org.darkflight.physics.Fragment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FragmentsFilesTest {

  private static final String PF = "events/park-forest-2003/fragments.json";
  private static final String CALM = "events/synthetic-calm/fragments.json";

  @TempDir Path dir;

  private InputException bad(Consumer<ObjectNode> mutation) {
    return rejects(FragmentsFiles::read, mutated(dir, PF, mutation));
  }

  private static ObjectNode frag(ObjectNode root, int i) {
    return (ObjectNode) root.get("fragments").get(i);
  }

  @Test
  void readsTheDecadalSuite() throws Exception {
    FragmentsFile f = FragmentsFiles.read(testdata(PF));
    assertThat(f.fragments().stream().map(Fragment::massKg).toList(),
        contains(0.001, 0.01, 0.1, 1.0, 10.0));
    for (Fragment x : f.fragments()) {
      assertThat(x.densityKgM3(), equalTo(3320.0));
    }
  }

  @Test
  void absentShapeFactorIsASphere() throws Exception {
    FragmentsFile f = FragmentsFiles.read(testdata(CALM));
    assertThat(f.fragments().get(0).shapeFactor(), equalTo(1.21));
  }

  @Test
  void roundTripsThroughTheWriter() throws Exception {
    FragmentsFile f = FragmentsFiles.read(testdata(PF));
    Path out = dir.resolve("w/fragments.json");
    FragmentsFiles.write(out, f);
    assertThat(FragmentsFiles.read(out), equalTo(f));
  }

  @Test
  void negativeMassIsRejected() {
    InputException e = bad(r -> frag(r, 2).put("mass_kg", -0.1));
    assertThat(e.field(), equalTo("/fragments/2/mass_kg"));
  }

  @Test
  void zeroMassIsRejected() {
    assertThat(bad(r -> frag(r, 0).put("mass_kg", 0)).field(), equalTo("/fragments/0/mass_kg"));
  }

  @Test
  void implausibleDensityIsRejected() {
    InputException e = bad(r -> frag(r, 0).put("density_kgm3", 3.32));
    assertThat(e.field(), equalTo("/fragments/0/density_kgm3"));
    assertThat(e.reason(), containsString("g/cm3"));
  }

  @Test
  void cdIsOptionalButCheckedWhenGiven() throws Exception {
    Fragment without = FragmentsFiles.read(mutated(dir, PF, r -> frag(r, 1).remove("cd")))
        .fragments().get(1);
    assertThat(without.hasCd(), equalTo(false));
    assertThat(Double.isNaN(without.cd()), equalTo(true));
    // issue 16 §4: cd may be left out (a drag model that computes Cd needs none; a run whose
    // model reads it refuses the file then: analysis RunInputs.checkCd, FragmentCdCliTest)
    assertThat(bad(r -> frag(r, 1).put("cd", 0)).field(), equalTo("/fragments/1/cd"));
  }

  @Test
  void duplicateIdsAreRejected() {
    InputException e = bad(r -> frag(r, 3).put("id", "m0001g"));
    assertThat(e.field(), equalTo("/fragments/3/id"));
    assertThat(e.reason(), containsString("duplicate"));
  }

  @Test
  void idsDifferingOnlyInCaseAreRejected() {
    InputException e = bad(r -> frag(r, 1).put("id", "M0001G"));
    assertThat(e.field(), equalTo("/fragments/1/id"));
  }

  @Test
  void atLeastOneFragment() {
    assertThat(bad(r -> ((ArrayNode) r.get("fragments")).removeAll()).field(),
        equalTo("/fragments"));
  }

  @Test
  void idMustBeAFileName() {
    assertThat(bad(r -> frag(r, 0).put("id", "a/b")).field(), equalTo("/fragments/0/id"));
  }

  @Test
  void unknownFieldIsRejected() {
    assertThat(bad(r -> frag(r, 0).put("mass_g", 1)).field(), equalTo("/fragments/0/mass_g"));
  }
}
