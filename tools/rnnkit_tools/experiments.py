"""`./kit experiments [NAME…]`: the recorded experiments of lessons 05 and 07, run by the library's
io.github.rnnkit.experiment.ExperimentRunner on every core, deterministic and seeded, with a progress
bar. Each record goes into the library's resources (lib/src/main/resources/io/github/rnnkit/experiments/
NAME.csv) with every parameter and the code version (the git commit and a SHA-256 of lib/src/main/java),
so the lessons load it from the jar wherever they run. A run can be cut into sessions (--minutes): finished
cells are kept in target/experiments/NAME.partial.csv and the next session goes on from there.
`--check` re-runs a sample of each record and compares it bit for bit, as `./kit test` does."""
import hashlib
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import List, Optional

from . import paths, setup

NAMES = ["adding-vanilla", "adding-gated", "adding-batch32", "adding-width40"]
RECORDS = paths.REPO / "lib" / "src" / "main" / "resources" / "io" / "github" / "rnnkit" / "experiments"
PARTIAL = paths.REPO / "target" / "experiments"
SOURCES = paths.REPO / "lib" / "src" / "main" / "java"
RUNNER = "io.github.rnnkit.experiment.ExperimentRunner"


def sources_sha256(root: Path = SOURCES) -> str:
    """A SHA-256 over every .java file under root: its path relative to root, a NUL, its bytes, in path order."""
    digest = hashlib.sha256()
    for file in sorted(root.rglob("*.java")):
        digest.update(file.relative_to(root).as_posix().encode() + b"\0")
        digest.update(file.read_bytes())
    return digest.hexdigest()


def git_commit() -> str:
    """HEAD's commit, with "+uncommitted" when lib/src/main/java differs from it."""
    def git(*args):
        return subprocess.run(["git", *args], cwd=paths.REPO, capture_output=True, text=True)
    head = git("rev-parse", "HEAD")
    if head.returncode != 0:
        return "unknown (not a git checkout)"
    dirty = git("status", "--porcelain", "--", str(SOURCES)).stdout.strip()
    return head.stdout.strip() + ("+uncommitted" if dirty else "")


def classpath() -> str:
    """The library's jar, copied to target/experiments/ under the hash of its bytes (a rebuild during a long
    run must not swap the classes under a running JVM; the records inside it count too), and its dependencies."""
    if setup.build_is_stale():
        setup.build()
    PARTIAL.mkdir(parents=True, exist_ok=True)
    jar = PARTIAL / "rnnkit-{}.jar".format(hashlib.sha256(paths.LIB_JAR.read_bytes()).hexdigest()[:16])
    if not jar.exists():
        shutil.copy2(paths.LIB_JAR, jar)
    return ":".join(str(p) for p in [jar, *sorted(paths.LIB_DEPENDENCIES.glob("*.jar"))])


def java(args: List[str], cp: str) -> subprocess.Popen:
    return subprocess.Popen([setup.java_command(), "-XX:+UseSerialGC", "-Xmx1g", "-cp", cp, RUNNER, *args],
                            stdout=subprocess.PIPE, text=True, bufsize=1)


class Bar:
    """`adding-gated [##########..........] 120/240  31 min, about 30 min left`: in place on a terminal,
    a line every tenth of the way otherwise."""

    def __init__(self, label: str):
        self.label, self.began, self.first, self.shown = label, time.monotonic(), None, -1
        self.tty = sys.stdout.isatty()

    def update(self, done: int, total: int) -> None:
        if self.first is None:
            self.first = done - 1
        elapsed = time.monotonic() - self.began
        rate = (done - self.first) / elapsed if elapsed > 0 else 0
        left = (total - done) / rate if rate > 0 else float("nan")
        filled = round(30 * done / total)
        text = "{} [{}{}] {}/{}  {:.0f} min, about {:.0f} min left".format(
            self.label, "#" * filled, "." * (30 - filled), done, total, elapsed / 60, left / 60)
        if self.tty:
            print("\r" + text, end="", flush=True)
        elif done * 10 // total != self.shown:
            self.shown = done * 10 // total
            print(text, flush=True)

    def close(self) -> None:
        if self.tty:
            print(flush=True)


def run(name: str, cp: str, sources: str, minutes: Optional[float], threads: Optional[int], keep_partial: bool) -> int:
    args = ["run", name, "--out", str(RECORDS), "--partial", str(PARTIAL), "--commit", git_commit(),
            "--sources", sources]
    if minutes is not None:
        args += ["--minutes", str(minutes)]
    if threads is not None:
        args += ["--threads", str(threads)]
    if keep_partial:
        args += ["--keep-partial", "yes"]
    began = time.monotonic()
    bar = Bar(name)
    process = java(args, cp)
    for line in process.stdout:
        if line.startswith("progress "):
            _, done, total, *_ = line.split()
            bar.update(int(done), int(total))
        else:
            bar.close()
            print(line.rstrip(), flush=True)
    code = process.wait()
    bar.close()
    wall = time.monotonic() - began
    if code == 0:
        print("{}: recorded in {} ({:.1f} min)".format(name, (RECORDS / (name + ".csv")).relative_to(paths.REPO), wall / 60))
    elif code == 3:
        print("{}: stopped after {:.1f} min; `./kit experiments {}` goes on from there".format(name, wall / 60, name))
    return code


def check(name: str, cp: str) -> int:
    process = java(["check", name], cp)
    for line in process.stdout:
        print("{}: {}".format(name, line.rstrip()), flush=True)
    return process.wait()


def main(names: List[str], minutes: Optional[float] = None, threads: Optional[int] = None,
         check_only: bool = False, keep_partial: bool = False) -> int:
    unknown = [n for n in names if n not in NAMES]
    if unknown:
        print("./kit experiments: no experiment {}; the experiments are {}".format(", ".join(unknown), ", ".join(NAMES)),
              file=sys.stderr)
        return 2
    sources = sources_sha256()
    cp = classpath()
    worst = 0
    for name in names or NAMES:
        code = check(name, cp) if check_only else run(name, cp, sources, minutes, threads, keep_partial)
        worst = max(worst, code)
        if code == 3:
            break
    if not check_only and worst == 0:
        setup.main()   # the jar holds the records: rebuild it and hand it to the kernel
    return worst
