/**
 * Recorded experiments: comparisons too large for a lesson's Run All, run by {@code ./kit experiments},
 * written into the library's resources with their parameters and code version, and loaded by the
 * lessons. One set-up on the adding problem ({@link io.github.rnnkit.experiment.Experiment}), named
 * lists of runs ({@link io.github.rnnkit.experiment.Cell}: a {@link io.github.rnnkit.experiment.Model},
 * an optimiser and its learning rate, a batch size, a seed), each giving the test MSE every 8 000
 * sequences ({@link io.github.rnnkit.experiment.CellResult}):
 *
 * <pre>
 *   test MSE = (1/n) Σ_test (o_T − y)²          success: final test MSE &lt; 0.01
 * </pre>
 *
 * {@link io.github.rnnkit.experiment.Recorded} reads and writes a record;
 * {@link io.github.rnnkit.experiment.Summary} turns one into the lessons' tables, and
 * {@link io.github.rnnkit.experiment.LearningCurves} into their learning curves;
 * {@link io.github.rnnkit.experiment.ExperimentRunner} runs a grid on every core and checks a
 * sample of a record against fresh runs, bit for bit.
 */
package io.github.rnnkit.experiment;
