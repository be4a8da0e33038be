package org.darkflight.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A problem with an input file that the user must fix: names the file, the field (a JSON pointer,
 * column or cell) and the reason, and prints as one line.
 *
 * <p>Several problems found in one pass travel together ({@link #of(List)}): the first is this
 * exception's file, field and reason; {@link #problems()} lists them all (at most
 * {@link #MAX_LISTED} are printed, one per line, so that a user fixes a file in one round).
 */
public final class InputException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Most problems listed in one message; the rest are counted. */
  public static final int MAX_LISTED = 20;

  private final String file;
  private final String field;
  private final String reason;
  private final transient List<InputException> problems;

  public InputException(String file, String field, String reason) {
    this(file, field, reason, null);
  }

  public InputException(String file, String field, String reason, Throwable cause) {
    super(format(file, field, reason), cause);
    this.file = file;
    this.field = field;
    this.reason = reason;
    this.problems = List.of(this);
  }

  public InputException(Path file, String field, String reason) {
    this(String.valueOf(file), field, reason, null);
  }

  public InputException(Path file, String field, String reason, Throwable cause) {
    this(String.valueOf(file), field, reason, cause);
  }

  private InputException(List<InputException> all) {
    super(lines(all));
    InputException first = all.get(0);
    this.file = first.file;
    this.field = first.field;
    this.reason = first.reason;
    this.problems = List.copyOf(all);
  }

  /**
   * One exception for every problem found: the single problem itself, or one whose message lists
   * the first {@link #MAX_LISTED}, one per line, and counts the rest.
   *
   * @throws IllegalArgumentException when {@code problems} is empty
   */
  public static InputException of(List<InputException> problems) {
    List<InputException> flat = new ArrayList<>();
    for (InputException p : problems) {
      flat.addAll(p.problems());
    }
    if (flat.isEmpty()) {
      throw new IllegalArgumentException("no problems to report");
    }
    return flat.size() == 1 ? flat.get(0) : new InputException(flat);
  }

  private static String lines(List<InputException> all) {
    StringBuilder sb = new StringBuilder();
    int shown = Math.min(all.size(), MAX_LISTED);
    for (int i = 0; i < shown; i++) {
      if (i > 0) {
        sb.append('\n');
      }
      sb.append(all.get(i).getMessage());
    }
    if (all.size() > shown) {
      sb.append('\n').append("(and ").append(all.size() - shown)
          .append(" more problems; fix these first)");
    }
    return sb.toString();
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

  /** Every problem this exception reports (itself alone when it is a single problem). */
  public List<InputException> problems() {
    return problems == null ? List.of(this) : problems;
  }

  /** The message's lines: one per problem listed (one line for a single problem). */
  public List<String> messageLines() {
    return List.of(getMessage().split("\n"));
  }
}
