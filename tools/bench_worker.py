"""The protocol of a `./kit bench` contestant, for the Python ones (numpy, PyTorch); the Java one,
`bench/…/BenchWorker.java`, speaks the same. The worker stays up between rounds, so the coordinator
(`tools/bench.py`) can interleave the contestants' rounds and each pays its warm-up once.

One command per line on stdin, one line of JSON per answer on stdout:
    info               what runs (versions, threads, BLAS)
    start H PATH       the initial weights and corpus for hidden size H, from the JSON file a Java worker wrote
    losses H N         the losses of N steps from those weights
    round H N          N more training steps, timed: wall and process CPU seconds (all threads)
"""
import json
import sys
import time
from typing import Callable, Dict


def load(path: str) -> dict:
    """The weights file: text, steps, U, W, b, V, c (lists of floats)."""
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def windows(text: str, steps: int, index: Dict[str, int]):
    """Window i of the corpus as (inputs, targets), starting at i·T mod (length − T − 1), as the Java loop."""
    span = len(text) - steps - 1

    def window(i: int):
        start = (i * steps) % span
        return ([index[c] for c in text[start:start + steps]], [index[c] for c in text[start + 1:start + steps + 1]])
    return window


def serve(info: Callable[[], dict], make_loop: Callable[[dict], object]) -> int:
    """Answers commands until stdin closes. make_loop(weights) gives an object with losses(n) and round(n),
    each returning the list of losses; round continues from where the last round ended."""
    loops = {}
    for line in sys.stdin:
        command = line.split()
        if not command:
            continue
        if command[0] == "info":
            answer = info()
        elif command[0] == "start":
            loops[int(command[1])] = make_loop(load(command[2]))
            answer = {"ok": True}
        elif command[0] == "losses":
            answer = {"losses": loops[int(command[1])].losses(int(command[2]))}
        elif command[0] == "round":
            loop = loops[int(command[1])]
            cpu, wall = time.process_time(), time.perf_counter()
            losses = loop.round(int(command[2]))
            answer = {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
                      "loss_first": losses[0], "loss_last": losses[-1], "diverged": False}
        else:
            answer = {"error": f"unknown command {command[0]}"}
        print(json.dumps(answer), flush=True)
    return 0
