"""The min-char-rnn training loop in numpy, as Karpathy's min-char-rnn.py writes it, for
`./kit bench`: a tanh RNN with the summed cross-entropy loss over T = 25 characters, one-hot inputs
as dense column vectors, Adagrad with learning rate 0.1 (S ← S + g², Θ ← Θ − η g/sqrt(S + 1e-8))
after clipping every gradient entry to [−5, 5]. Runs as a bench worker (tools/bench_worker.py)."""
import os
import sys

import numpy as np

from bench_worker import serve, windows

RATE, CLIP = 0.1, 5.0
NAMES = ("U", "W", "b", "V", "c")


class Loop:
    def __init__(self, weights: dict):
        self.chars = sorted(set(weights["text"]))
        self.window = windows(weights["text"], weights["steps"], {c: i for i, c in enumerate(self.chars)})
        self.initial = {k: np.array(weights[k], dtype=np.float64).reshape(len(weights[k]), -1) for k in NAMES}
        self.params, self.memory = self.fresh()

    def fresh(self):
        return {k: p.copy() for k, p in self.initial.items()}, {k: np.zeros_like(p) for k, p in self.initial.items()}

    def losses(self, iterations: int):
        return train(*self.fresh(), self.window, len(self.chars), iterations)

    def round(self, iterations: int):
        return train(self.params, self.memory, self.window, len(self.chars), iterations)


def train(params, memory, window, v, iterations):
    losses = []
    for i in range(iterations):
        inputs, targets = window(i)
        loss, grads = loss_and_gradients(params, inputs, targets, v)
        for k in params:
            g = np.clip(grads[k], -CLIP, CLIP)
            memory[k] += g * g
            params[k] -= RATE * g / np.sqrt(memory[k] + 1e-8)
        losses.append(float(loss))
    return losses


def loss_and_gradients(p, inputs, targets, v):
    hidden = p["W"].shape[0]
    xs, hs, ps = {}, {-1: np.zeros((hidden, 1))}, {}
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
    dh_next = np.zeros((hidden, 1))
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


def info() -> dict:
    from threadpoolctl import threadpool_info
    blas = [lib for lib in threadpool_info() if lib.get("user_api") == "blas"]
    return {"runtime": f"numpy {np.__version__}, Python {sys.version.split()[0]}",
            "blas": [{k: lib.get(k) for k in ("internal_api", "version", "architecture", "num_threads",
                                                "threading_layer")} for lib in blas],
            "environment": {k: os.environ.get(k) for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE",
                                                           "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")}}


if __name__ == "__main__":
    sys.exit(serve(info, Loop))
