package org.darkflight.io.meta;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The build's provenance that every artifact records ({@code git_commit}, {@code producer}). */
class ProducerTest {

  @Test
  void gitCommitIsTheCommitOfTheCheckoutBuilt() throws Exception {
    String head = git("rev-parse", "HEAD");
    String commit = Producer.gitCommit();
    if (head == null) {
      assertThat("built outside a git checkout", commit, is(Producer.UNKNOWN_COMMIT));
      return;
    }
    assertThat(commit, matchesPattern("[0-9a-f]{40}(-dirty)?"));
    assertThat(commit.substring(0, 40), equalTo(head));
  }

  @Test
  void producerNameCarriesTheProjectVersion() {
    String version = Producer.projectVersion();
    assertThat("build.properties is written at build time", version, notNullValue());
    assertThat(Producer.NAME, equalTo("darkflight " + version.replace("-SNAPSHOT", "")));
  }

  /** Output of a git command in the working directory, or null when it fails. */
  private static String git(String... args) throws Exception {
    String[] cmd = new String[args.length + 1];
    cmd[0] = "git";
    System.arraycopy(args, 0, cmd, 1, args.length);
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (java.io.IOException e) {
      return null;
    }
    String out;
    try (InputStream in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
    return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
  }
}
