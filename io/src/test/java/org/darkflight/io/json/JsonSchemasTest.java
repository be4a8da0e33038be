package org.darkflight.io.json;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.darkflight.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonSchemasTest {

  @TempDir Path dir;

  private Path write(String content) throws IOException {
    Path f = dir.resolve("in.json");
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return f;
  }

  private InputException bad(String content) throws IOException {
    Path f = write(content);
    return assertThrows(InputException.class, () -> JsonSchemas.readValidated(f, "test-sample"));
  }

  @Test
  void validDocumentIsReturned() throws Exception {
    Path f = write("{\"name\":\"x\",\"time_utc\":\"2003-03-27T05:50:26Z\","
        + "\"point\":{\"lat\":41.5,\"lon\":-87.7}}");
    JsonNode node = JsonSchemas.readValidated(f, "test-sample");
    assertThat(node.at("/point/lat").doubleValue(), equalTo(41.5));
  }

  @Test
  void missingNestedPropertyNamesItsPointer() throws Exception {
    InputException e = bad("{\"name\":\"x\",\"point\":{\"lat\":1}}");
    assertThat(e.field(), equalTo("/point/lon"));
    assertThat(e.reason(), containsString("required"));
    assertThat(e.file(), containsString("in.json"));
  }

  @Test
  void outOfRangeValueNamesItsPointer() throws Exception {
    InputException e = bad("{\"name\":\"x\",\"point\":{\"lat\":91,\"lon\":0}}");
    assertThat(e.field(), equalTo("/point/lat"));
    assertThat(e.reason(), containsString("90"));
  }

  @Test
  void wrongTypeIsRejected() throws Exception {
    InputException e = bad("{\"name\":\"x\",\"point\":{\"lat\":\"north\",\"lon\":0}}");
    assertThat(e.field(), equalTo("/point/lat"));
  }

  @Test
  void unknownPropertyNamesItsPointer() throws Exception {
    InputException e = bad("{\"name\":\"x\",\"point\":{\"lat\":1,\"lon\":0,\"alt\":3}}");
    assertThat(e.field(), equalTo("/point/alt"));
  }

  @Test
  void badDateTimeFormatIsAsserted() throws Exception {
    InputException e = bad("{\"name\":\"x\",\"time_utc\":\"yesterday\","
        + "\"point\":{\"lat\":1,\"lon\":0}}");
    assertThat(e.field(), equalTo("/time_utc"));
  }

  @Test
  void duplicateKeyIsMalformed() throws Exception {
    InputException e = bad("{\"name\":\"x\",\"name\":\"y\",\"point\":{\"lat\":1,\"lon\":0}}");
    assertThat(e.field(), startsWith("line 1, column"));
    assertThat(e.reason(), containsString("Duplicate field 'name'"));
  }

  @Test
  void nanLiteralIsMalformed() throws Exception {
    InputException e = bad("{\"name\":\"x\",\"point\":{\"lat\":NaN,\"lon\":0}}");
    assertThat(e.reason(), startsWith("malformed JSON"));
  }

  @Test
  void trailingTokensAreMalformed() throws Exception {
    InputException e = bad("{\"name\":\"x\",\"point\":{\"lat\":1,\"lon\":0}} {}");
    assertThat(e.reason(), startsWith("malformed JSON"));
  }

  @Test
  void truncatedFileReportsLineAndColumn() throws Exception {
    InputException e = bad("{\n  \"name\": \"x\",\n  \"point\": {\"lat\": 1");
    assertThat(e.field(), startsWith("line 3"));
  }

  @Test
  void emptyFileIsRejected() throws Exception {
    InputException e = bad("   \n");
    assertThat(e.reason(), containsString("empty"));
  }

  @Test
  void missingFileIsRejected() {
    Path f = dir.resolve("absent.json");
    InputException e = assertThrows(InputException.class,
        () -> JsonSchemas.readValidated(f, "test-sample"));
    assertThat(e.getMessage(), equalTo(f + ": file not found"));
  }

  @Test
  void allViolationsAreListed() throws Exception {
    JsonNode node = JsonSchemas.parse(
        "{\"point\":{\"lat\":100,\"lon\":0}}".getBytes(StandardCharsets.UTF_8), "mem");
    assertThat(JsonSchemas.violations(node, "test-sample"), hasSize(2));
    InputException e = assertThrows(InputException.class,
        () -> JsonSchemas.validateAll(node, "test-sample", "mem"));
    assertThat(e.reason(), containsString("/name"));
    assertThat(e.reason(), containsString("/point/lat"));
    assertThat(e.getMessage().contains("\n"), equalTo(false));
  }

  @Test
  void fileOfAnotherKindIsNamedByItsSchema() throws Exception {
    InputException e = bad("{\"$schema\":\"https://darkflight.org/schemas/event.schema.json\","
        + "\"name\":\"x\",\"point\":{\"lat\":1,\"lon\":0}}");
    assertThat(e.field(), equalTo("/$schema"));
    assertThat(e.reason(), containsString("test-sample.schema.json is expected"));
  }

  @Test
  void unknownSchemaIsAProgrammingError() {
    assertThrows(IllegalArgumentException.class, () -> JsonSchemas.schema("no-such-thing"));
  }
}
