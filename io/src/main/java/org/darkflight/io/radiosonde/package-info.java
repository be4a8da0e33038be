/**
 * Radiosonde readers: the University of Wyoming "TEXT:LIST" sounding page (fixed 7-character
 * columns found from the header line, blanks meaning missing) and the Darkflight radiosonde JSON
 * ({@code schemas/radiosonde.schema.json}), both normalised to SI units on geometric altitude.
 */
package org.darkflight.io.radiosonde;
