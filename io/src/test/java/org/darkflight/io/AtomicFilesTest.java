package org.darkflight.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @TempDir Path dir;

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesContentIntoNewDirectoriesAndLeavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("a/b/out.json");
    AtomicFiles.write(target, "{}\n".getBytes(StandardCharsets.UTF_8));
    assertThat(Files.readString(target), equalTo("{}\n"));
    try (Stream<Path> s = Files.list(target.getParent())) {
      assertThat(s.map(p -> p.getFileName().toString()).toList(), contains("out.json"));
    }
  }

  @Test
  void replacesAnExistingFileWhole() throws IOException {
    Path target = dir.resolve("out.txt");
    Files.writeString(target, "old content that is longer");
    AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8));
    assertThat(Files.readString(target), equalTo("new"));
  }

  @Test
  void failingWriterLeavesNeitherTargetNorTemporaryFile() throws IOException {
    Path target = dir.resolve("out.txt");
    IOException boom = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
      out.write("half".getBytes(StandardCharsets.UTF_8));
      throw new IOException("disk full");
    }));
    assertThat(boom.getMessage(), equalTo("disk full"));
    assertThat(names(), empty());
  }

  @Test
  void failingWriterKeepsThePreviousFileIntact() throws IOException {
    Path target = dir.resolve("out.txt");
    Files.writeString(target, "previous");
    assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
      throw new IOException("interrupted");
    }));
    assertThat(Files.readString(target), equalTo("previous"));
    assertThat(names(), contains("out.txt"));
  }

  @Test
  void outputIsReadableByOthersOnPosixFileSystems() throws IOException {
    Path target = dir.resolve("out.txt");
    AtomicFiles.write(target, new byte[] {1});
    if (Files.getFileStore(target).supportsFileAttributeView("posix")) {
      assertThat(Files.getPosixFilePermissions(target), hasItem(PosixFilePermission.OTHERS_READ));
    }
  }

  @Test
  void sweepDeletesOnlyTheTemporaryFilesAKilledWriterLeaves() throws IOException {
    Path target = dir.resolve("area/out.json");
    Path leftovers = dir.resolve("area/deeper");
    Files.createDirectories(leftovers);
    // what a process killed mid-write leaves: the writer's own temporary file, kept by copying
    // it out from inside the write
    AtomicFiles.write(target, out -> {
      try (Stream<Path> s = Files.list(target.getParent())) {
        for (Path p : s.filter(Files::isRegularFile).toList()) {
          assertThat(p + " is a temporary file", AtomicFiles.isTempFile(p), equalTo(true));
          Files.copy(p, leftovers.resolve(p.getFileName()));
        }
      }
      out.write('x');
    });
    assertThat(AtomicFiles.sweepStale(dir, "other"), empty());
    Files.writeString(dir.resolve("area/.notes.tmp"), "a user's file");
    Files.writeString(dir.resolve("area/run.12.tmp"), "a user's file");
    List<Path> swept = AtomicFiles.sweepStale(dir);
    assertThat(swept.size(), equalTo(1));
    assertThat(swept.get(0).getParent(), equalTo(leftovers));
    try (Stream<Path> s = Files.walk(dir)) {
      assertThat(s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted()
          .toList(), contains("area/.notes.tmp", "area/out.json", "area/run.12.tmp"));
    }
    assertThat(AtomicFiles.sweepStale(dir.resolve("missing")), empty());
  }
}
