/**
 * Products of derivatives, where vanishing and exploding gradients come from.
 *
 * <pre>
 *   a chain of single neurons ({@link io.github.rnnkit.chain.DerivativeChain}):
 *     z_j = w_j a_{j−1} + b_j,  a_j = f(z_j),   ∂C/∂b_j = f'(z_j) · Π_{k=j+1}^{n} w_k f'(z_k) · ∂C/∂a_n
 *   a deep feed-forward net ({@link io.github.rnnkit.chain.DeepNet}):
 *     δ_j = (w_{j+1}ᵀ δ_{j+1}) ⊙ f'(z_j),   the speed of layer j is ‖∂C/∂b_j‖
 *   an RNN ({@link io.github.rnnkit.chain.RnnJacobians}):
 *     J_t = diag(f'(z_t)) W,   ∂h_t/∂h_k = J_t ⋯ J_{k+1},   ‖∂h_t/∂h_k‖ ≤ (γ λ1)^(t−k)
 *   the gap between that bound and the measured norm ({@link io.github.rnnkit.chain.BoundGap}):
 *     ‖Π_s S_s A‖ for A ∈ {W, W̄ = λ1·Q}, S_s ∈ {γI, diag(f'(z_s))}; split between W and the slopes in either order, or Shapley
 *   one layer repeated ({@link io.github.rnnkit.chain.RepeatedLayer}):
 *     a_j = g(a_{j−1}) = f(w a_{j−1} + b),   fixed point a* = g(a*), stable when |g'(a*)| = |w f'(w a* + b)| &lt; 1
 *   the whole product ({@link io.github.rnnkit.chain.JacobianProduct}) and a survey of it over seeds
 *   ({@link io.github.rnnkit.chain.GainSurvey}):
 *     rate per step ‖J_T ⋯ J_1‖^(1/T) ≈ ρ(W) · sqrt(mean f'²),   ρ(W) ≈ λ1/2 for a wide random W
 * </pre>
 */
package io.github.rnnkit.chain;
