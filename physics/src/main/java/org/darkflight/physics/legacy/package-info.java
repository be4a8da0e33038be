/**
 * Legacy workbook methods reproduced in Java for parity: {@link
 * org.darkflight.physics.legacy.FriesV42} reproduces the cell formulas of Dr. Marc Fries'
 * "JÖRMUNGANDR v.42" dark-flight workbook exactly, and {@link
 * org.darkflight.physics.legacy.FriesV2} implements the later "v2" slice method as the
 * specification describes it (docs/methodology.md §19). Flat UTM metres, no Earth curvature.
 */
package org.darkflight.physics.legacy;
