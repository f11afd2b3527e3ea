"""The min-char-rnn training loop in numpy, written for this kit's benchmark: H = 100, T = 25, the
kit's built-in corpus, weights from N(0, 0.01²), Adagrad with learning rate 0.1, gradients clipped
element-wise to [−5, 5], a tanh RNN with the summed cross-entropy loss. Prints iterations/s."""
import re
import sys
import time
from pathlib import Path

import numpy as np

HIDDEN, STEPS, RATE = 100, 25, 0.1


def corpus() -> str:
    source = (Path(__file__).resolve().parents[1] / "lib/src/main/java/io/github/rnnkit/data/Corpus.java").read_text()
    lines = re.findall(r'^\s+"(.*?)",?$', source, flags=re.M)
    return "\n".join(lines)


def train(text: str, iterations: int, seed: int = 1):
    chars = sorted(set(text))
    index = {c: i for i, c in enumerate(chars)}
    v = len(chars)
    rng = np.random.default_rng(seed)
    params = {
        "U": rng.normal(0, 0.01, (HIDDEN, v)), "W": rng.normal(0, 0.01, (HIDDEN, HIDDEN)), "b": np.zeros((HIDDEN, 1)),
        "V": rng.normal(0, 0.01, (v, HIDDEN)), "c": np.zeros((v, 1)),
    }
    memory = {k: np.zeros_like(p) for k, p in params.items()}
    span = len(text) - STEPS - 1
    losses = []
    for it in range(iterations):
        start = (it * STEPS) % span
        inputs = [index[c] for c in text[start:start + STEPS]]
        targets = [index[c] for c in text[start + 1:start + STEPS + 1]]
        loss, grads = loss_and_gradients(params, inputs, targets, v)
        for k in params:
            g = np.clip(grads[k], -5, 5)
            memory[k] += g * g
            params[k] -= RATE * g / np.sqrt(memory[k] + 1e-8)
        losses.append(loss)
    return v, losses


def loss_and_gradients(p, inputs, targets, v):
    xs, hs, ps = {}, {-1: np.zeros((HIDDEN, 1))}, {}
    loss = 0.0
    for t, i in enumerate(inputs):
        xs[t] = np.zeros((v, 1))
        xs[t][i] = 1
        hs[t] = np.tanh(p["U"] @ xs[t] + p["W"] @ hs[t - 1] + p["b"])
        o = p["V"] @ hs[t] + p["c"]
        e = np.exp(o - o.max())
        ps[t] = e / e.sum()
        loss -= np.log(ps[t][targets[t], 0])
    g = {k: np.zeros_like(a) for k, a in p.items()}
    dh_next = np.zeros((HIDDEN, 1))
    for t in reversed(range(len(inputs))):
        do = ps[t].copy()
        do[targets[t]] -= 1
        g["V"] += do @ hs[t].T
        g["c"] += do
        dh = p["V"].T @ do + dh_next
        delta = dh * (1 - hs[t] * hs[t])
        g["b"] += delta
        g["U"] += delta @ xs[t].T
        g["W"] += delta @ hs[t - 1].T
        dh_next = p["W"].T @ delta
    return loss, g


def main() -> int:
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    rounds = 3
    text = corpus()
    train(text, 50)
    rates = []
    for round_number in range(1, rounds + 1):
        began = time.perf_counter()
        v, losses = train(text, iterations)
        rates.append(iterations / (time.perf_counter() - began))
        print(f"numpy round {round_number}: {rates[-1]:.1f} iterations/s")
    print(f"numpy {np.__version__}: H={HIDDEN} T={STEPS} V={v}, {rounds} rounds of {iterations} iterations")
    print(f"numpy iterations/s: {sorted(rates)[rounds // 2]:.1f} (median of {rounds} rounds)")
    print(f"numpy loss: {losses[0]:.2f} at the start, {losses[-1]:.2f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
