/** Beam transforms of the Darkflight pipeline: sampling, integration, ellipse fitting, sinks. */
package org.darkflight.transforms;
