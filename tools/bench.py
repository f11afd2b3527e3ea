#!/usr/bin/env python3
"""`./kit bench`: speed figures, never pass/fail. The library's char-RNN training loop against the
same loop in numpy; with --kernel and --grading also the Java kernel's start-up and the grader."""
import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def numpy_python():
    for candidate in (sys.executable, "/usr/bin/python3", shutil.which("python3")):
        if candidate and subprocess.run([candidate, "-c", "import numpy"], capture_output=True).returncode == 0:
            return candidate
    return None


def run(argv, env=None) -> str:
    print("$ " + " ".join(str(a) for a in argv), flush=True)
    out = subprocess.run(argv, cwd=REPO, env=env, capture_output=True, text=True)
    print(out.stdout + out.stderr, flush=True)
    out.check_returncode()
    return out.stdout


def main() -> int:
    parser = argparse.ArgumentParser(prog="./kit bench", description=__doc__)
    parser.add_argument("--iterations", type=int, default=4000,
                        help="Java iterations per timed round, numpy does a quarter as many (default 4000; 3 rounds each, median)")
    parser.add_argument("--kernel", action="store_true",
                        help="also start the Java kernel through the kit's launcher: hangs the launcher caught and "
                             "restarted, hangs reaching Jupyter, time to ready and to the first result")
    parser.add_argument("--starts", type=int, default=200, help="kernel starts for --kernel (default 200)")
    parser.add_argument("--grading", action="store_true", help="also grade a class of 30 generated submissions")
    args = parser.parse_args()

    run([str(REPO / "mvnw"), "-q", "-B", "-pl", "bench", "-am", "package", "-DskipTests"])
    classpath = os.pathsep.join([str(REPO / "bench/target/rnnkit-bench-0.1.0-SNAPSHOT.jar"), str(REPO / "lib/target/rnnkit.jar"),
                                 str(REPO / "lib/target/kernel-classpath/*")])
    java = run(["java", "-cp", classpath, "io.github.rnnkit.bench.CharRnnBench", str(args.iterations)])
    java_rate = float(re.search(r"java iterations/s: ([0-9.]+)", java).group(1))

    python = numpy_python()
    if python is None:
        print("No Python with numpy found: the numpy comparison is skipped.")
        return 0
    env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
    numpy_out = run([python, str(REPO / "tools/bench_numpy.py"), str(max(1, args.iterations // 4))], env=env)
    numpy_rate = float(re.search(r"numpy iterations/s: ([0-9.]+)", numpy_out).group(1))
    print(f"ratio: the Java loop runs {java_rate / numpy_rate:.2f}× as many iterations per second as numpy")

    tools_python = os.environ.get("KIT_PYTHON", "/usr/bin/python3")
    if args.kernel:
        run([tools_python, str(REPO / "tools/kit.py"), "kernel-bench", "--starts", str(args.starts)])
    if args.grading:
        run([tools_python, str(REPO / "tools/kit.py"), "grade-bench"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
