"""The bench's anchors do the work the bench says they do: the numpy loop's gradient is the loss's
(central differences), PyTorch's autograd gets the same gradient for both ways of writing the
network, the FLOP count is the multiply-adds of the matrix products the numpy loop actually forms,
and a worker answers the protocol with the loss of near-zero weights, T·ln V. They run in the
bench's own venv (.kit/bench-venv): numpy (17 MB) is installed into it here when missing, as
`./kit bench` does; PyTorch (2.9 GB with the CUDA libraries its PyPI wheel needs) only by `./kit bench`,
so its test is skipped until then."""
import json
import math
import random
import subprocess
import textwrap
from pathlib import Path

import pytest

import bench
import bench_env

TOOLS = Path(__file__).resolve().parents[1]


def in_bench_venv(code: str, needs: str = "numpy") -> str:
    """Runs `code` with the bench venv's Python, tools/ on the path; its stdout."""
    if needs == "numpy":  # ensure() installs it when missing and proves it imports
        problem = bench_env.ensure(["numpy"])["numpy"]
        assert problem is None, problem
    elif not bench_env.PYTHON.exists() or subprocess.run([str(bench_env.PYTHON), "-c", f"import {needs}"],
                                                       capture_output=True).returncode != 0:
        pytest.skip(f"no {needs} in {bench_env.VENV}: ./kit bench --anchors installs it")
    out = subprocess.run([str(bench_env.PYTHON), "-c", textwrap.dedent(code)], cwd=TOOLS, capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    return out.stdout


def weights(hidden: int, text: str, scale: float, seed: int = 3) -> dict:
    rng = random.Random(seed)
    v = len(set(text))
    matrix = lambda rows, cols: [[rng.gauss(0, scale) for _ in range(cols)] for _ in range(rows)]  # noqa: E731
    return {"text": text, "steps": 5, "U": matrix(hidden, v), "W": matrix(hidden, hidden),
            "b": [rng.gauss(0, scale) for _ in range(hidden)], "V": matrix(v, hidden),
            "c": [rng.gauss(0, scale) for _ in range(v)]}


SETUP = """
    import json
    import numpy as np
    import bench_numpy
    w = json.load(open({path!r}))
    loop = bench_numpy.Loop(w)
    inputs, targets = loop.window(2)
    v = len(loop.chars)
"""


@pytest.fixture
def small(tmp_path) -> Path:
    path = tmp_path / "weights.json"
    path.write_text(json.dumps(weights(4, "abcabd cab dd", 0.5)))
    return path


def test_the_numpy_loops_gradient_is_the_central_difference_of_its_loss(small):
    out = in_bench_venv(SETUP.format(path=str(small)) + """
    p = loop.initial
    loss, g = bench_numpy.loss_and_gradients(p, inputs, targets, v)
    worst = 0
    for k in p:
        for idx in np.ndindex(p[k].shape):
            keep = p[k][idx]
            p[k][idx] = keep + 1e-6; up = bench_numpy.loss_and_gradients(p, inputs, targets, v)[0]
            p[k][idx] = keep - 1e-6; down = bench_numpy.loss_and_gradients(p, inputs, targets, v)[0]
            p[k][idx] = keep
            numeric = (up - down) / 2e-6
            worst = max(worst, abs(numeric - g[k][idx]) / max(1e-8, abs(numeric) + abs(g[k][idx])))
    print(worst)
    """)
    assert float(out) < 1e-6


def test_pytorch_gets_the_numpy_gradient_written_as_a_loop_or_with_nn_rnn(small):
    out = in_bench_venv(SETUP.format(path=str(small)) + """
    import torch, torch.nn.functional as F
    import bench_torch
    loss, g = bench_numpy.loss_and_gradients(loop.initial, inputs, targets, v)
    x = F.one_hot(torch.tensor(inputs), v).to(torch.float64)
    worst = 0
    for model in (bench_torch.LoopModel(w), bench_torch.RnnModel(w)):
        rnn = isinstance(model, bench_torch.RnnModel)
        logits = model(x.unsqueeze(1) if rnn else x).reshape(len(inputs), v)
        F.cross_entropy(logits, torch.tensor(targets), reduction="sum").backward()
        grads = ({"U": model.rnn.weight_ih_l0, "W": model.rnn.weight_hh_l0, "b": model.rnn.bias_hh_l0,
                  "V": model.out.weight, "c": model.out.bias} if rnn else dict(model.named_parameters()))
        for k, param in grads.items():
            worst = max(worst, float(np.max(np.abs(param.grad.numpy().reshape(g[k].shape) - g[k]))))
    print(worst)
    """, needs="torch")
    assert float(out) < 1e-12


def test_the_flop_count_is_twice_the_multiply_adds_of_the_products_the_numpy_loop_forms(tmp_path):
    text = "the quick brown fox jumps over a lazy dog"
    path = tmp_path / "weights.json"
    path.write_text(json.dumps(weights(7, text, 0.1)))
    out = in_bench_venv(SETUP.format(path=str(path)) + """
    class Counted(np.ndarray):
        multiply_adds = 0
        def __matmul__(self, other):
            Counted.multiply_adds += self.shape[0] * self.shape[1] * np.shape(other)[1]
            return np.asarray(self) @ np.asarray(other)
        def __rmatmul__(self, other):
            Counted.multiply_adds += np.shape(other)[0] * np.shape(other)[1] * self.shape[1]
            return np.asarray(other) @ np.asarray(self)
    p = {k: a.view(Counted) for k, a in loop.initial.items()}
    bench_numpy.loss_and_gradients(p, inputs, targets, v)
    print(Counted.multiply_adds, v, len(inputs))
    """)
    multiply_adds, v, steps = map(int, out.split())
    hidden = 7
    params = 2 * hidden * v + hidden * hidden + hidden + v
    assert 2 * multiply_adds == bench.flops(hidden, v, steps) - 6 * params


def test_a_worker_answers_with_the_loss_of_near_zero_weights_and_its_timings(tmp_path):
    text = "abcdefgh ijk"
    path = tmp_path / "weights.json"
    path.write_text(json.dumps(weights(6, text, 1e-6)))
    out = in_bench_venv(f"""
    import subprocess, sys
    worker = subprocess.run([sys.executable, "bench_numpy.py"], input="start 6 {path}\\nlosses 6 2\\nround 6 3\\n",
                            capture_output=True, text=True, check=True)
    print(worker.stdout)
    """)
    started, losses, round_ = (json.loads(line) for line in out.strip().splitlines())
    assert started == {"ok": True}
    assert len(losses["losses"]) == 2
    assert losses["losses"][0] == pytest.approx(5 * math.log(len(set(text))), rel=1e-4)
    assert round_["wall"] > 0 and round_["cpu"] > 0
