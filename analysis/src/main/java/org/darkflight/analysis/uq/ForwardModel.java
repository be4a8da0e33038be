package org.darkflight.analysis.uq;

/** Predicted landing (latitude, longitude in degrees) of a fragment of a mass under parameters. */
@FunctionalInterface
public interface ForwardModel {

  /**
   * @param parameters values in {@link CalibrationParameter} order
   * @return {latitudeDeg, longitudeDeg}
   */
  double[] landing(double[] parameters, double massKg);
}
