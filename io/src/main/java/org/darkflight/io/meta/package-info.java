/**
 * The {@code meta} block shared by Darkflight artifacts: units of the fields and provenance of
 * the values (docs/inputs.md, docs/outputs.md; {@code schemas/meta.schema.json}).
 */
package org.darkflight.io.meta;
