/**
 * What every network of the kit shares, below the networks themselves: no class here knows the
 * vanilla RNN or a gated cell.
 *
 * <pre>
 *   Θ, ∂L/∂Θ by name                       {@link io.github.rnnkit.core.Params}, ‖g‖ = sqrt(Σ over every entry of g²)
 *   p_t = softmax(o_t)                      {@link io.github.rnnkit.core.Softmax}, with the max subtracted
 *   L = Σ_t −log p_t[y_t]                   ∂L/∂o_t = p_t − onehot(y_t)        ({@link io.github.rnnkit.core.Loss})
 *   L = ½ ‖o_T − y‖²                        ∂L/∂o_T = o_T − y
 *   one sequence and its loss               {@link io.github.rnnkit.core.Example}
 *   L, ∂L/∂Θ, ‖∂L/∂h_t‖, ‖∂L/∂m_t‖, trace   {@link io.github.rnnkit.core.Evaluation}
 *   a network in training: Θ changed in place by an optimiser's rule
 *                                           {@link io.github.rnnkit.core.Trainable}, {@link io.github.rnnkit.core.TrainingState}
 * </pre>
 */
package io.github.rnnkit.core;
