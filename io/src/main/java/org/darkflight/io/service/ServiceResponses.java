package org.darkflight.io.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The JSON bodies of the HTTP simulation service (docs/service.md, {@code openapi.json}), written
 * with {@link org.darkflight.io.json.Json#mapper()} (sorted keys, one line).
 */
public final class ServiceResponses {

  private ServiceResponses() {}

  /**
   * The answer to {@code POST /simulate}.
   *
   * @param samples             samples run (count)
   * @param landed              samples that landed (count)
   * @param failed              samples that failed (count)
   * @param failureReasons      failed samples by reason (count)
   * @param ellipses90          the 90 % ellipse of each drawable mass class
   * @param runtimeS            wall time of the simulation, s
   * @param strewnFieldPoints   the run's {@code strewn_field_points.geojson}
   * @param uncertaintyEllipses the run's {@code uncertainty_ellipses.geojson}
   */
  public record Simulation(
      @JsonProperty("samples") long samples,
      @JsonProperty("landed") long landed,
      @JsonProperty("failed") long failed,
      @JsonProperty("failure_reasons") SortedMap<String, Long> failureReasons,
      @JsonProperty("ellipses_90") List<Ellipse90> ellipses90,
      @JsonProperty("runtime_s") double runtimeS,
      @JsonProperty("strewn_field_points") JsonNode strewnFieldPoints,
      @JsonProperty("uncertainty_ellipses") JsonNode uncertaintyEllipses) {

    public Simulation {
      failureReasons = new TreeMap<>(failureReasons);
      ellipses90 = List.copyOf(ellipses90);
    }

    /** With the reasons given as any map. */
    public static Simulation of(long samples, long landed, long failed,
        Map<String, Long> failureReasons, List<Ellipse90> ellipses90, double runtimeS,
        JsonNode points, JsonNode ellipses) {
      return new Simulation(samples, landed, failed, new TreeMap<>(failureReasons), ellipses90,
          runtimeS, points, ellipses);
    }
  }

  /**
   * One mass class's 90 % ellipse.
   *
   * @param massClass      mass class label
   * @param samples        landings of the class (count)
   * @param semiMajorAxisM semi-major axis, m
   * @param semiMinorAxisM semi-minor axis, m
   * @param orientationDeg azimuth of the major axis, degrees clockwise from north
   */
  public record Ellipse90(
      @JsonProperty("mass_class") String massClass,
      @JsonProperty("samples") long samples,
      @JsonProperty("semi_major_axis_m") double semiMajorAxisM,
      @JsonProperty("semi_minor_axis_m") double semiMinorAxisM,
      @JsonProperty("orientation_deg") double orientationDeg) {}

  /**
   * The answer to {@code GET /healthz}.
   *
   * @param status    {@code ok}
   * @param freeSlots simulation slots free now (count)
   */
  public record Health(
      @JsonProperty("status") String status,
      @JsonProperty("free_slots") int freeSlots) {}

  /**
   * A problem, explained.
   *
   * @param error   machine-readable code, e.g. {@code invalid_input}
   * @param message one line a user understands
   */
  public record Error(
      @JsonProperty("error") String error,
      @JsonProperty("message") String message) {}
}
