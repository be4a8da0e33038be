package org.darkflight.io.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.darkflight.io.InputException;

/**
 * Helpers for turning a schema-validated tree into Jackson records and domain values, mapping
 * every failure to an {@link InputException} naming the file and the JSON pointer.
 */
public final class Binding {

  private Binding() {}

  /** A value computed from input that may throw {@link IllegalArgumentException}. */
  @FunctionalInterface
  public interface Builder<T> {
    T build();
  }

  /**
   * Binds {@code node} to {@code type} with {@link Json#mapper()}.
   *
   * @throws InputException naming the path Jackson reports when binding fails
   */
  public static <T> T bind(JsonNode node, Class<T> type, String file) throws InputException {
    try {
      return Json.mapper().treeToValue(node, type);
    } catch (JsonMappingException e) {
      throw new InputException(file, pointer(e), e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      throw new InputException(file, "/", e.getOriginalMessage(), e);
    } catch (IllegalArgumentException e) {
      // A record's compact constructor rejected the values.
      Throwable c = e.getCause() == null ? e : e.getCause();
      throw new InputException(file, "/", String.valueOf(c.getMessage()), e);
    }
  }

  /**
   * Runs {@code builder} (typically a record constructor with validation) and maps an
   * {@link IllegalArgumentException} to an {@link InputException} at {@code pointer}.
   */
  public static <T> T build(String file, String pointer, Builder<T> builder)
      throws InputException {
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new InputException(file, pointer, String.valueOf(e.getMessage()), e);
    }
  }

  /** The JSON pointer of the path in a Jackson mapping exception. */
  static String pointer(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      sb.append('/');
      if (ref.getFieldName() != null) {
        sb.append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
      } else {
        sb.append(ref.getIndex());
      }
    }
    return sb.length() == 0 ? "/" : sb.toString();
  }
}
