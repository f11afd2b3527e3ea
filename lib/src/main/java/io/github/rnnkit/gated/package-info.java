/**
 * Gated recurrent cells, with the RNN's letters: every gate reads U_· x_t + W_· h_{t−1} + b_·
 * (U input weights, W recurrent weights), and the output layer is o_t = V h_t + c.
 *
 * <pre>
 *   LSTM ({@link io.github.rnnkit.gated.Lstm}), h_0 = m_0 = 0:
 *     i_t = σ(U_i x_t + W_i h_{t−1} + b_i)    f_t = σ(U_f x_t + W_f h_{t−1} + b_f)    q_t = σ(U_q x_t + W_q h_{t−1} + b_q)
 *     g_t = tanh(U_g x_t + W_g h_{t−1} + b_g)    m_t = f_t ⊙ m_{t−1} + i_t ⊙ g_t    h_t = q_t ⊙ tanh(m_t)
 *   GRU ({@link io.github.rnnkit.gated.Gru}), h_0 = 0, reset after the matrix (as PyTorch):
 *     u_t = σ(U_u x_t + W_u h_{t−1} + b_u)    r_t = σ(U_r x_t + W_r h_{t−1} + b_r)
 *     n_t = tanh(U_n x_t + r_t ⊙ (W_n h_{t−1}) + b_n)    h_t = (1 − u_t) ⊙ n_t + u_t ⊙ h_{t−1}
 *   the memory's direct path ({@link io.github.rnnkit.gated.Lstm#forgetProducts}): ∂m_T/∂m_k ⊃ Π_{j=k+1}^{T} diag(f_j)
 * </pre>
 *
 * A forward pass is a {@link io.github.rnnkit.gated.Trace}; a loss with its gradients and
 * ‖∂L/∂h_t‖, ‖∂L/∂m_t‖ is a {@link io.github.rnnkit.core.Evaluation}. Both networks are
 * {@link io.github.rnnkit.core.Trainable}, so {@code train.Trainer} trains them as it trains an Rnn.
 */
package io.github.rnnkit.gated;
