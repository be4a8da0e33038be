/**
 * The artifacts of {@code darkflight atmos} besides the canonical {@code atmos_profile.json}, as
 * records written through the shared mapper: {@code wind_profile_compiled.json}
 * ({@link WindProfileDocument}), {@code vertical_grid.json} ({@link VerticalGridDocument}) and
 * {@code atmos_qc.json} ({@link AtmosQcDocument}), with their shared provenance and source
 * blocks; {@link FusedAtmosFiles} validates and writes the set. The analysis module maps its
 * fused profile onto them.
 */
package org.darkflight.io.atmos.fused;
