/**
 * The vanilla recurrent network and backpropagation through time, in the notation of
 * {@code docs/notation.md}. Forward, for t = 1..T ({@link io.github.rnnkit.rnn.Rnn#forward}):
 *
 * <pre>
 *   z_t = U x_t + W h_{t-1} + b      h_t = f(z_t)      o_t = V h_t + c      p_t = softmax(o_t)
 * </pre>
 *
 * The losses, the softmax, the parameters by name and the evaluation record are the core's
 * ({@code io.github.rnnkit.core}), shared with the gated cells.
 *
 * Backward ({@link io.github.rnnkit.rnn.ReferenceBptt}, one line per equation; the same numbers
 * faster in {@link io.github.rnnkit.rnn.Rnn#bptt}):
 *
 * <pre>
 *   ∂L/∂h_t = Vᵀ ∂L/∂o_t + Wᵀ δ_{t+1}     δ_t = f'(z_t) ⊙ ∂L/∂h_t
 *   dU = Σ_t δ_t x_tᵀ   dW = Σ_t δ_t h_{t-1}ᵀ   db = Σ_t δ_t   dV = Σ_t ∂L/∂o_t h_tᵀ   dc = Σ_t ∂L/∂o_t
 *   truncated, window k: each L_t goes back through steps t .. t−k+1 only
 *   TBPTT(k1, k2): every k1 steps, back k2 steps ({@link io.github.rnnkit.rnn.TruncatedBptt});
 *   randomised: each link kept with probability π and weighted 1/π, unbiased ({@link io.github.rnnkit.rnn.RandomTruncation})
 * </pre>
 *
 * The parameters by letter ({@link io.github.rnnkit.rnn.RnnParams}) and their gradients
 * ({@link io.github.rnnkit.rnn.Gradients}), each a view over one {@link io.github.rnnkit.core.Params};
 * initialisers ({@link io.github.rnnkit.rnn.Init}) and the finite-difference check
 * ({@link io.github.rnnkit.rnn.GradientCheck}).
 *
 * <pre>
 *   a tanh RNN is a sigmoid RNN: s_t = (h_t + 1)/2 with U' = 2U, W' = 4W, b' = 2(b − W·1), V' = 2V, c' = c − V·1
 *   dead units: f'(z_t,i) = 0 at every step of every sequence (for ReLU, z_t,i ≤ 0)
 * </pre>
 *
 * ({@link io.github.rnnkit.rnn.TanhAsSigmoid}, {@link io.github.rnnkit.rnn.DeadUnits}.)
 */
package io.github.rnnkit.rnn;
