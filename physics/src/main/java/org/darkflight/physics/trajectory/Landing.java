package org.darkflight.physics.trajectory;

import java.time.Instant;

/**
 * Where and how a fragment reaches the ground.
 *
 * @param latitudeDeg          geodetic latitude of impact, WGS84, degrees
 * @param longitudeDeg         longitude of impact, WGS84, degrees (-180, 180]
 * @param heightM              ground height above the ellipsoid, m
 * @param timeUtc              time of impact, UTC
 * @param fallTimeS            time from the luminous end to impact, s
 * @param impactSpeedMps       ground-relative speed at impact, m/s
 * @param terminalVelocityMps  still-air terminal velocity at the ground for the final mass,
 *                             √(2mg/(ρ·Cd·S)), m/s
 * @param massFinalKg          mass at impact, kg
 * @param driftDistanceM       ground distance from the point below the luminous end to the
 *                             impact, m (geodesic)
 * @param driftBearingDeg      bearing of that displacement clockwise from true north, degrees
 * @param impactEnergyJ        kinetic energy at impact, ½ m v², J
 * @param dragCoefficient      drag coefficient in use at impact (after cd_scale), or NaN when
 *                             the method does not report it (the legacy methods)
 */
public record Landing(
    double latitudeDeg,
    double longitudeDeg,
    double heightM,
    Instant timeUtc,
    double fallTimeS,
    double impactSpeedMps,
    double terminalVelocityMps,
    double massFinalKg,
    double driftDistanceM,
    double driftBearingDeg,
    double impactEnergyJ,
    double dragCoefficient) {}
