/**
 * Reading and writing Darkflight artifacts: Jackson models, JSON Schema validation, unit
 * normalisation, and what every layer above shares: the common error type
 * ({@link org.darkflight.io.InputException}), atomic writes, content hashes
 * ({@link org.darkflight.io.Hashing}), tree deletion and the warnings of disabled non-critical
 * plugins ({@link org.darkflight.io.PluginWarnings}; the kinds live in io and analysis). No Beam.
 */
package org.darkflight.io;
