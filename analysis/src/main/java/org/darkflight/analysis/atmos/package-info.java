/**
 * AtmoFusion: merges radiosondes, weather-model profiles and radar VAD winds into one profile on
 * one altitude grid, fills gaps and the top with the US Standard Atmosphere 1976, smooths
 * excessive shear, flags outliers, propagates per-level uncertainty, and maps the result onto
 * the documents {@code io.atmos.fused} writes ({@code wind_profile_compiled.json},
 * {@code vertical_grid.json}, {@code atmos_qc.json}) and the canonical {@code atmos_profile.json}.
 * Plain Java (no Beam): the fused profile is a side input of the ensemble.
 */
package org.darkflight.analysis.atmos;
