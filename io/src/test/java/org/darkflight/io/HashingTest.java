package org.darkflight.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashingTest {

  // FIPS 180-4 example values (NIST CSRC "Examples with Intermediate Values", SHA-256)
  static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @Test
  void bytesTextAndFilesGiveTheStandardDigests(@TempDir Path dir) throws IOException {
    assertThat(Hashing.sha256Hex(new byte[0]), is(EMPTY));
    assertThat(Hashing.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII)), is(ABC));
    assertThat(Hashing.sha256Hex("abc"), is(ABC));
    Path f = Files.write(dir.resolve("abc.txt"), "abc".getBytes(StandardCharsets.US_ASCII));
    assertThat(Hashing.sha256Hex(f), is(ABC));
  }

  @Test
  void aLargeFileHashesLikeItsBytes(@TempDir Path dir) throws IOException {
    byte[] big = new byte[3 * 65536 + 17];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31 + 7);
    }
    Path f = Files.write(dir.resolve("big.bin"), big);
    assertThat(Hashing.sha256Hex(f), is(Hashing.sha256Hex(big)));
  }
}
