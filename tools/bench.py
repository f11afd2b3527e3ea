#!/usr/bin/env python3
"""`./kit bench`: speed figures, never pass/fail.

  --anchors  the min-char-rnn loop (H = 100, T = 25, Adagrad 0.1, clip 5) through the kit's API on
             each JDK found, against numpy (OpenBLAS) and PyTorch CPU eager, rounds interleaved
  --scale    the same at H = 32, 100, 256, 512; a log–log plot in target/bench/scale.png
  --lessons  each solution lesson's Run All time, and --kernel the kernel's time to a first result
  --grading  a class of 30 generated submissions graded with --jobs 2
Without any of these: --anchors --scale --lessons --kernel. numpy and PyTorch are installed on first
use into .kit/bench-venv (tools/bench_env.py); an anchor that cannot be installed is skipped, with why.
"""
import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_env  # noqa: E402
from rnnkit_tools import jupyter_env  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "target" / "bench"
JAVA_CLASSPATH = [REPO / "bench/target/rnnkit-bench-0.1.0-SNAPSHOT.jar", REPO / "lib/target/rnnkit.jar",
                  REPO / "lib/target/kernel-classpath/*"]
JAVA_OPTIONS = ["-Xmx1g", "--add-modules", "jdk.incubator.vector"]
# Older OpenBLAS builds need these on some processors; they slow a current one (issue 17): unset for numpy.
OPENBLAS_SETTINGS = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
TORCH_VARIANTS = [("PyTorch nn.RNN, 1 thread", ["--model", "rnn", "--threads", "1"]),
                  ("PyTorch nn.RNN, default threads", ["--model", "rnn"]),
                  ("PyTorch loop, 1 thread", ["--model", "loop", "--threads", "1"]),
                  ("PyTorch loop, default threads", ["--model", "loop"])]
TARGETS = {"numpy": 3.0, "PyTorch": 5.0}  # the Java loop's speed-up goals (issue 17)
VOCABULARY = 51  # the built-in corpus's distinct characters; checked against the weights file


def flops(hidden: int, v: int = VOCABULARY, steps: int = 25) -> float:
    """Dense-equivalent FLOPs of one iteration (CharRnnBench's class comment derives it)."""
    params = 2 * hidden * v + hidden * hidden + hidden + v
    return steps * (10 * hidden * v + 6 * hidden * hidden) + 6 * params


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.1f} {five:.1f} {fifteen:.1f}"


class WorkerDied(RuntimeError):
    pass


class Worker:
    """One contestant's long-lived process (BenchWorker.java, bench_numpy.py, bench_torch.py)."""

    def __init__(self, name: str, argv: List[str], env: Optional[dict] = None, kind: str = "python"):
        self.name, self.kind = name, kind
        self.log = OUT / ("worker-" + "".join(c if c.isalnum() else "-" for c in name.lower()) + ".log")
        self.process = subprocess.Popen(argv, cwd=REPO, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=open(self.log, "w"), text=True, bufsize=1)
        self.info = self.ask("info")

    def ask(self, *command) -> dict:
        try:
            self.process.stdin.write(" ".join(str(c) for c in command) + "\n")
            self.process.stdin.flush()
            line = self.process.stdout.readline()
        except BrokenPipeError:
            line = ""
        if not line:
            raise WorkerDied(f"{self.name} stopped answering ({' '.join(map(str, command))}); its stderr, "
                             f"{self.log}:\n{bench_env.tail(self.log.read_text(errors='replace'))}")
        answer = json.loads(line)
        if "error" in answer:
            raise WorkerDied(f"{self.name}: {answer['error']}")
        return answer

    def close(self) -> None:
        self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@dataclass
class Rounds:
    """One contestant's timed rounds at one H."""
    worker: Worker
    hidden: int
    iterations: int = 0
    wall: List[float] = field(default_factory=list)
    cpu: List[float] = field(default_factory=list)
    allocated: List[int] = field(default_factory=list)

    def rates(self) -> List[float]:
        return [self.iterations / w for w in self.wall]

    def median(self) -> float:
        return statistics.median(self.rates())

    def per_cpu_second(self) -> float:
        return statistics.median(self.iterations / c for c in self.cpu if c > 0)


# ---- contestants --------------------------------------------------------------------------------------------


def java_version(java: str) -> Optional[int]:
    out = subprocess.run([java, "-version"], capture_output=True, text=True)
    words = (out.stderr + out.stdout).split('"')
    if out.returncode != 0 or len(words) < 2:
        return None
    major = words[1].split(".")
    return int(major[1] if major[0] == "1" else major[0].split("-")[0])


def jdks(explicit: List[str]) -> Dict[int, str]:
    """Major version → java binary: `java` on PATH first, then JAVA_HOME and /usr/lib/jvm/*, one per major ≥ 17;
    with --jdk, exactly those."""
    candidates = explicit or [shutil.which("java") or "java", os.path.join(os.environ.get("JAVA_HOME", ""), "bin/java")]
    if not explicit:
        candidates += sorted(str(p) for p in Path("/usr/lib/jvm").glob("*/bin/java"))
    found: Dict[int, str] = {}
    for java in candidates:
        java = java if os.path.basename(java) == "java" else os.path.join(java, "bin", "java")
        if shutil.which(java) is None:
            continue
        major = java_version(java)
        if major is not None and major >= 17 and major not in found:
            found[major] = java
    return found


def start_contestants(args) -> List[Worker]:
    workers = []
    classpath = os.pathsep.join(str(p) for p in JAVA_CLASSPATH)
    for major, java in sorted(jdks(args.jdk).items()):
        workers.append(Worker(f"Java {major}", [java, *JAVA_OPTIONS, "-cp", classpath,
                                                "io.github.rnnkit.bench.BenchWorker"], kind="java"))
    anchors = ["numpy"] + ([] if args.no_torch else ["torch"])
    problems = bench_env.ensure(anchors)
    env = {k: v for k, v in os.environ.items() if k not in OPENBLAS_SETTINGS}
    python = str(bench_env.PYTHON)
    if problems.get("numpy"):
        print(f"SKIPPED numpy: {problems['numpy']}")
    else:
        workers.append(Worker("numpy", [python, str(REPO / "tools/bench_numpy.py")], env))
    if args.no_torch:
        print("SKIPPED PyTorch: --no-torch")
    elif problems.get("torch"):
        print(f"SKIPPED PyTorch: {problems['torch']}")
    else:
        for name, options in TORCH_VARIANTS:
            workers.append(Worker(name, [python, str(REPO / "tools/bench_torch.py"), *options], env))
    return workers


def describe(workers: List[Worker]) -> None:
    for w in workers:
        extra = ""
        if "blas" in w.info and isinstance(w.info["blas"], list):
            extra = "; ".join(f"BLAS {b['internal_api']} {b['version']}, core type {b['architecture']}, "
                              f"{b['num_threads']} threads ({b['threading_layer']})" for b in w.info["blas"])
            unset = [k for k in OPENBLAS_SETTINGS if w.info["environment"].get(k) is None]
            extra += f"; {', '.join(unset)} unset" if unset else ""
        elif "threads" in w.info:
            extra = f"{w.info['threads']} threads, BLAS {w.info['blas']}, CPU capability {w.info['cpu_capability']}"
        elif "vector_bits" in w.info:
            extra = f"widest FP64 vector {w.info['vector_bits']} bits"
        print(f"  {w.name:<32} {w.info['runtime']}" + (f"; {extra}" if extra else ""))


# ---- rounds -------------------------------------------------------------------------------------------------


def prepare(workers: List[Worker], hidden: int) -> Path:
    """The first Java worker writes the initial weights for H; every other worker starts from them."""
    path = OUT / f"weights-H{hidden}.json"
    for w in workers:
        if w.kind == "java":
            w.ask("init", hidden, path)
        else:
            w.ask("start", hidden, path)
    v = len(set(json.loads(path.read_text())["text"]))
    if v != VOCABULARY:
        raise SystemExit(f"bench: the corpus has {v} distinct characters, the FLOP count assumes {VOCABULARY}")
    return path


def same_work(workers: List[Worker], hidden: int, steps: int = 20) -> None:
    """Each contestant's losses over the first steps from the same weights: the same sums, done differently."""
    losses = {w.name: w.ask("losses", hidden, steps)["losses"] for w in workers}
    reference = losses[workers[0].name]
    print(f"  same work: loss at step 1 and step {steps} from the same initial weights (relative difference to "
          f"{workers[0].name})")
    for name, values in losses.items():
        first = abs(values[0] - reference[0]) / abs(reference[0])
        last = abs(values[-1] - reference[-1]) / abs(reference[-1])
        print(f"    {name:<32} {values[0]:.10f} ({first:.0e})   {values[-1]:.6f} ({last:.0e})")


def warm_up(worker: Worker, hidden: int, seconds: float) -> int:
    """Runs doubling rounds until the JIT (Java: 3000 iterations at H = 100, fewer at larger H) or the caches
    (Python) are warm; returns the iterations that take about `seconds` at the rate it then reached."""
    n, done, spent = 1, 0, 0.0
    enough = max(50, int(3000 * flops(100) / flops(hidden))) if worker.kind == "java" else 5
    while True:
        r = worker.ask("round", hidden, n)
        done, spent = done + n, spent + r["wall"]
        if done >= enough and r["wall"] >= 0.2:
            return max(1, round(n / r["wall"] * seconds))
        if r["wall"] < 0.2:
            n *= 2
        if spent > 60:
            return max(1, round(n / r["wall"] * seconds))


def interleave(workers: List[Worker], sizes: List[int], rounds: int, seconds: float) -> Dict[tuple, Rounds]:
    """Warms every contestant up at every H, then runs the rounds A B C … for each H in turn, `rounds` times
    over: each round of each contestant and size meets the same load as its neighbours."""
    results = {(w.name, h): Rounds(w, h, warm_up(w, h, seconds)) for h in sizes for w in workers}
    for _ in range(rounds):
        for r in results.values():
            answer = r.worker.ask("round", r.hidden, r.iterations)
            r.wall.append(answer["wall"])
            r.cpu.append(answer["cpu"])
            r.allocated.append(answer.get("allocated", 0))
    return results


# ---- parts --------------------------------------------------------------------------------------------------


def peak(workers: List[Worker]) -> float:
    """One core's FP64 peak in GFLOP/s per CPU-second: the best of the Java workers' FMA loops."""
    measured = [w.ask("peak") for w in workers if w.kind == "java"]
    best = max(measured, key=lambda m: m["gflops"])
    print(f"one core's FP64 peak, measured: {best['gflops']:.1f} GFLOP/s per CPU-second "
          f"({best['bits']}-bit FMAs, 12 independent chains, Vector API; best of the JDKs, 5 trials)")
    return best["gflops"]


def anchors(workers: List[Worker], args) -> None:
    print(f"\n== anchors: H = 100, T = 25, V = {VOCABULARY}, {args.rounds} interleaved rounds of about "
          f"{args.seconds:g} s each ({load()}) ==")
    top = peak(workers)
    prepare(workers, 100)
    same_work(workers, 100)
    results = list(interleave(workers, [100], args.rounds, args.seconds).values())
    f = flops(100)
    print(f"\n  {'contestant':<32} {'it/s median':>11} {'(min–max)':>13} {'it/CPU-s':>9} {'GFLOP/s':>8} "
          f"{'per CPU-s':>9} {'% peak':>6}")
    for r in results:
        rates = r.rates()
        print(f"  {r.worker.name:<32} {r.median():>11.0f} {min(rates):>6.0f}–{max(rates):<6.0f} "
              f"{r.per_cpu_second():>9.0f} {r.median() * f / 1e9:>8.2f} {r.per_cpu_second() * f / 1e9:>9.2f} "
              f"{100 * r.per_cpu_second() * f / 1e9 / top:>5.1f}%")
    print(f"  (GFLOP/s dense-equivalent, {f / 1e6:.2f} MFLOP per iteration; it/CPU-s counts every thread of the "
          f"process; % of one core's peak per CPU-second) {load()}")
    ratios(results)
    for r in results:
        if r.worker.kind == "java":
            heap = r.worker.ask("memory")["heap_after_gc"]
            print(f"  {r.worker.name}: {statistics.median(r.allocated) / r.iterations / 1024:.0f} kB allocated per "
                  f"iteration (garbage, collected as it goes), {heap / 1e6:.1f} MB heap in use after GC")
    (OUT / "anchors.json").write_text(json.dumps({r.worker.name: {"iterations": r.iterations, "wall": r.wall,
                                                                  "cpu": r.cpu} for r in results}, indent=1))


def ratios(results: List[Rounds]) -> None:
    """Java ÷ each anchor: the ratio of the medians, and the range of the per-round ratios (adjacent rounds)."""
    print("\n  ratio (Java iterations/s ÷ anchor's), medians, and the range over the interleaved rounds:")
    for java in (r for r in results if r.worker.kind == "java"):
        for other in (r for r in results if r is not java and (r.worker.kind != "java" or r.worker.name > java.worker.name)):
            per_round = [a / b for a, b in zip(java.rates(), other.rates())]
            goal = next((f"  (goal ≥ {g:g}×)" for k, g in TARGETS.items() if other.worker.name.startswith(k)), "")
            print(f"    {java.worker.name} ÷ {other.worker.name:<32} {java.median() / other.median():5.2f}×  "
                  f"({min(per_round):.2f}–{max(per_round):.2f}){goal}")


def scale(workers: List[Worker], args) -> None:
    sizes = [int(h) for h in args.sizes.split(",")]
    print(f"\n== scale: H = {', '.join(map(str, sizes))}; {args.scale_rounds} rounds of about {args.scale_seconds:g} s, "
          f"interleaved over contestants and sizes ({load()}) ==", flush=True)
    for hidden in sizes:
        prepare(workers, hidden)
    results = interleave(workers, sizes, args.scale_rounds, args.scale_seconds)
    wall = {(name, h): 1000 / r.median() for (name, h), r in results.items()}
    cpu = {(name, h): 1000 / r.per_cpu_second() for (name, h), r in results.items()}
    names = [w.name for w in workers]
    segments = list(zip(sizes, sizes[1:]))
    print(f"  ms per iteration, wall (median) / CPU, all threads ({load()})\n  {'contestant':<32}"
          + "".join(f"{'H=' + str(h):>16}" for h in sizes) + "   growth ∝ H^k, k per step of H (wall)")
    for name in names:
        growth = [math.log(wall[name, b] / wall[name, a]) / math.log(b / a) for a, b in segments]
        print(f"  {name:<32}" + "".join(f"{wall[name, h]:>9.3f} /{cpu[name, h]:>6.3f}" for h in sizes)
              + "   " + ", ".join(f"{k:.2f}" for k in growth))
    print("  dense-equivalent MFLOP per iteration: " + ", ".join(f"{flops(h) / 1e6:.1f}" for h in sizes)
          + "; its growth: " + ", ".join(f"{math.log(flops(b) / flops(a)) / math.log(b / a):.2f}" for a, b in segments))
    java = [n for n in names if results[n, sizes[0]].worker.kind == "java"]
    others = [n for n in names if n not in java]
    for h in sizes:
        best_java = min(java, key=lambda n: wall[n, h])
        line = f"  H = {h}: fastest {min(names, key=lambda n: wall[n, h])}"
        if others:
            best_other = min(others, key=lambda n: wall[n, h])
            line += f"; {best_java} is {wall[best_other, h] / wall[best_java, h]:.2f}× the fastest anchor ({best_other})"
        print(line)
    tsv = OUT / "scale.tsv"
    tsv.write_text("".join(f"{name}\t{h}\t{wall[name, h]}\n" for name in names for h in sizes))
    png = OUT / "scale.png"
    classpath = os.pathsep.join(str(p) for p in JAVA_CLASSPATH)
    subprocess.run(["java", "-Djava.awt.headless=true", "-cp", classpath, "io.github.rnnkit.bench.ScalePlot",
                    str(tsv), str(png)], check=True)
    print(f"  plot: {png.relative_to(REPO)} (wall ms per iteration against H, log–log; {tsv.relative_to(REPO)})")


def run(argv) -> None:
    print("$ " + " ".join(str(a) for a in argv), flush=True)
    subprocess.run(argv, cwd=REPO, check=True)


def main() -> int:
    parser = argparse.ArgumentParser(prog="./kit bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parts = parser.add_argument_group("parts (default: all but --grading)")
    for part in ("anchors", "scale", "lessons", "kernel", "grading"):
        parts.add_argument(f"--{part}", action="store_true")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved timed rounds for --anchors (default 5)")
    parser.add_argument("--seconds", type=float, default=2.0, help="seconds per round for --anchors (default 2)")
    parser.add_argument("--sizes", default="32,100,256,512", help="hidden sizes for --scale (default 32,100,256,512)")
    parser.add_argument("--scale-rounds", type=int, default=3, help="rounds per H for --scale (default 3)")
    parser.add_argument("--scale-seconds", type=float, default=1.0, help="seconds per round for --scale (default 1)")
    parser.add_argument("--starts", type=int, default=10, help="kernel starts for --kernel (default 10)")
    parser.add_argument("--jdk", action="append", default=[], metavar="JAVA_HOME",
                        help="a JDK to measure (repeatable); default: java on PATH and one JDK per other version "
                             "found in JAVA_HOME and /usr/lib/jvm")
    parser.add_argument("--no-torch", action="store_true", help="leave PyTorch out (and do not install it)")
    args = parser.parse_args()
    if not any((args.anchors, args.scale, args.lessons, args.kernel, args.grading)):
        args.anchors = args.scale = args.lessons = args.kernel = True
    OUT.mkdir(parents=True, exist_ok=True)
    print(f"./kit bench on {os.cpu_count()} cores, {load()}", flush=True)

    if args.anchors or args.scale:
        run([str(REPO / "mvnw"), "-q", "-B", "-pl", "bench", "-am", "package", "-DskipTests"])
        workers = start_contestants(args)
        try:
            print("contestants:")
            describe(workers)
            if args.anchors:
                anchors(workers, args)
            if args.scale:
                scale(workers, args)
        finally:
            for w in workers:
                w.close()
    if not (args.lessons or args.kernel or args.grading):
        print(f"\n./kit bench done ({load()})")
        return 0
    try:
        tools = jupyter_env.python_for_kit()  # the Jupyter every ./kit command uses
    except jupyter_env.EnvironmentProblem as e:
        print(f"SKIPPED lessons, kernel and grading: no Jupyter for the kit: {e}")
        return 0
    if args.lessons or args.kernel:
        run([tools, str(REPO / "tools/kit.py"), "setup"])
    if args.lessons:
        print(f"\n== lessons: Run All of each solution notebook, once, in a fresh kernel ({load()}) ==", flush=True)
        run([tools, str(REPO / "tools/bench_lessons.py")])
    if args.kernel:
        print(f"\n== kernel: {args.starts} starts to the first result (target: ready ≤ 1.0 s median) ({load()}) ==",
              flush=True)
        run([tools, str(REPO / "tools/kit.py"), "kernel-bench", "--starts", str(args.starts)])
    if args.grading:
        run([tools, str(REPO / "tools/kit.py"), "grade-bench"])
    print(f"\n./kit bench done ({load()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
