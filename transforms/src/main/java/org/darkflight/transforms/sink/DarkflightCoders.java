package org.darkflight.transforms.sink;

import java.util.List;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviderRegistrar;

/**
 * Registers the coders of domain values that travel through the ensemble graph but, living in
 * the Beam-free analysis module, cannot carry a {@code @DefaultCoder} annotation themselves.
 * Beam finds this class with {@link java.util.ServiceLoader} when it builds a pipeline's
 * {@code CoderRegistry} ({@code META-INF/services/org.apache.beam.sdk.coders.CoderProviderRegistrar}).
 */
public final class DarkflightCoders implements CoderProviderRegistrar {

  @Override
  public List<CoderProvider> getCoderProviders() {
    return List.of(EnsembleSampleCoder.getCoderProvider());
  }
}
