package org.darkflight.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {

  @Test
  void deletesATreeButNotWhatALinkPointsTo(@TempDir Path dir) throws IOException {
    Path keep = Files.createDirectories(dir.resolve("keep"));
    Files.writeString(keep.resolve("k.txt"), "k");
    Path tree = Files.createDirectories(dir.resolve("tree/a/b"));
    Files.writeString(tree.resolve("x.txt"), "x");
    Files.writeString(dir.resolve("tree/y.txt"), "y");
    Files.createSymbolicLink(dir.resolve("tree/link"), keep);
    FileTrees.delete(dir.resolve("tree"));
    assertThat(Files.exists(dir.resolve("tree")), is(false));
    assertThat(Files.readString(keep.resolve("k.txt")), is("k"));
    FileTrees.delete(dir.resolve("tree")); // absent: nothing to do
    assertThat(Files.exists(keep), is(true));
  }
}
