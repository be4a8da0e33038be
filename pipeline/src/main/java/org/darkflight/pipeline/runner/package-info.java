/**
 * Choosing and configuring the Beam runner of {@code darkflight run}: the in-JVM DirectRunner, an
 * embedded Flink MiniCluster ({@code --flink-local}) or a Flink session cluster
 * ({@code --runner=FlinkRunner --flinkMaster=host:port}), with the checks that make a bad choice
 * fail fast and clearly.
 */
package org.darkflight.pipeline.runner;
