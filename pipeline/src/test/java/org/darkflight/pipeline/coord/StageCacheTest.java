package org.darkflight.pipeline.coord;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.darkflight.io.InputException;
import org.darkflight.io.process.StageRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys, entries, atomic commit, publication and the sweep of the stage cache. */
class StageCacheTest {

  private static final String A = "a".repeat(64);
  private static final String B = "b".repeat(64);

  @TempDir Path root;

  private static final Stage FRAGMENTS = new Stage("S4", "fragments", "fragments/1",
      List.of(ArtifactId.RAW_FRAGMENTS.optional(), ArtifactId.RAW_ENSEMBLE.optional()),
      List.of(ArtifactId.FRAGMENTS.optional(), ArtifactId.ENSEMBLE_CONFIG.required()),
      List.of("ensemble"));
  private static final Stage VALIDATION = new Stage("S8", "validation", "validation/1",
      List.of(ArtifactId.RAW_VALIDATION.optional(), ArtifactId.RUN_MANIFEST.required()),
      List.of(ArtifactId.VALIDATION_STATUS.required()), List.of());

  private ProjectLayout layout(String event) throws Exception {
    ProjectLayout l = new ProjectLayout(root, event);
    Files.createDirectories(l.eventDir());
    return l;
  }

  private ArtifactHashes raw(ProjectLayout l, String fragments) throws Exception {
    Files.writeString(l.rawDir().resolve("fragments.json"), fragments);
    return ArtifactHashes.ofRawInputs(l);
  }

  @Test
  void theKeyIsTheSha256OfTheEventTheSortedInputsTheVersionAndTheConfigHash() throws Exception {
    ProjectLayout l = layout("ev");
    ArtifactHashes known = raw(l, "{}");
    String key = new StageCache(l).key(FRAGMENTS, FRAGMENTS.inputs(), known, B);
    String text = "event_id=ev\nraw.fragments=" + known.get(ArtifactId.RAW_FRAGMENTS)
        + "\nfragments/1\n" + B;
    assertThat(key, is(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(StandardCharsets.UTF_8)))));
    // another event, another key; other bytes, another key
    ProjectLayout other = layout("ev2");
    assertThat(new StageCache(other).key(FRAGMENTS, FRAGMENTS.inputs(), raw(other, "{}"), B),
        not(key));
    assertThat(new StageCache(l).key(FRAGMENTS, FRAGMENTS.inputs(), raw(l, "{ }"), B),
        not(key));
  }

  @Test
  void anUnknownUpstreamOutputGivesNoKeyAndAnAbsentOptionalOneIsLeftOut() throws Exception {
    ProjectLayout l = layout("ev");
    StageCache cache = new StageCache(l);
    ArtifactHashes known = ArtifactHashes.ofRawInputs(l);
    assertThat(cache.key(VALIDATION, VALIDATION.inputs(), known, B), nullValue());
    known.noteStage(FRAGMENTS, Map.of(ArtifactId.ENSEMBLE_CONFIG, A));
    assertThat(known.absent(ArtifactId.FRAGMENTS), is(true));
    Stage reader = new Stage("S9", "reader", "reader/1",
        List.of(ArtifactId.FRAGMENTS.optional(), ArtifactId.ENSEMBLE_CONFIG.required()),
        List.of(ArtifactId.RUN_MANIFEST.required()), List.of());
    assertThat(cache.key(reader, reader.inputs(), known, B), not(nullValue()));
  }

  @Test
  void aMissingRequiredUserInputNamesItsFile() throws Exception {
    ProjectLayout l = layout("ev");
    Stage ingest = new Stage("S1", "ingest", "ingest/1", List.of(ArtifactId.RAW_EVENT.required()),
        List.of(ArtifactId.EVENT.required()), List.of());
    InputException e = assertThrows(InputException.class, () -> new StageCache(l).key(ingest,
        ingest.inputs(), ArtifactHashes.ofRawInputs(l), B));
    assertThat(e.getMessage(), containsString("event.json"));
    assertThat(e.getMessage(), containsString("missing input of stage S1 ingest"));
  }

  @Test
  void aCommittedEntryIsFoundAndPublishedAndASecondCommitKeepsTheFirst() throws Exception {
    ProjectLayout l = layout("ev");
    StageCache cache = new StageCache(l);
    String key = A;
    assertThat(cache.finished(VALIDATION, key).isPresent(), is(false));
    Path work = cache.begin(VALIDATION);
    assertThat(work.getFileName().toString().startsWith(".tmp-ev__"), is(true));
    Path out = work.resolve(ArtifactId.VALIDATION_STATUS.fileName(l));
    Files.writeString(out, "{}\n");
    StageRecord rec = StageRecord.of("S8", "validation", "validation/1", key, B, "ok",
        Map.of("run_manifest", B), Map.of("validation_status", A));
    cache.commit(work, VALIDATION, rec);
    cache.abandon(work);
    assertThat(cache.finished(VALIDATION, key).orElseThrow(), equalTo(rec));
    assertThat(Files.exists(work), is(false));

    // a concurrent run that finished the same execution: its entry stays, no error
    Path again = cache.begin(VALIDATION);
    Files.writeString(again.resolve(ArtifactId.VALIDATION_STATUS.fileName(l)), "{}\n");
    cache.commit(again, VALIDATION, rec);
    cache.abandon(again);
    assertThat(cache.finished(VALIDATION, key).orElseThrow(), equalTo(rec));

    cache.publish(VALIDATION, key, ArtifactId.VALIDATION_STATUS);
    Path target = ArtifactId.VALIDATION_STATUS.path(l);
    assertThat(Files.readString(target), is("{}\n"));
    long modified = Files.getLastModifiedTime(target).toMillis();
    Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.fromMillis(1000));
    cache.publish(VALIDATION, key, ArtifactId.VALIDATION_STATUS);
    assertThat("same bytes are not rewritten",
        Files.getLastModifiedTime(target).toMillis(), is(1000L));
    assertThat(modified > 0, is(true));
  }

  @Test
  void theSweepRemovesOnlyThisEventsUnfinishedEntries() throws Exception {
    ProjectLayout l = layout("ev");
    StageCache cache = new StageCache(l);
    Path mine = cache.begin(VALIDATION);
    Files.writeString(mine.resolve("half.json"), "half");
    Path others = l.cacheDir().resolve("validation").resolve(".tmp-ev-2__1");
    Files.createDirectories(others);
    Path finished = cache.entry(VALIDATION, A);
    Files.createDirectories(finished);
    cache.sweepUnfinished(List.of(VALIDATION, FRAGMENTS));
    assertThat(Files.exists(mine), is(false));
    assertThat(Files.exists(others), is(true));
    assertThat(Files.exists(finished), is(true));
  }
}
