/**
 * Reading and writing Darkflight artifacts: Jackson models, JSON Schema validation, unit
 * normalisation, and the common error type. No Beam.
 */
package org.darkflight.io;
