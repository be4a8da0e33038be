/**
 * Integration tests of running Darkflight on Apache Flink through Beam's FlinkRunner: embedded
 * MiniCluster and a real standalone session cluster started by runner-configs' scripts
 * (determinism across runners and parallelism, TaskManager loss, unreachable master).
 */
package org.darkflight.pipeline.flink;
