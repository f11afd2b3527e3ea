#!/usr/bin/env python3
"""The Python half of ./kit: the subcommands that drive Jupyter (setup, lab, test, check)."""
import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rnnkit_tools import paths  # noqa: E402


def cmd_setup(args) -> int:
    from rnnkit_tools import setup
    return setup.main()


def cmd_lab(args) -> int:
    from rnnkit_tools import lab
    return lab.main(args.jupyter_args, dry_run=args.dry_run)


def cmd_check(args) -> int:
    from rnnkit_tools import check
    notebooks = args.notebooks or default_notebooks()
    return 1 if check.check(notebooks, cell_timeout=args.cell_timeout) else 0


def cmd_release(args) -> int:
    from rnnkit_tools import release
    if args.check:
        found = release.out_of_sync()
        for line in found:
            print(f"out of sync: {line}")
        print("Run ./kit release to regenerate notebooks/." if found else "notebooks/ matches the solutions.")
        return 1 if found else 0
    changed = release.release()
    print(f"Released {len(paths.lessons(paths.SOLUTIONS))} lessons; changed: {', '.join(changed) or 'none'}.")
    return 0


def cmd_grade(args) -> int:
    from rnnkit_tools import grade
    from rnnkit_tools.sandbox import SandboxUnavailable
    submissions = args.submissions.resolve()
    if not submissions.is_dir():
        print(f"./kit grade: SUBMISSIONS must be a folder of <student>/<notebook>.ipynb, got {args.submissions}",
              file=sys.stderr)
        return 2
    out = args.out or submissions.parent / "grades"
    try:
        grade.grade(submissions, out.resolve(), cell_timeout=args.timeout, jobs=args.jobs, unsafe=args.unsafe,
                    run_kernel=not args.verdicts_only)
    except SandboxUnavailable as e:
        print(f"./kit grade: {e}", file=sys.stderr)
        return 2
    return 0


def cmd_render(args) -> int:
    from rnnkit_tools import render
    return 1 if render.render(paths.lessons(paths.NOTEBOOKS)) else 0


def cmd_browser(args) -> int:
    from rnnkit_tools import browser
    notebooks = args.notebooks or paths.lessons(paths.NOTEBOOKS)
    return 1 if browser.check(notebooks) else 0


def cmd_kernel_bench(args) -> int:
    from rnnkit_tools import kernel_bench
    return kernel_bench.main(starts=args.starts, startup_timeout=args.startup_timeout)


def cmd_grade_bench(args) -> int:
    from rnnkit_tools import grade_bench
    return grade_bench.main(lesson=args.lesson, students=args.students, jobs=args.jobs,
                            run_kernel=not args.verdicts_only)


def default_notebooks():
    return paths.lessons(paths.SOLUTIONS) + paths.lessons(paths.NOTEBOOKS)


def cmd_test(args) -> int:
    stages = [
        ("library tests (Maven)", [str(paths.REPO / "mvnw"), "-B", "verify"]),
        ("kernel setup", [sys.executable, __file__, "setup"]),
        ("student notebooks in sync with the solutions", [sys.executable, __file__, "release", "--check"]),
        ("tool tests (pytest)", [sys.executable, "-m", "pytest", "-q", str(paths.REPO / "tools" / "tests")]),
        ("notebooks in the real kernel", [sys.executable, __file__, "check"]),
        ("lessons in a real browser", [sys.executable, __file__, "browser"]),
    ]
    failed = []
    for name, argv in stages:
        print(f"\n=== {name} ===", flush=True)
        began = time.monotonic()
        code = subprocess.run(argv, cwd=paths.REPO).returncode
        print(f"=== {name}: {'passed' if code == 0 else f'FAILED (exit {code})'} "
              f"in {time.monotonic() - began:.0f} s ===", flush=True)
        if code != 0:
            failed.append(name)
            if name == "kernel setup":
                break
    print()
    for name in failed:
        print(f"failed: {name}")
    print(f"stages: {len(stages) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="./kit", description="RNN Gradients Kit tooling.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("setup", help="build the library, fetch the kernel, install the rnnkit kernelspec")
    p.set_defaults(run=cmd_setup)

    p = sub.add_parser("lab", help="open the lessons in JupyterLab, or the classic Notebook")
    p.add_argument("--dry-run", action="store_true", help="print the Jupyter command instead of running it")
    p.set_defaults(run=cmd_lab, takes_extra=True)
    p.epilog = "Any other arguments go to Jupyter, e.g. ./kit lab --port 9999 --no-browser"

    p = sub.add_parser("test", help="library tests, tool tests, and every notebook in the real kernel")
    p.set_defaults(run=cmd_test)

    p = sub.add_parser("check", help="execute notebooks in the real kernel and report problems")
    p.add_argument("notebooks", nargs="*", type=Path, help="default: every lesson, solutions and student")
    p.add_argument("--cell-timeout", type=int, default=120, help="seconds a cell may run (default 120)")
    p.set_defaults(run=cmd_check)

    p = sub.add_parser("release", help="write the student notebooks from notebooks/solutions/")
    p.add_argument("--check", action="store_true", help="only report whether notebooks/ is in sync")
    p.set_defaults(run=cmd_release)

    p = sub.add_parser("grade", help="grade submissions: SUBMISSIONS/<student>/<notebook>.ipynb")
    p.add_argument("submissions", type=Path, help="folder with one sub-folder per student")
    p.add_argument("--out", type=Path, help="where gradebook.csv, scores.csv and feedback/ go (default: "
                                             "grades/ beside SUBMISSIONS)")
    p.add_argument("--timeout", type=int, default=60, help="seconds a cell or an exercise's check may run (default 60)")
    p.add_argument("--jobs", type=int, default=1, help="submissions graded at once (default 1)")
    p.add_argument("--unsafe", action="store_true", help="grade even without a sandbox (bubblewrap); "
                                                          "the gradebook says so")
    p.add_argument("--verdicts-only", action="store_true", help="score without running each notebook in a "
                                                                 "kernel (feedback pages then show no outputs)")
    p.set_defaults(run=cmd_grade)

    p = sub.add_parser("render", help="execute every lesson and write a static site to target/site/")
    p.set_defaults(run=cmd_render)

    p = sub.add_parser("browser", help="run lessons in headless Chromium as a student would")
    p.add_argument("notebooks", nargs="*", type=Path, help="default: every student lesson")
    p.set_defaults(run=cmd_browser)

    p = sub.add_parser("kernel-bench", help="start the kernel many times: start-up time and hangs")
    p.add_argument("--starts", type=int, default=50, help="kernel starts to make (default 50)")
    p.add_argument("--startup-timeout", type=float, default=20, help="seconds before a start counts as hung")
    p.set_defaults(run=cmd_kernel_bench)

    p = sub.add_parser("grade-bench", help="time the grader on a class of generated submissions")
    p.add_argument("--students", type=int, default=30, help="submissions to grade (default 30)")
    p.add_argument("--jobs", type=int, default=2, help="submissions graded at once (default 2)")
    p.add_argument("--lesson", help="one lesson, e.g. 04-tanh (default: every lesson)")
    p.add_argument("--verdicts-only", action="store_true", help="time the scoring alone, without the kernel run")
    p.set_defaults(run=cmd_grade_bench)

    args, extra = parser.parse_known_args(argv)
    if extra and not getattr(args, "takes_extra", False):
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    args.jupyter_args = extra
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
