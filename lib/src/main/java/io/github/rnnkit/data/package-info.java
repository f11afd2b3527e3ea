/**
 * Data for the lessons: characters as one-hot vectors x_t = onehot(character t) with targets
 * y_t = index(character t+1) ({@link io.github.rnnkit.data.Vocabulary}, {@link io.github.rnnkit.data.Corpus}),
 * and the adding problem, y = Σ_t u_t m_t over two marked steps, whose constant answer 1 scores a
 * mean squared error of Var(u + v) = 1/6 ({@link io.github.rnnkit.data.AddingProblem}).
 */
package io.github.rnnkit.data;
