package org.darkflight.io.searchplan;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import org.darkflight.io.geo.GeoNumbers;

/**
 * The sentences of a search plan shown to people (GPX names and descriptions, KML balloons), in
 * one place so that the GPX, the KML and the report say the same thing. Numbers in
 * {@link Locale#ROOT}; names meant for a GPS display are plain ASCII ({@link #ascii}).
 */
public final class SearchPlanText {

  private SearchPlanText() {}

  /** The plan in a paragraph. */
  public static String plan(SearchPlan plan) {
    SearchPlan.Settings s = plan.settings();
    StringBuilder d = new StringBuilder();
    d.append("Search plan for event ").append(plan.run().eventId()).append(" (run ")
        .append(plan.run().runId()).append("): per mass class, the smallest areas holding ")
        .append(levels(s.levels())).append(" of the simulated landings, and walking transects ")
        .append(String.format(Locale.ROOT, "every %s m across each %s area, running at azimuth "
            + "%.1f deg (%s the strewn field's axis at %.1f deg). ",
            GeoNumbers.quantity(s.transectSpacingM()), percent(s.transectLevel()),
            s.transectAzimuthDeg(), s.orientation() == SearchPlan.Orientation.ACROSS ? "across"
                : "along", s.fieldAxisAzimuthDeg()));
    d.append(String.format(Locale.ROOT, "Walking times are for one searcher at %s km/h; a team "
        + "walking abreast at the transect spacing divides them by its size. ",
        GeoNumbers.quantity(s.walkingSpeedKmh())));
    long nominal = plan.waypoints().stream()
        .filter(w -> w.kind() == SearchPlan.WaypointKind.NOMINAL_LANDING).count();
    d.append("Waypoints: ").append(nominal > 0
        ? nominal + " nominal landings of the run's fragments"
        : plan.waypoints().size() + " density modes (no nominal landing available)");
    d.append(". Method and fields: docs/outputs.md of Darkflight.");
    return d.toString();
  }

  /** Short name of a track, e.g. {@code "90% 1 g-10 g"} or {@code "90% 1 g-10 g (2/3)"}. */
  public static String trackName(SearchPlan.Track t) {
    return percent(t.probability()) + " " + ascii(t.massClass())
        + (t.parts() > 1 ? " (" + t.part() + "/" + t.parts() + ")" : "");
  }

  /** Area, transect length, hops and walking time of a track. */
  public static String track(SearchPlan.Settings s, SearchPlan.Track t) {
    return String.format(Locale.ROOT, "Search transects across the %s search area of mass "
        + "class %s%s: area %.3f km2 (%.1f ha); %d legs every %s m, %.2f km of transects plus "
        + "%.2f km between legs; about %.1f h of walking at %s km/h for one searcher. Walk the "
        + "track segments in order; each starts where the previous one ended or close to it.",
        percent(t.probability()), t.massClass(),
        t.parts() > 1 ? " (part " + t.part() + " of " + t.parts() + ")" : "",
        t.partAreaM2() / 1e6, t.partAreaM2() / 1e4, t.legs().size(),
        GeoNumbers.quantity(s.transectSpacingM()), t.transectLengthM() / 1000,
        t.hopLengthM() / 1000, s.walkingTimeH(t.transectLengthM() + t.hopLengthM()),
        GeoNumbers.quantity(s.walkingSpeedKmh()));
  }

  /** Short comment of a waypoint (sent to the GPS). */
  public static String waypointComment(SearchPlan.Waypoint w) {
    return w.kind() == SearchPlan.WaypointKind.NOMINAL_LANDING
        ? "nominal landing, " + ascii(mass(w.massFinalKg()))
        : "density mode " + ascii(w.massClass());
  }

  /** Description of a waypoint. */
  public static String waypoint(SearchPlan.Waypoint w) {
    if (w.kind() == SearchPlan.WaypointKind.NOMINAL_LANDING) {
      return "Nominal landing of fragment " + w.fragmentId() + " (" + mass(w.massInitialKg())
          + " at the end of luminous flight, " + mass(w.massFinalKg()) + " at the ground, mass "
          + "class " + w.massClass() + "), flown with the unperturbed inputs.";
    }
    return "Highest simulated landing density of mass class " + w.massClass()
        + " (no nominal landing was available).";
  }

  /** A mass in g below 1 kg, else in kg, 3 significant digits; "unknown mass" for NaN. */
  public static String mass(double kg) {
    if (Double.isNaN(kg)) {
      return "unknown mass";
    }
    return kg < 1 ? sig3(kg * 1000) + " g" : sig3(kg) + " kg";
  }

  /** {@code p} as a percentage, e.g. {@code 0.9 → "90%"}. */
  public static String percent(double p) {
    return GeoNumbers.quantity(100 * p) + "%";
  }

  /**
   * Text for a GPS display: typographic dashes and signs become ASCII, anything else outside
   * printable ASCII becomes {@code _}.
   */
  public static String ascii(String s) {
    String t = s.replace('\u2013', '-').replace('\u2014', '-').replace("\u2265", ">=")
        .replace("\u2264", "<=");
    StringBuilder out = new StringBuilder(t.length());
    t.codePoints().forEach(cp -> out.append(cp >= 0x20 && cp < 0x7f ? (char) cp : '_'));
    return out.toString();
  }

  private static String sig3(double v) {
    return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
  }

  private static String levels(List<Double> levels) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < levels.size(); i++) {
      s.append(i == 0 ? "" : i == levels.size() - 1 ? " and " : ", ")
          .append(percent(levels.get(i)));
    }
    return s.toString();
  }
}
