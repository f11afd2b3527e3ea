"""The min-char-rnn training loop as a PyTorch user writes it, for `./kit bench`: eager mode, float64
(as the kit and numpy), autograd for the gradients, `clip_grad_value_(…, 5)` and
`torch.optim.Adagrad(lr=0.1)` with its defaults (S ← S + g², Θ ← Θ − η g/(sqrt(S) + 1e-10)).

Two ways a user writes the network, chosen with --model:
  rnn   torch.nn.RNN(V, H) and torch.nn.Linear(H, V) over the window's one-hot inputs, the loss
        F.cross_entropy(…, reduction="sum"): the idiomatic form (nn.RNN has two biases, b_ih + b_hh = b);
  loop  the min-char-rnn port: a Python loop over the 25 steps with parameter tensors U, W, b, V, c.
--threads 1 pins PyTorch to one thread; without it PyTorch uses its default (one per core).
Runs as a bench worker (tools/bench_worker.py)."""
import argparse
import sys

import torch
import torch.nn.functional as F

from bench_worker import serve, windows

RATE, CLIP = 0.1, 5.0


def tensor(values) -> torch.Tensor:
    return torch.tensor(values, dtype=torch.float64)  # torch.tensor of Python floats is float32 by default


class RnnModel(torch.nn.Module):
    def __init__(self, w: dict):
        super().__init__()
        hidden, v = len(w["W"]), len(w["V"])
        self.rnn = torch.nn.RNN(v, hidden, nonlinearity="tanh", dtype=torch.float64)
        self.out = torch.nn.Linear(hidden, v, dtype=torch.float64)
        with torch.no_grad():
            self.rnn.weight_ih_l0.copy_(tensor(w["U"]))
            self.rnn.weight_hh_l0.copy_(tensor(w["W"]))
            self.rnn.bias_ih_l0.copy_(tensor(w["b"]))
            self.rnn.bias_hh_l0.zero_()
            self.out.weight.copy_(tensor(w["V"]))
            self.out.bias.copy_(tensor(w["c"]))

    def forward(self, x):
        hs, _ = self.rnn(x)
        return self.out(hs)


class LoopModel(torch.nn.Module):
    def __init__(self, w: dict):
        super().__init__()
        for name in ("U", "W", "b", "V", "c"):
            setattr(self, name, torch.nn.Parameter(tensor(w[name])))

    def forward(self, x):
        h = torch.zeros(self.W.shape[0], dtype=torch.float64)
        outputs = []
        for x_t in x:
            h = torch.tanh(self.U @ x_t + self.W @ h + self.b)
            outputs.append(self.V @ h + self.c)
        return torch.stack(outputs)


class Loop:
    def __init__(self, weights: dict, model: str):
        self.weights, self.model_class = weights, RnnModel if model == "rnn" else LoopModel
        chars = sorted(set(weights["text"]))
        self.v = len(chars)
        self.window = windows(weights["text"], weights["steps"], {c: i for i, c in enumerate(chars)})
        self.model, self.optimizer = self.fresh()

    def fresh(self):
        model = self.model_class(self.weights)
        return model, torch.optim.Adagrad(model.parameters(), lr=RATE)

    def losses(self, iterations: int):
        return self.train(*self.fresh(), iterations)

    def round(self, iterations: int):
        return self.train(self.model, self.optimizer, iterations)

    def train(self, model, optimizer, iterations):
        losses = []
        rnn = self.model_class is RnnModel
        for i in range(iterations):
            inputs, targets = self.window(i)
            x = F.one_hot(torch.tensor(inputs), self.v).to(torch.float64)
            if rnn:
                x = x.unsqueeze(1)  # (T, batch 1, V)
            logits = model(x).reshape(len(inputs), self.v)
            loss = F.cross_entropy(logits, torch.tensor(targets), reduction="sum")
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_value_(model.parameters(), CLIP)
            optimizer.step()
            losses.append(loss.item())
        return losses


def info() -> dict:
    config = torch.__config__.show()
    blas = next((part.split("=")[1] for part in config.replace(",", " ").split() if part.startswith("BLAS_INFO=")), "?")
    return {"runtime": f"PyTorch {torch.__version__}, Python {sys.version.split()[0]}",
            "threads": torch.get_num_threads(), "cpu_capability": torch.backends.cpu.get_cpu_capability(),
            "blas": blas, "cuda": torch.cuda.is_available()}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", choices=("rnn", "loop"), default="rnn")
    parser.add_argument("--threads", type=int, help="torch.set_num_threads (default: PyTorch's own)")
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    return serve(info, lambda weights: Loop(weights, args.model))


if __name__ == "__main__":
    sys.exit(main())
