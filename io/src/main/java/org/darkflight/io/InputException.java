package org.darkflight.io;

import java.nio.file.Path;

/**
 * A problem with an input file that the user must fix: names the file, the field (a JSON pointer,
 * column or cell) and the reason, and prints as one line.
 */
public final class InputException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final String field;
  private final String reason;

  public InputException(String file, String field, String reason) {
    this(file, field, reason, null);
  }

  public InputException(String file, String field, String reason, Throwable cause) {
    super(format(file, field, reason), cause);
    this.file = file;
    this.field = field;
    this.reason = reason;
  }

  public InputException(Path file, String field, String reason) {
    this(String.valueOf(file), field, reason, null);
  }

  public InputException(Path file, String field, String reason, Throwable cause) {
    this(String.valueOf(file), field, reason, cause);
  }

  private static String format(String file, String field, String reason) {
    String where = (field == null || field.isEmpty()) ? file : file + ": " + field;
    return (where + ": " + reason).replace('\n', ' ').replace('\r', ' ');
  }

  public String file() {
    return file;
  }

  public String field() {
    return field;
  }

  public String reason() {
    return reason;
  }
}
