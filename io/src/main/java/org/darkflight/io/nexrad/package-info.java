/**
 * NEXRAD (WSR-88D) radar data: Level II (Archive II) volumes read through netCDF-Java's
 * {@code nexrad2} reader, with this package's own structural check of the file (complete LDM
 * records and elevation cuts, the site, the volume time, the radar's position from the message-31
 * volume block); the VAD wind profile fitted to a volume's radial velocities; and the Level III
 * VAD Wind Profile product (NVW, product 48) read from its tabular "VAD Algorithm Output" pages.
 * Both wind profiles are {@link org.darkflight.io.atmos.source.AtmosphericSource}s.
 *
 * <p>Formats: NOAA Radar Operations Center, Interface Control Document for the RDA/RPG
 * (ICD 2620002) and for Archive II (ICD 2620010); Level III: ICD for the RPG to Class 1 User
 * (ICD 2620001).
 */
package org.darkflight.io.nexrad;
