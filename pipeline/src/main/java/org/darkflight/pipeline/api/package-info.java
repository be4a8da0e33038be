/**
 * The library API: {@link org.darkflight.pipeline.api.Darkflight#simulate} runs one ensemble
 * (the same code as {@code darkflight run}) and returns the landings, ellipses and GeoJSON text.
 * Used by the HTTP service and usable from any Java program.
 */
package org.darkflight.pipeline.api;
