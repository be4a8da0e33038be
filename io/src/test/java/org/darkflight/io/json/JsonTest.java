package org.darkflight.io.json;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  record Sample(String zeta, double alpha, Instant time) {}

  @Test
  void roundedDecimalPrintsFixedDecimals() throws Exception {
    assertThat(Json.mapper().writeValueAsString(Json.roundedDecimal(41.5, 6)),
        equalTo("41.500000"));
    assertThat(Json.roundedDecimal(-87.12345649, 6).toPlainString(), equalTo("-87.123456"));
    assertThat(Json.roundedDecimal(-87.12345651, 6).toPlainString(), equalTo("-87.123457"));
    assertThat(Json.roundedDecimal(0.125, 2).toPlainString(), equalTo("0.13"));
    assertThat(Json.roundedDecimal(2.5, 0).toPlainString(), equalTo("3"));
    assertThat(Json.roundedDecimal(1e-7, 9).toPlainString(), equalTo("0.000000100"));
  }

  @Test
  void roundedSignificantKeepsDigitsWithoutExponent() throws Exception {
    assertThat(Json.roundedSignificant(0.0000123456789, 4).toPlainString(), equalTo("0.00001235"));
    assertThat(Json.mapper().writeValueAsString(Json.roundedSignificant(101325.0, 4)),
        equalTo("101300"));
    assertThat(Json.roundedSignificant(0.0, 4).toPlainString(), equalTo("0"));
    assertThrows(IllegalArgumentException.class, () -> Json.roundedSignificant(Double.NaN, 4));
  }

  @Test
  void roundedDecimalHasNoNegativeZero() {
    assertThat(Json.roundedDecimal(-1e-9, 6).toPlainString(), equalTo("0.000000"));
  }

  @Test
  void roundedDecimalRejectsNonFinite() {
    assertThrows(IllegalArgumentException.class, () -> Json.roundedDecimal(Double.NaN, 3));
    assertThrows(IllegalArgumentException.class,
        () -> Json.roundedDecimal(Double.POSITIVE_INFINITY, 3));
  }

  @Test
  void canonicalTreeOutputHasSortedKeysAndUnixNewlines() throws Exception {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("zeta", 1);
    n.set("lat", Json.roundedNode(41.1, 6));
    n.put("$schema", "s");
    String text = Json.toCanonicalString(n);
    assertThat(text, equalTo("{\n  \"$schema\": \"s\",\n  \"lat\": 41.100000,\n  \"zeta\": 1\n}\n"));
  }

  @Test
  void canonicalOutputDoesNotDependOnMapInsertionOrder() throws Exception {
    Map<String, Integer> a = new LinkedHashMap<>();
    a.put("b", 2);
    a.put("a", 1);
    Map<String, Integer> b = new HashMap<>();
    b.put("a", 1);
    b.put("b", 2);
    assertThat(Json.toCanonicalString(a), equalTo(Json.toCanonicalString(b)));
    assertThat(Json.toCanonicalString(a), equalTo("{\n  \"a\": 1,\n  \"b\": 2\n}\n"));
  }

  @Test
  void recordsAreWrittenWithSortedPropertiesAndIsoTimes() throws Exception {
    String text = Json.toCanonicalString(
        new Sample("z", 1.5, Instant.parse("2003-03-27T05:50:26Z")));
    assertThat(text, equalTo(
        "{\n  \"alpha\": 1.5,\n  \"time\": \"2003-03-27T05:50:26Z\",\n  \"zeta\": \"z\"\n}\n"));
  }

  @Test
  void recordsReadBackStrictly() throws Exception {
    Sample s = Json.mapper().readValue(
        "{\"zeta\":\"z\",\"alpha\":1.5,\"time\":\"2003-03-27T05:50:26Z\"}", Sample.class);
    assertThat(s.time(), equalTo(Instant.parse("2003-03-27T05:50:26Z")));
    assertThrows(Exception.class, () -> Json.mapper().readValue(
        "{\"zeta\":\"z\",\"alpha\":1.5,\"time\":\"2003-03-27T05:50:26Z\",\"extra\":1}",
        Sample.class));
    assertThrows(Exception.class, () -> Json.mapper().readValue(
        "{\"zeta\":\"z\",\"alpha\":null}", Sample.class));
  }
}
