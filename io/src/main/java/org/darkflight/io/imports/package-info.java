/**
 * Importers of inputs users already have (issue 16 §5): a Desert Fireball Network DarkFlight
 * event ({@code .cfg} and wind-profile CSV, {@link org.darkflight.io.imports.DfnImport}) and a
 * JÖRMUNGANDR v.42 workbook ({@link org.darkflight.io.workbook.V42Import}), both written as
 * Darkflight's canonical inputs by {@link org.darkflight.io.imports.ImportedInputs}.
 */
package org.darkflight.io.imports;
