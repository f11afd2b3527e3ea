/**
 * Training any {@link io.github.rnnkit.core.Trainable} network on mini-batches of B sequences, update
 * s reading the examples s·B … s·B + B − 1:
 *
 * <pre>
 *   g = clip((1/B) Σ_i ∂L_i/∂Θ)               {@link io.github.rnnkit.clip.ClipPolicy}: none, value θ, per-tensor norm θ, global norm θ
 *   SGD:       Θ ← Θ − η g                                                  {@link io.github.rnnkit.train.Sgd}
 *   momentum:  M ← μ M + g,  Θ ← Θ − η M   (Nesterov: Θ ← Θ − η (g + μ M))   {@link io.github.rnnkit.train.Momentum}
 *   RMSProp:   S ← β S + (1 − β) g²,  Θ ← Θ − η g / (√S + ε)                 {@link io.github.rnnkit.train.RmsProp}
 *   Adam:      M ← β1 M + (1 − β1) g,  S ← β2 S + (1 − β2) g²,
 *              Θ ← Θ − η (M / (1 − β1^s)) / (√(S / (1 − β2^s)) + ε)      {@link io.github.rnnkit.train.Adam}
 *   AdamW:     Θ ← Θ − η λ Θ, then Adam's update
 *   Adagrad:   S ← S + g²,  Θ ← Θ − η g / √(S + ε)                        {@link io.github.rnnkit.train.Adagrad}
 * </pre>
 *
 * {@link io.github.rnnkit.train.Optimizer} makes each rule ({@code Optimizer.adam(3e-3)}) and holds
 * no state; a run's M, S and s live in the {@link io.github.rnnkit.train.Optimizer.State} the
 * {@link io.github.rnnkit.train.Trainer} starts for it. The conventions are PyTorch's, and each
 * class says where Keras or the paper differ. Clipping comes before the update.
 *
 * A run ({@link io.github.rnnkit.train.TrainingRun}) records per update the mean loss and ‖g‖ before
 * and after clipping; a loss, gradient or weight that stops being finite ends it as diverged, a result
 * and not an error. A run can hand a copy of the network to a checkpoint every n updates, to score it
 * on held-out data while it trains; independent runs may train on separate threads.
 */
package io.github.rnnkit.train;
