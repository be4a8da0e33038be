/**
 * The {@code meta} block shared by Darkflight artifacts: units of the fields and provenance of
 * the values (spec §4, §6; {@code schemas/meta.schema.json}).
 */
package org.darkflight.io.meta;
