/**
 * The ensemble configuration ({@code ensemble_config.json}, spec §4.7 and §9): sampling mode, sample
 * count, seed, the distributions of uncertain parameters, fragment split rules and mass classes.
 * Read and checked here so that every bad setting is reported with file, field and reason before
 * a pipeline is built.
 */
package org.darkflight.transforms.config;
