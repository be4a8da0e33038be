package org.darkflight.physics.legacy;

/**
 * The readouts of the JÖRMUNGANDR v.42 workbook (sheet {@code particle parameters}).
 *
 * @param displacementEastM   E7 = lateral displacement!AA12, eastward displacement, m
 * @param displacementNorthM  F7 = lateral displacement!AC12, northward displacement, m
 * @param endEastingM         B8 = B6 + E7, UTM easting of the landing point, m
 * @param endNorthingM        C8 = C6 + F7, UTM northing of the landing point, m
 * @param fallTimeS           B12 = vertical grid!G13, time spent inside the altitude window, s
 * @param maxFallSpeedMps     B13 = Vz!AR4, largest vertical speed inside the window, m/s
 * @param crossSectionM2      F19, the cross-section the workbook uses, m²
 * @param groundTerminalVelocityMps Vz!X1, second-iteration terminal velocity at profile row 1,
 *                            m/s
 * @param rowsInWindow        number of profile rows inside the window (vertical grid!J TRUE)
 */
public record FriesV42Result(
    double displacementEastM,
    double displacementNorthM,
    double endEastingM,
    double endNorthingM,
    double fallTimeS,
    double maxFallSpeedMps,
    double crossSectionM2,
    double groundTerminalVelocityMps,
    int rowsInWindow) {}
