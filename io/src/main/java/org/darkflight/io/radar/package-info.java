/**
 * Radar winds: the velocity-azimuth-display (VAD) least-squares fit of Doppler radial velocity
 * against azimuth, reading VAD profiles ({@code radar_vad/*.json}) and the
 * {@code radar_metadata.json} pointer file.
 */
package org.darkflight.io.radar;
