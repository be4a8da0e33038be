/** Gravity models: a constant g₀ and WGS84 normal gravity with height, along the ellipsoid normal. */
package org.darkflight.physics.gravity;
