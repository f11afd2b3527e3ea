#!/usr/bin/env python3
"""./kit: every command of the RNN Gradients Kit, in one place.

The `kit` script only finds a python3 and runs this file. Here each command says what it needs: a command
that drives Jupyter re-runs this file under the kit's Jupyter environment (rnnkit_tools/jupyter_env.py: the
project .venv from binder/requirements.txt, or $KIT_PYTHON) with that environment's scripts first on PATH;
a command that runs Java first checks for a JDK 17+. Each command's work lives in its rnnkit_tools module.
No syntax newer than Python 3.6 here: an old python3 must get as far as saying what the kit needs.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rnnkit_tools import jupyter_env, paths  # noqa: E402

JAVA_HELP = ("Install a JDK 17 or newer (Debian/Ubuntu: sudo apt-get install openjdk-17-jdk-headless; "
             "macOS: brew install openjdk@17) and put its bin/ first on PATH.")


class Unmet(Exception):
    """A missing prerequisite (Java, Python, Jupyter), with what to do about it."""


def require_java() -> None:
    if shutil.which("java") is None or shutil.which("javac") is None:
        missing = "'java'" if shutil.which("java") is None else "'javac' (only a runtime is installed)"
        raise Unmet("no {} on PATH. {}".format(missing, JAVA_HELP))
    out = subprocess.run(["java", "-version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         universal_newlines=True).stdout
    found = re.search(r'version "(1\.)?(\d+)', out)
    if not found or int(found.group(2)) < 17:
        raise Unmet("found Java {}, but the kit needs Java 17 or newer. {}".format(
            found.group(0).split('"')[1] if found else "of unknown version", JAVA_HELP))


def enter_jupyter_env(argv) -> None:
    """Re-runs this command under the kit's Python unless it already runs there, with its scripts (jupyter,
    nbgrader, alembic…) first on PATH: nbgrader calls some of them by name."""
    python = jupyter_env.python_for_kit()
    bin_dir = os.path.dirname(python)
    if bin_dir and os.environ.get("PATH", "").split(os.pathsep)[0] != bin_dir:
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")
    if os.path.abspath(sys.executable) != os.path.abspath(python):
        os.execv(python, [python, os.path.abspath(__file__)] + list(argv))


# --- the commands -----------------------------------------------------------------------------------------

def cmd_setup(args) -> int:
    from rnnkit_tools import setup
    return setup.main()


def cmd_lab(args) -> int:
    from rnnkit_tools import lab
    return lab.main(args.jupyter_args, classic=args.classic, dry_run=args.dry_run)


def cmd_check(args) -> int:
    from rnnkit_tools import check
    notebooks = args.notebooks or paths.lessons(paths.SOLUTIONS) + paths.lessons(paths.NOTEBOOKS)
    return 1 if check.check(notebooks, cell_timeout=args.cell_timeout) else 0


def cmd_release(args) -> int:
    from rnnkit_tools import release
    if args.check:
        found = release.out_of_sync()
        for line in found:
            print("out of sync: " + line)
        print("Run ./kit release to regenerate notebooks/." if found else "notebooks/ matches the solutions.")
        return 1 if found else 0
    changed = release.release()
    print("Released {} lessons; changed: {}.".format(len(paths.lessons(paths.SOLUTIONS)), ", ".join(changed) or "none"))
    return 0


def cmd_grade(args) -> int:
    from rnnkit_tools import grade
    from rnnkit_tools.sandbox import SandboxUnavailable
    submissions = args.submissions.resolve()
    if not submissions.is_dir():
        print("./kit grade: SUBMISSIONS must be a folder of <student>/<notebook>.ipynb, got {}".format(
            args.submissions), file=sys.stderr)
        return 2
    out = args.out or submissions.parent / "grades"
    try:
        grade.grade(submissions, out.resolve(), cell_timeout=args.timeout, jobs=args.jobs, unsafe=args.unsafe,
                    run_kernel=not args.verdicts_only)
    except SandboxUnavailable as e:
        print(f"./kit grade: {e}", file=sys.stderr)
        return 2
    return 0


def cmd_class(args) -> int:
    from rnnkit_tools.classroom import cli
    return cli.main(args)


def cmd_render(args) -> int:
    from rnnkit_tools import render
    return 1 if render.render(paths.lessons(paths.NOTEBOOKS)) else 0


def cmd_browser(args) -> int:
    from rnnkit_tools import browser
    return 1 if browser.main(args.notebooks, args.ui) else 0


def cmd_binder_link(args) -> int:
    from rnnkit_tools import binder
    try:
        print(binder.link_for_remote(binder.origin_url()))
    except binder.NoGitHubRemote as e:
        print("./kit binder-link: {}".format(e), file=sys.stderr)
        return 1
    return 0


def cmd_bench(args) -> int:
    bench = str(paths.REPO / "tools" / "bench.py")
    os.execv(sys.executable, [sys.executable, bench] + args.jupyter_args)


def cmd_kernel_bench(args) -> int:
    from rnnkit_tools import kernel_bench
    return kernel_bench.main(starts=args.starts, startup_timeout=args.startup_timeout)


def cmd_grade_bench(args) -> int:
    from rnnkit_tools import grade_bench
    return grade_bench.main(lesson=args.lesson, students=args.students, jobs=args.jobs,
                            run_kernel=not args.verdicts_only)


def cmd_experiments(args) -> int:
    from rnnkit_tools import experiments
    return experiments.main(args.names, minutes=args.minutes, threads=args.threads, check_only=args.check,
                            keep_partial=args.keep_partial)


def test_stages():
    """(name, argv) of every stage of ./kit test, in order."""
    kit = [sys.executable, os.path.abspath(__file__)]
    pytest = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    tests = paths.REPO / "tools" / "tests"
    return [
        ("library tests (Maven)", [str(paths.REPO / "mvnw"), "-B", "verify"]),
        ("kernel setup", kit + ["setup"]),
        ("student notebooks in sync with the solutions", kit + ["release", "--check"]),
        ("tool tests (pytest)", pytest + ["-m", "not stage", str(tests)]),
        ("recorded experiments reproduce (a sample)", pytest + [str(tests / "test_experiments.py")]),
        ("notebooks in the real kernel", kit + ["check"]),
        ("lessons in JupyterLab 4 and Notebook 7", kit + ["browser"]),
        ("exercises: the wrong-answer fixture and the alternatives graded by ./kit grade",
         pytest + ["-s", str(tests / "test_grade_wrong_answers.py")]),
        ("nbgrader round trip", pytest + ["-s", str(tests / "test_nbgrader_round_trip.py")]),
        ("Binder simulation", pytest + ["-s", str(tests / "test_binder_simulation.py")]),
        ("a class on JupyterHub", pytest + ["-s", str(tests / "test_class_end_to_end.py")]),
    ]


def cmd_test(args) -> int:
    stages = test_stages()
    failed = []
    for name, argv in stages:
        print("\n=== {} ===".format(name), flush=True)
        began = time.monotonic()
        code = subprocess.run(argv, cwd=str(paths.REPO)).returncode
        print("=== {}: {} in {:.0f} s ===".format(name, "passed" if code == 0 else "FAILED (exit {})".format(code),
                                                  time.monotonic() - began), flush=True)
        if code != 0:
            failed.append(name)
            if name == "kernel setup":
                break
    print()
    for name in failed:
        print("failed: " + name)
    print("stages: {} passed, {} failed".format(len(stages) - len(failed), len(failed)))
    return 1 if failed else 0


# --- the command line -------------------------------------------------------------------------------------

def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="./kit", description="The RNN Gradients Kit: lessons, tests, grading.")
    sub = top.add_subparsers(dest="command", metavar="COMMAND")

    def command(name, run, summary, java=True, jupyter=True, extra=False, own_help=False):
        # own_help: the command's script parses its options and answers --help itself
        p = sub.add_parser(name, help=summary, description=summary, add_help=not own_help)
        p.set_defaults(run=run, java=java, jupyter=jupyter, takes_extra=extra)
        return p

    command("setup", cmd_setup, "build the library, fetch the Java kernel, install the 'rnnkit' kernelspec")
    p = command("lab", cmd_lab, "open the lessons in JupyterLab 4 (--classic: Notebook 7) on 127.0.0.1", extra=True)
    p.add_argument("--classic", action="store_true", help="open Notebook 7 instead of JupyterLab")
    p.add_argument("--dry-run", action="store_true", help="print the Jupyter command instead of running it")
    p.epilog = "Any other arguments go to Jupyter, e.g. ./kit lab --port 9999 --no-browser"
    command("test", cmd_test, "run every check: library, tools, notebooks, browser, nbgrader, Binder")
    p = command("check", cmd_check, "execute notebooks in the real kernel and report what is wrong")
    p.add_argument("notebooks", nargs="*", type=Path, help="default: every lesson, solutions and student")
    p.add_argument("--cell-timeout", type=int, default=120, help="seconds a cell may run (default 120)")
    p = command("release", cmd_release, "write the student notebooks from notebooks/solutions/ with nbgrader's "
                                        "preprocessors", java=False)
    p.add_argument("--check", action="store_true", help="only report whether notebooks/ is in sync")
    p = command("grade", cmd_grade, "grade submissions: SUBMISSIONS/<student>/<notebook>.ipynb")
    p.add_argument("submissions", type=Path, help="folder with one sub-folder per student")
    p.add_argument("--out", type=Path, help="where gradebook.csv, scores.csv and feedback/ go (default: "
                                             "grades/ beside SUBMISSIONS)")
    p.add_argument("--timeout", type=int, default=60, help="seconds a cell or an exercise's check may run (default 60)")
    p.add_argument("--jobs", type=int, default=1, help="submissions graded at once (default 1)")
    p.add_argument("--unsafe", action="store_true", help="grade even without a sandbox (bubblewrap); "
                                                          "the gradebook says so")
    p.add_argument("--verdicts-only", action="store_true", help="score without running each notebook in a "
                                                                 "kernel (feedback pages then show no outputs)")
    p = command("class", cmd_class, "a class on this machine (root): JupyterHub, Unix users, nbgrader's exchange; "
                                    "release, collect, autograde, feedback, export; --down removes it")
    from rnnkit_tools.classroom import cli as class_cli
    class_cli.add_arguments(p)
    command("render", cmd_render, "execute every lesson and write a static site to target/site/")
    p = command("browser", cmd_browser, "run lessons in JupyterLab 4 and Notebook 7 in headless Chromium")
    p.add_argument("notebooks", nargs="*", type=Path, help="default: every student lesson")
    p.add_argument("--ui", choices=["lab", "notebook", "both"], default=None,
                   help="default: every lesson in Lab, the Notebook 7 set in Notebook 7 (see README)")
    command("binder-link", cmd_binder_link, "print the Binder link of this clone's GitHub remote 'origin'",
            java=False, jupyter=False)
    command("bench", cmd_bench, "speed figures: the training loop against numpy and PyTorch, scale, lessons, "
                                "kernel (--help: the parts)", jupyter=False, extra=True, own_help=True)
    p = command("experiments", cmd_experiments, "run the recorded experiments of lessons 05 and 07 (every core, "
                                                "resumable) into the library's resources")
    p.add_argument("names", nargs="*", help="adding-vanilla, adding-gated, adding-batch32, adding-width40 (default: all)")
    p.add_argument("--minutes", type=float, help="stop starting cells after this long; run again to go on")
    p.add_argument("--threads", type=int, help="cells trained at once (default: every core)")
    p.add_argument("--check", action="store_true", help="re-run a sample of each record and compare, bit for bit")
    p.add_argument("--keep-partial", action="store_true", help="go on from finished cells even if the library "
                                                               "sources changed since")
    p = command("kernel-bench", cmd_kernel_bench, "start the kernel many times: start-up time and hangs")
    p.add_argument("--starts", type=int, default=200, help="kernel starts to make (default 200)")
    p.add_argument("--startup-timeout", type=float, default=60, help="seconds before a start counts as hung")
    p = command("grade-bench", cmd_grade_bench, "time the grader on a class of generated submissions")
    p.add_argument("--students", type=int, default=30, help="submissions to grade (default 30)")
    p.add_argument("--jobs", type=int, default=2, help="submissions graded at once (default 2)")
    p.add_argument("--lesson", help="one lesson, e.g. 04-tanh (default: every lesson)")
    p.add_argument("--verdicts-only", action="store_true", help="time the scoring alone, without the kernel run")
    return top


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    top = parser()
    args, extra = top.parse_known_args(argv)
    if args.command is None:
        top.print_help(sys.stderr)
        return 2
    if extra and not args.takes_extra:
        top.error("unrecognized arguments: " + " ".join(extra))
    args.jupyter_args = extra
    try:
        if args.java:
            require_java()
        if args.jupyter:
            enter_jupyter_env(argv)
    except (Unmet, jupyter_env.EnvironmentProblem) as e:
        print("kit: {}".format(e), file=sys.stderr)
        return 1
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
