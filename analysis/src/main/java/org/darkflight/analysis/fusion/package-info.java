/**
 * One atmospheric fusion from files, shared by {@code darkflight atmos} and stage S2 of
 * {@code darkflight process}: reads every source with its plugin, refuses sources too far from
 * the event in place or time, checks the VAD sites against the radar metadata and fuses with
 * the chosen strategy (the default AtmoFusion of {@code analysis.atmos} as fallback). Apart from
 * {@code analysis.atmos} because it looks plugins up ({@code analysis.plugins}, which knows the
 * fusion strategies).
 */
package org.darkflight.analysis.fusion;
