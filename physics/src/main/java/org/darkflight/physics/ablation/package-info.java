/** Mass-loss (ablation) laws of single-body meteor physics; off by default in dark flight. */
package org.darkflight.physics.ablation;
