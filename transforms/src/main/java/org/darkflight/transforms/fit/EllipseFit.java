package org.darkflight.transforms.fit;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;

/**
 * The landing scatter of one mass class in the event's east/north plane: sample count, mean and
 * unbiased covariance (NaN covariance when fewer than 2 samples).
 */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class EllipseFit {

  public abstract int getMassClassIndex();

  public abstract long getCount();

  public abstract double getMeanEastM();

  public abstract double getMeanNorthM();

  public abstract double getCovEeM2();

  public abstract double getCovEnM2();

  public abstract double getCovNnM2();

  public static EllipseFit of(int massClassIndex, ExactMoments m) {
    return new AutoValue_EllipseFit(massClassIndex, m.count(), m.meanEastM(), m.meanNorthM(),
        m.covarianceEeM2(), m.covarianceEnM2(), m.covarianceNnM2());
  }
}
