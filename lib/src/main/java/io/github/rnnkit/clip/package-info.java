/**
 * Gradient clipping ({@link io.github.rnnkit.clip.Clipping}), with what it did
 * ({@link io.github.rnnkit.clip.Clipped}):
 *
 * <pre>
 *   by value θ:        g_ij ← max(−θ, min(θ, g_ij))
 *   by norm θ:         g ← g · θ/‖g‖            if ‖g‖ > θ     (one tensor)
 *   by global norm θ:  g_i ← g_i · θ/‖G‖         if ‖G‖ > θ,   ‖G‖ = sqrt(Σ_i ‖g_i‖²)
 *   TensorFlow:        g_i · θ / max(‖G‖, θ)      PyTorch: g_i · min(1, θ / (‖G‖ + 1e-6))
 * </pre>
 *
 * A training step's {@link io.github.rnnkit.clip.ClipPolicy} applies one of these rules to a gradient
 * by parameter name (a {@link io.github.rnnkit.core.Params}).
 */
package io.github.rnnkit.clip;
