"""`./kit setup`: build the library when its sources changed, gather the kernel's classpath,
and install the `rnnkit` kernelspec for the current user. Safe to run again at any time."""
import filecmp
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from . import paths

HEAP = "-Xmx1g"


def newest_mtime(inputs) -> float:
    newest = 0.0
    for root in inputs:
        files = [root] if root.is_file() else [p for p in root.rglob("*") if p.is_file()]
        newest = max([newest] + [p.stat().st_mtime for p in files])
    return newest


def build_is_stale() -> bool:
    if not all(p.exists() for p in (paths.LIB_JAR, paths.BUILT_KERNEL_JAR, paths.LIB_DEPENDENCIES)):
        return True
    return newest_mtime(paths.BUILD_INPUTS) > paths.LIB_JAR.stat().st_mtime


def build() -> None:
    print("Building the library and fetching the Java kernel with Maven…", flush=True)
    subprocess.run(
        [str(paths.REPO / "mvnw"), "-B", "-q", "-DskipTests", "-pl", "lib", "-am", "package"],
        cwd=paths.REPO,
        check=True,
    )


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


def kernelspec() -> dict:
    classpath = str(paths.CLASSPATH_DIR / "*")
    return {
        "argv": [
            java_command(),
            "-Djava.awt.headless=true",
            HEAP,
            "-jar",
            str(paths.KERNEL_JAR),
            "{connection_file}",
        ],
        "display_name": "Java (RNN Gradients Kit)",
        "language": "java",
        "interrupt_mode": "message",
        "env": {
            "RJK_CLASSPATH": classpath,
            "IJAVA_CLASSPATH": classpath,
            "JJAVA_CLASSPATH": classpath,
        },
    }


def install_kernelspec(spec: dict) -> bool:
    """Installs the spec for the user unless the installed one is identical."""
    from jupyter_client.kernelspec import KernelSpecManager

    manager = KernelSpecManager()
    installed = Path(manager.user_kernel_dir) / paths.KERNEL_NAME / "kernel.json"
    if installed.exists() and json.loads(installed.read_text()) == spec:
        return False
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "kernel.json").write_text(json.dumps(spec, indent=1) + "\n")
        manager.install_kernel_spec(tmp, paths.KERNEL_NAME, user=True)
    return True


def main(argv=None) -> int:
    if build_is_stale():
        build()
    changed = sync([paths.LIB_JAR, *sorted(paths.LIB_DEPENDENCIES.glob("*.jar"))], paths.CLASSPATH_DIR)
    changed |= sync([paths.BUILT_KERNEL_JAR], paths.KERNEL_DIR)
    changed |= install_kernelspec(kernelspec())
    print(f"Kernel '{paths.KERNEL_NAME}' is ready" + (" (updated)." if changed else " (unchanged)."))
    return 0


if __name__ == "__main__":
    sys.exit(main())
