/**
 * Training any {@link io.github.rnnkit.rnn.Trainable} network, one example per step:
 *
 * <pre>
 *   g = clip(∂L/∂Θ)                                     {@link io.github.rnnkit.train.ClipPolicy}: none, value θ, per-tensor norm θ, global norm θ
 *   SGD:      Θ ← Θ − η g                                {@link io.github.rnnkit.train.Trainer#sgd}
 *   Adagrad:  S ← S + g²,  Θ ← Θ − η g / sqrt(S + 1e-8)  {@link io.github.rnnkit.train.Trainer#adagrad}
 * </pre>
 *
 * A run ({@link io.github.rnnkit.train.TrainingRun}) records per step the loss and ‖g‖ before and
 * after clipping; a loss, gradient or weight that stops being finite ends it as diverged, a result
 * and not an error. A run can hand a copy of the network to a checkpoint every n steps, to score it
 * on held-out data while it trains; independent runs may train on separate threads.
 */
package io.github.rnnkit.train;
