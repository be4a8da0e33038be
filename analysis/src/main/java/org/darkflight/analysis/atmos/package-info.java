/**
 * AtmoFusion: merges radiosondes, weather-model profiles and radar VAD winds into one profile on
 * one altitude grid, fills gaps and the top with the US Standard Atmosphere 1976, smooths
 * excessive shear, flags outliers, propagates per-level uncertainty, and writes
 * {@code wind_profile_compiled.json}, {@code vertical_grid.json} and {@code atmos_qc.json}.
 * Plain Java (no Beam): the fused profile is a side input of the ensemble.
 */
package org.darkflight.analysis.atmos;
