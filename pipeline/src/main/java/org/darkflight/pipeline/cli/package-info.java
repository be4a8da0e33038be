/** The {@code darkflight} command line: one picocli subcommand per capability. */
package org.darkflight.pipeline.cli;
