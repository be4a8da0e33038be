/**
 * {@code trajectories/<fragment_id>.json}: the canonical, schema-checked output of one
 * fragment's dark flight (time series and landing).
 */
package org.darkflight.io.trajectory;
