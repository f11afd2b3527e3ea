"""`./kit setup`: build the library when its sources changed, gather the kernel's classpath (the lesson jar and
its libraries; the grader's jars go to a folder of their own, never on the kernel's classpath),
and install the `rnnkit` kernelspec where this checkout's Jupyter finds it and no other checkout's
setup can repoint it. Safe to run again at any time."""
import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Optional

from . import kernel_cds, paths

# Headless charts; a 1 GB heap; the serial collector: measured on 2 cores, a kernel start is ready
# 0.13 s sooner with it (median 1.14 s against 1.27 s, 15 starts each, interleaved), and lessons 05 and
# 07, whose experiments allocate most, run as fast or faster (docs/kernel.md).
JVM_OPTIONS = ["-Djava.awt.headless=true", "-Xmx1g", "-XX:+UseSerialGC"]
DISPLAY_NAME = "Java (RNN Gradients Kit)"
BUILT_STAMP = paths.KIT_DIR / "built.stamp"


def newest_mtime(inputs) -> float:
    newest = 0.0
    for root in inputs:
        files = [root] if root.is_file() else [p for p in root.rglob("*") if p.is_file()]
        newest = max([newest] + [p.stat().st_mtime for p in files])
    return newest


def build_is_stale() -> bool:
    built = (paths.LIB_JAR, paths.BUILT_KERNEL_JAR, paths.BUILT_AGENT_JAR, paths.LIB_DEPENDENCIES, paths.BUILT_GRADER_JAR,
             paths.BUILT_RUNNER_JAR, paths.GRADER_DEPENDENCIES)
    if not all(p.exists() for p in built) or not BUILT_STAMP.exists():
        return True
    # A stamp of the last build, not a jar's time: Maven leaves an up-to-date jar as it was.
    return newest_mtime(paths.BUILD_INPUTS) > BUILT_STAMP.stat().st_mtime


def build() -> None:
    print("Building the library, the grader and fetching the Java kernel with Maven…", flush=True)
    # copy-dependencies only adds: a jar of a version the poms no longer name would stay on the classpath
    for folder in (paths.LIB_DEPENDENCIES, paths.GRADER_DEPENDENCIES):
        shutil.rmtree(folder, ignore_errors=True)
    subprocess.run(
        [str(paths.REPO / "mvnw"), "-B", "-q", "-DskipTests", "-pl", "lib,kernel-agent,grader-runner,grader", "-am", "package"],
        cwd=paths.REPO,
        check=True,
    )
    BUILT_STAMP.parent.mkdir(parents=True, exist_ok=True)
    BUILT_STAMP.touch()


def sync(sources, target: Path) -> bool:
    """Makes `target` hold exactly the given files; returns True when anything changed."""
    target.mkdir(parents=True, exist_ok=True)
    wanted = {p.name: p for p in sources}
    changed = False
    for stale in target.iterdir():
        if stale.name not in wanted:
            stale.unlink()
            changed = True
    for name, src in wanted.items():
        dst = target / name
        if not dst.exists() or not filecmp.cmp(src, dst, shallow=False):
            shutil.copy2(src, dst)
            changed = True
    return changed


def java_command() -> str:
    java = shutil.which("java")
    if java is None:
        raise SystemExit("java was not found on PATH: install a JDK 17 or newer.")
    return str(Path(java).resolve())


def kernel_command(archive: Optional[Path] = None) -> list:
    """The JVM that runs the kernel: headless, the kit's agent, and the class-data archive if there is one."""
    options = list(JVM_OPTIONS)
    if archive is not None:
        options.append(f"-XX:SharedArchiveFile={archive}")
    options.append(f"-javaagent:{paths.AGENT_JAR}")
    return [java_command(), *options, "-jar", str(paths.KERNEL_JAR), "{connection_file}"]


def kernelspec(archive: Optional[Path] = None) -> dict:
    """The launcher around the kernel's JVM; Interrupt is a SIGINT, which the kit's agent turns into
    stopping the running cell (docs/kernel.md)."""
    classpath = str(paths.CLASSPATH_DIR / "*")
    return {
        "argv": [sys.executable, "-I", str(paths.LAUNCHER), "{connection_file}", "--", *kernel_command(archive)],
        "display_name": DISPLAY_NAME,
        "language": "java",
        "interrupt_mode": "signal",
        "env": {
            "RJK_CLASSPATH": classpath,
            "IJAVA_CLASSPATH": classpath,
            "JJAVA_CLASSPATH": classpath,
        },
    }


def owns_prefix(prefix: Path, repo: Path = paths.REPO) -> bool:
    """Whether the Python running setup lives in this checkout (its .venv): then that environment's
    Jupyter, which looks in its own prefix before the user's folder, belongs to this checkout alone."""
    prefix = Path(prefix).resolve()
    return prefix.is_relative_to(repo.resolve()) and os.access(prefix, os.W_OK)


def install_kernelspec(spec: dict, prefix: Path = Path(sys.prefix)) -> bool:
    """Installs the spec into this checkout's Python environment, or, for a Python shared with other
    checkouts, for the user with the checkout's folder in its display name; returns False when the
    installed spec was already identical."""
    from jupyter_client.kernelspec import KernelSpecManager

    manager = KernelSpecManager()
    if owns_prefix(prefix):
        kernels, where = Path(prefix) / "share" / "jupyter" / "kernels", {"prefix": str(prefix)}
    else:
        spec = {**spec, "display_name": f"{spec['display_name']} — {paths.REPO.name}"}
        kernels, where = Path(manager.user_kernel_dir), {"user": True}
    installed = kernels / paths.KERNEL_NAME / "kernel.json"
    if installed.exists() and json.loads(installed.read_text()) == spec:
        return False
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "kernel.json").write_text(json.dumps(spec, indent=1) + "\n")
        manager.install_kernel_spec(tmp, paths.KERNEL_NAME, **where)
    return True


def main(argv=None) -> int:
    if build_is_stale():
        build()
    changed = sync([paths.LIB_JAR, *sorted(paths.LIB_DEPENDENCIES.glob("*.jar"))], paths.CLASSPATH_DIR)
    changed |= sync([paths.BUILT_KERNEL_JAR, paths.BUILT_AGENT_JAR], paths.KERNEL_DIR)
    changed |= sync([paths.BUILT_GRADER_JAR, paths.BUILT_RUNNER_JAR, *sorted(paths.GRADER_DEPENDENCIES.glob("*.jar"))],
                    paths.GRADER_DIR)
    changed |= install_kernelspec(kernelspec(kernel_cds.archive(kernel_command(), spec_env=kernelspec()["env"])))
    print(f"Kernel '{paths.KERNEL_NAME}' is ready" + (" (updated)." if changed else " (unchanged)."))
    return 0


if __name__ == "__main__":
    sys.exit(main())
