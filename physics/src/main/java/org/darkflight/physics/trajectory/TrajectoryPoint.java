package org.darkflight.physics.trajectory;

/**
 * One recorded sample of a trajectory.
 *
 * @param timeS             time since the luminous end, s
 * @param latitudeDeg       geodetic latitude, WGS84, degrees
 * @param longitudeDeg      longitude, WGS84, degrees (-180, 180]
 * @param heightM           height above the WGS84 ellipsoid, m
 * @param velocityEastMps   ground-relative velocity, east component, m/s
 * @param velocityNorthMps  ground-relative velocity, north component, m/s
 * @param velocityUpMps     ground-relative velocity, up component, m/s
 * @param speedMps          ground-relative speed, m/s
 * @param massKg            mass, kg
 * @param mach              Mach number of the speed relative to the air
 * @param dragCoefficient   drag coefficient in use
 */
public record TrajectoryPoint(
    double timeS,
    double latitudeDeg,
    double longitudeDeg,
    double heightM,
    double velocityEastMps,
    double velocityNorthMps,
    double velocityUpMps,
    double speedMps,
    double massKg,
    double mach,
    double dragCoefficient) {}
