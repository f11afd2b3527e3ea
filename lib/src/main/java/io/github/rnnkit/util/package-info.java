/**
 * Utilities with no idea of their own about networks: argument checks ({@link io.github.rnnkit.util.Check}),
 * number formatting ({@link io.github.rnnkit.util.Format}), the spread of a result over seeds
 * ({@link io.github.rnnkit.util.Spread}), sample grids ({@link io.github.rnnkit.util.Grid})
 * and small dense linear algebra ({@link io.github.rnnkit.util.Matrices}):
 *
 * <pre>
 *   ‖x‖₂, ‖A‖_F                     without overflow or underflow
 *   λ1 = ‖A‖₂ = σ_max(A)            power iteration on AᵀA
 *   ρ(A) = max |λ_i| = lim ‖A^n‖^{1/n}   repeated squaring (Gelfand)
 *   ρ(A)^k ≤ ‖A^k‖₂ ≤ λ1^k for k = 1 … K   every power formed ({@link io.github.rnnkit.util.MatrixPowers})
 *   A = Q P, Q orthogonal, P = (AᵀA)^{1/2}   Newton's iteration ({@link io.github.rnnkit.util.Polar})
 *   cos ∠(x, y) = x·y / (‖x‖ ‖y‖)    rel(x, y) = |x − y| / max(1e-8, |x| + |y|)
 *   Q(q) = v_⌊h⌋ + (h − ⌊h⌋)(v_⌊h⌋+1 − v_⌊h⌋),  h = (n − 1) q   (median Q(0.5), 10–90 % range)
 * </pre>
 */
package io.github.rnnkit.util;
