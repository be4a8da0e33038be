/**
 * Layered configuration of the coordinator (docs/operations.md): built-in defaults, environment
 * profile, {@code darkflight.toml}, the event's {@code override.toml} and CLI flags, merged
 * last-writer-wins with a recorded diff of every override.
 */
package org.darkflight.pipeline.config;
