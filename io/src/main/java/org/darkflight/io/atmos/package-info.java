/**
 * {@code atmos_profile.json}: the vertical profile of pressure, temperature and wind aligned to
 * the event (docs/inputs.md) — reader of every accepted unit form with normalisation to SI and
 * semantic checks, and the canonical writer (used by atmosphere fusion).
 */
package org.darkflight.io.atmos;
