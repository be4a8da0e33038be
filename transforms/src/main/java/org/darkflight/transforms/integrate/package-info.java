/**
 * Integration of ensemble samples (spec S5): a stateless {@code DoFn} runs the physics core for
 * each sample, with the atmospheric profile as a side input; failed samples go to their own
 * output with their index and substream seed instead of stopping the job.
 */
package org.darkflight.transforms.integrate;
