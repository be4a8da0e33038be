package org.darkflight.io.netcdf;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.darkflight.io.InputException;
import org.darkflight.io.atmos.source.SourceRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classic-header walk before netCDF-Java opens a file ({@link Netcdf3Header}): the shipped
 * files pass; the fuzzing finding (docs/reliability.md "Fuzzing", a 6 kB file that took 10–110 s
 * and gigabytes of heap to refuse) and a hand-made header declaring a 2 GB name are refused at
 * once, as truncated or corrupt. The timeout guards a hang; it is not a performance figure.
 */
class Netcdf3HeaderTest {

  static final SourceRequest REQUEST = new SourceRequest(Instant.parse("2003-03-27T05:50:26Z"),
      41.48, -87.68);

  @TempDir
  Path dir;

  @Test
  void shippedFilesPass() throws Exception {
    for (String f : new String[] {"era5_pl_20030327.nc", "gfs_0p25_20030327.nc",
        "hrrr_prs_20030327.nc"}) {
      Netcdf3Header.check(Path.of("../testdata/atmos", f));
    }
  }

  @Test
  void theFuzzingFindingIsRefusedAtOnce() {
    Path f = Path.of("src/test/resources/org/darkflight/io/fuzz/NetcdfFuzzTestInputs/fuzz/"
        + "finding-1-huge-declared-length.nc");
    InputException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> assertThrows(InputException.class, () -> NwpNetcdfReader.read(f, REQUEST, "t")));
    assertThat(e.getMessage(), containsString("truncated or corrupt"));
    assertThat(e.getMessage(), containsString("bytes left in the file"));
  }

  /**
   * Fuzzing finding 5: a mutated GFS sample whose header places variable 6 (v wind) at byte
   * -167769360; netCDF-Java read it into an AssertionError (with -ea) from its layout code.
   */
  @Test
  void dataPlacedOutsideTheFileIsRefusedNamingTheVariable() {
    Path f = Path.of("src/test/resources/org/darkflight/io/fuzz/NetcdfFuzzTestInputs/fuzz/"
        + "finding-5-variable-data-outside-the-file.nc");
    InputException e = assertThrows(InputException.class,
        () -> NwpNetcdfReader.read(f, REQUEST, "t"));
    assertThat(e.getMessage(), containsString("truncated or corrupt"));
    assertThat(e.getMessage(), containsString("the data of variable 6 at byte -167769360"));
  }

  @Test
  void dataRunningPastTheEndIsTruncated() throws Exception {
    byte[] full = Files.readAllBytes(Path.of("../testdata/atmos/gfs_0p25_20030327.nc"));
    Path f = dir.resolve("short-data.nc");
    Files.write(f, java.util.Arrays.copyOf(full, full.length - 8));
    InputException e = assertThrows(InputException.class, () -> Netcdf3Header.check(f));
    assertThat(e.getMessage(), containsString("truncated or corrupt"));
    assertThat(e.getMessage(), containsString("the data of variable"));
  }

  @Test
  void aTwoGigabyteNameIsRefusedNamingIt() throws Exception {
    ByteBuffer b = ByteBuffer.allocate(64);
    b.put(new byte[] {'C', 'D', 'F', 1}).putInt(0); // magic, numrecs
    b.putInt(0x0A).putInt(1); // one dimension
    b.putInt(0x7fff_fff0); // its name: 2 GB
    Path f = dir.resolve("huge-name.nc");
    Files.write(f, b.array());
    InputException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> assertThrows(InputException.class, () -> NwpNetcdfReader.read(f, REQUEST, "t")));
    assertThat(e.getMessage(), containsString("name length of dimension 0"));
    assertThat(e.getMessage(), containsString("truncated or corrupt"));
  }

  @Test
  void aHeaderCutShortIsTruncated() throws Exception {
    byte[] full = Files.readAllBytes(Path.of("../testdata/atmos/gfs_0p25_20030327.nc"));
    Path f = dir.resolve("cut.nc");
    Files.write(f, java.util.Arrays.copyOf(full, 60));
    InputException e = assertThrows(InputException.class, () -> Netcdf3Header.check(f));
    assertThat(e.getMessage(), containsString("truncated or corrupt"));
  }
}
