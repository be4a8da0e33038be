package org.darkflight.pipeline.run;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.darkflight.io.Hashing;
import org.darkflight.io.InputException;
import org.darkflight.io.run.OutputManifestDocument;

/**
 * The check every command that reads a run directory ({@code report}, {@code search-plan},
 * {@code sensitivity --run}, {@code validate --run-dir}) makes first: the directory is one
 * finished run (issue 19 §4). Its {@code output_manifest.json}, written last, is the completion
 * marker; every artifact the manifest lists must be there with the SHA-256 it records, and a
 * {@code darkflight process} manifest must say {@code complete}. Anything else is refused with
 * one line (exit 2) that says what is wrong and what to do.
 */
public final class FinishedRun {

  private FinishedRun() {}

  /**
   * Checks that {@code dir} is a finished run. A directory that does
   * not exist passes unless a killed publication left its previous run aside (the command's own
   * check then names what it misses).
   *
   * @throws InputException naming the directory and what makes it unfinished
   */
  public static void require(Path dir) throws InputException {
    Path abs = dir.toAbsolutePath().normalize();
    if (!Files.exists(abs)) {
      Path aside = asideOf(abs);
      if (aside != null) {
        throw new InputException(dir, "", "not a finished run: a run publishing into it was "
            + "killed; its previous run is in " + aside.getFileName() + " beside it, and the "
            + "next darkflight run --out " + dir + " puts it back (or replaces it)");
      }
      return;
    }
    if (!Files.isDirectory(abs)) {
      throw new InputException(dir, "", "not a directory (give the output directory of "
          + "darkflight run)");
    }
    Path manifestFile = abs.resolve(OutputManifestDocument.FILE);
    if (!Files.isRegularFile(manifestFile)) {
      throw new InputException(dir, "", "not a finished run: it has no "
          + OutputManifestDocument.FILE + ", which a run writes last (the run was killed or "
          + "failed, or this is not a darkflight run directory); run darkflight run again");
    }
    OutputManifestDocument m = OutputManifestDocument.read(manifestFile);
    if (m.run() instanceof OutputManifestDocument.ProcessRunSummary p
        && !"complete".equals(p.status())) {
      throw new InputException(manifestFile, "run.status", "not a finished run: the process "
          + "run recorded here is '" + p.status() + "'; run darkflight process again");
    }
    if (m.artifacts() == null || m.run() instanceof OutputManifestDocument.ProcessRunSummary) {
      // process manifests list paths relative to the project root, not to this directory
      return;
    }
    for (OutputManifestDocument.Artifact a : m.artifacts()) {
      Path f = abs.resolve(a.path()).normalize();
      String problem = null;
      if (!f.startsWith(abs)) {
        problem = "lists " + a.path() + ", which is outside the run directory";
      } else if (!Files.isRegularFile(f)) {
        problem = "lists " + a.path() + ", which is missing";
      } else {
        try {
          if (!Hashing.sha256Hex(f).equals(a.sha256())) {
            problem = "lists " + a.path() + " with another SHA-256 than the file has";
          }
        } catch (IOException e) {
          problem = "lists " + a.path() + ", which cannot be read (" + e.getMessage() + ")";
        }
      }
      if (problem != null) {
        throw new InputException(manifestFile, "artifacts", "not one whole run: the manifest "
            + problem + " (a write into the directory was interrupted, or the file was "
            + "edited); run darkflight run again");
      }
    }
  }

  /** The previous run a killed publication moved aside ({@code .NAME.old-PID}), or null. */
  private static Path asideOf(Path out) {
    Path parent = out.getParent();
    if (parent == null || out.getFileName() == null || !Files.isDirectory(parent)) {
      return null;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(parent,
        "." + out.getFileName() + RunStaging.OLD + "*")) {
      for (Path p : s) {
        return p;
      }
    } catch (IOException e) {
      return null;
    }
    return null;
  }
}
