package org.darkflight.io.limits;

import java.nio.file.Path;
import org.darkflight.io.InputException;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.io.workbook.SafeWorkbooks;
import org.darkflight.io.workbook.WorkbookLimits;

/**
 * Reads one input in a JVM of its own (started by {@link MemoryBoundsTest} with {@code -Xmx1g}):
 * exit 0 read, 2 refused with an {@link InputException} (its message on stderr), 3 out of memory.
 */
public final class MemoryProbe {

  private MemoryProbe() {}

  /** {@code json FILE SCHEMA} or {@code xlsx FILE}. */
  public static void main(String[] args) {
    try {
      if (args[0].equals("json")) {
        JsonSchemas.readValidated(Path.of(args[1]), args[2]);
      } else {
        SafeWorkbooks.close(SafeWorkbooks.open(Path.of(args[1]), WorkbookLimits.defaults()));
      }
      System.exit(0);
    } catch (InputException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
    } catch (OutOfMemoryError e) {
      System.err.println("OutOfMemoryError");
      System.exit(3);
    }
  }
}
