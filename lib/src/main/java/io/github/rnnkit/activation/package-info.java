/**
 * Element-wise activations a = f(z) with f'(z) and γ = sup |f'|
 * ({@link io.github.rnnkit.activation.Activations}):
 *
 * <pre>
 *   σ(z) = 1/(1 + e^{−z})     σ' = σ(1 − σ)          γ = 1/4
 *   tanh(z) = 2σ(2z) − 1       tanh' = 1 − tanh²      γ = 1
 *   ReLU, leaky ReLU, ELU, hard tanh, identity         γ = 1 (leaky: max(1, |α|), ELU: max(1, α))
 * </pre>
 */
package io.github.rnnkit.activation;
