/**
 * {@code physics_config.json}: which drag, ablation and gravity models and which integrator a
 * simulation uses (docs/inputs.md) — Jackson record, validated reader with the defaults of
 * {@link org.darkflight.physics.PhysicsConfig#defaults()}, and canonical writer.
 */
package org.darkflight.io.config;
