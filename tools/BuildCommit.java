import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Build step (run by the io module's exec-maven-plugin at generate-resources, with Java's
 * single-file source launcher): writes {@code build.properties} with the project version and the
 * git commit of the checkout being built, which {@code org.darkflight.io.meta.Producer} reads and
 * every artifact records as {@code git_commit}.
 *
 * <p>Usage: {@code java tools/BuildCommit.java TARGET_FILE PROJECT_VERSION CHECKOUT_DIR}.
 * {@code git.commit} is {@code git rev-parse HEAD}, with {@code -dirty} appended when tracked
 * files differ from that commit; {@code unknown} when the directory is not a git checkout or git
 * is not installed. Never fails the build.
 */
public final class BuildCommit {

  private BuildCommit() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 3) {
      throw new IllegalArgumentException(
          "usage: BuildCommit TARGET_FILE PROJECT_VERSION CHECKOUT_DIR");
    }
    Path target = Path.of(args[0]);
    String commit = git(args[2], "rev-parse", "HEAD");
    if (commit == null || !commit.matches("[0-9a-f]{40}")) {
      commit = "unknown";
    } else {
      String status = git(args[2], "status", "--porcelain", "--untracked-files=no");
      if (status == null) {
        commit = "unknown";
      } else if (!status.isEmpty()) {
        commit = commit + "-dirty";
      }
    }
    Files.createDirectories(target.getParent());
    String text = "# written by tools/BuildCommit.java at build time\n"
        + "project.version=" + args[1] + "\n"
        + "git.commit=" + commit + "\n";
    Files.writeString(target, text, StandardCharsets.UTF_8);
    System.out.println("build.properties: git.commit=" + commit);
  }

  /** The trimmed standard output of a git command, or null when it fails. */
  private static String git(String dir, String... args) throws InterruptedException {
    String[] cmd = new String[args.length + 3];
    cmd[0] = "git";
    cmd[1] = "-C";
    cmd[2] = dir;
    System.arraycopy(args, 0, cmd, 3, args.length);
    try {
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      byte[] out;
      try (InputStream in = p.getInputStream()) {
        out = in.readAllBytes();
      }
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8).trim() : null;
    } catch (IOException e) {
      return null;
    }
  }
}
