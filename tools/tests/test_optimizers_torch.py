"""The kit's optimisers (io.github.rnnkit.train.Optimizer) take the steps torch.optim takes, in float64,
on the same gradients: SGD, momentum, Nesterov, RMSProp, Adam, AdamW, and Adagrad at ε = 0 (the kit
puts ε inside the root, PyTorch outside, so the two agree only there). PyTorch lives in the bench's
own venv (.kit/bench-venv, 2.9 GB, installed by `./kit bench --anchors`); without it this test is
skipped and says so. The Java side is tools/tests/optimizer_steps/OptimizerSteps.java, run as a
single-file program against the library's jar."""
import random
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

import bench_env
from rnnkit_tools import paths

HERE = Path(__file__).resolve().parent

# name → (the kit's rule and arguments, the torch.optim constructor with the same settings)
CASES = {
    "sgd": ("sgd 0.1", "torch.optim.SGD([p], lr=0.1)"),
    "momentum": ("momentum 0.05 0.9", "torch.optim.SGD([p], lr=0.05, momentum=0.9)"),
    "nesterov": ("nesterov 0.05 0.9", "torch.optim.SGD([p], lr=0.05, momentum=0.9, nesterov=True)"),
    "rmsprop": ("rmsprop 0.01 0.99 1e-08", "torch.optim.RMSprop([p], lr=0.01, alpha=0.99, eps=1e-08)"),
    "rmsprop_keras_rho": ("rmsprop 0.001 0.9 1e-06", "torch.optim.RMSprop([p], lr=0.001, alpha=0.9, eps=1e-06)"),
    "adam": ("adam 0.003 0.9 0.999 1e-08", "torch.optim.Adam([p], lr=0.003, betas=(0.9, 0.999), eps=1e-08)"),
    "adam_short_memory": ("adam 0.1 0.5 0.7 0.001", "torch.optim.Adam([p], lr=0.1, betas=(0.5, 0.7), eps=0.001)"),
    "adamw": ("adamw 0.01 0.1", "torch.optim.AdamW([p], lr=0.01, weight_decay=0.1)"),
    "adagrad": ("adagrad 0.1 0", "torch.optim.Adagrad([p], lr=0.1, eps=0.0)"),
}
UPDATES = 12


def gradients(seed: int):
    """θ0 and UPDATES gradients of five entries spanning 1e-7 … 10 in size, both signs, a few exact zeros after the first."""
    rng = random.Random(seed)
    theta = [rng.uniform(-1, 1) for _ in range(5)]
    gs = []
    for s in range(UPDATES):
        g = [rng.choice([-1, 1]) * 10 ** rng.uniform(-7, 1) for _ in range(5)]
        if s > 0 and s % 4 == 0:
            g[s % 5] = 0.0
        gs.append(g)
    return theta, gs


def parsed(stdout: str) -> dict:
    """(optimiser, update number) → θ after that update, from lines "name s θ_1 … θ_n"."""
    steps = {}
    for line in stdout.splitlines():
        name, s, *values = line.split()
        steps[(name, int(s))] = [float(v) for v in values]
    return steps


def kit_steps() -> dict:
    lines = []
    for seed, (name, (rule, _)) in enumerate(CASES.items()):
        theta, gs = gradients(seed)
        lines += [f"case {name} {rule}", "theta " + " ".join(map(repr, theta))]
        lines += ["g " + " ".join(map(repr, g)) for g in gs]
        lines.append("end")
    java = shutil.which("java")
    assert java, "java is not on PATH"
    out = subprocess.run([java, "-cp", str(paths.LIB_JAR), str(HERE / "optimizer_steps" / "OptimizerSteps.java")],
                         input="\n".join(lines) + "\n", capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return parsed(out.stdout)


TORCH = """
    import torch
    torch.set_default_dtype(torch.float64)
    CASES = {cases!r}
    for seed, (name, (rule, make)) in enumerate(CASES.items()):
        theta, gs = {gradients!r}[name]
        p = torch.tensor(theta, dtype=torch.float64, requires_grad=True)
        opt = eval(make)
        for s, g in enumerate(gs, start=1):
            p.grad = torch.tensor(g, dtype=torch.float64)
            opt.step()
            print(name, s, *[repr(v) for v in p.detach().tolist()])
"""


def torch_steps() -> dict:
    python = bench_env.PYTHON
    if not python.exists() or subprocess.run([str(python), "-c", "import torch"], capture_output=True).returncode != 0:
        pytest.skip(f"no torch in {bench_env.VENV}: `./kit bench --anchors` installs it (2.9 GB)")
    given = {name: gradients(seed) for seed, name in enumerate(CASES)}
    code = textwrap.dedent(TORCH).format(cases=CASES, gradients=given)
    out = subprocess.run([str(python), "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    return parsed(out.stdout)


def test_every_kit_optimiser_takes_the_steps_torch_optim_takes():
    theirs = torch_steps()
    if not paths.LIB_JAR.exists():
        pytest.fail(f"{paths.LIB_JAR} is missing: run ./kit setup")
    ours = kit_steps()
    assert set(ours) == set(theirs) and len(ours) == len(CASES) * UPDATES
    worst = {}
    for key, expected in theirs.items():
        got = ours[key]
        error = max(abs(a - b) / max(1e-300, abs(a) + abs(b)) for a, b in zip(expected, got))
        worst[key[0]] = max(worst.get(key[0], 0.0), error)
    bad = {name: e for name, e in worst.items() if e > 1e-12}
    assert not bad, f"relative differences from torch.optim above 1e-12: {bad}"
