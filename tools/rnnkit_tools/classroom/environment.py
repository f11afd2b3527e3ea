"""The software of a class, installed where every user can run it and nobody but root can change it:
the Python environment (pinned: binder/requirements.txt with tools/requirements-class.txt), the hub's proxy
(npm, pinned by tools/class-proxy/package-lock.json), and the Java kernel (the kit's jars, launcher and a
class-data archive, copied and trained under the class's java/ folder, with a kernelspec in the class's
environment, which every user's Jupyter reads)."""
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Dict, List, Optional

from .. import kernel_cds, paths, setup
from .layout import ClassError, Layout

BINDER_REQUIREMENTS = paths.REPO / "binder" / "requirements.txt"
CLASS_REQUIREMENTS = paths.REPO / "tools" / "requirements-class.txt"
PROXY_PACKAGE = paths.REPO / "tools" / "class-proxy"
AS_INSTRUCTOR = Path(__file__).resolve().parent / "as_instructor.py"
EXCHANGE_MODULE = Path(__file__).resolve().parent / "rnnkit_exchange.py"
PYTHON_CANDIDATES = ("/usr/bin/python3", "/usr/local/bin/python3")
STAMP = "rnnkit-class-requirements.txt"
NOBODY = 65534
NODE_MAJOR = 20  # configurable-http-proxy 5 asks for it


# --- Python ---------------------------------------------------------------------------------------------

def runs_for_everyone(python: str) -> Optional[str]:
    """None when an unprivileged user can run `python` (3.11 or newer) and make a venv with it; else why not."""
    probe = "import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))"
    try:
        done = subprocess.run([python, "-I", "-c", probe], user=NOBODY, group=NOBODY, extra_groups=[],
                              capture_output=True, text=True, cwd="/")
    except OSError as e:
        return f"it does not start for an unprivileged user ({e.strerror})"
    if done.returncode == 1 and not done.stderr:
        return "it is older than 3.11"
    if done.returncode != 0:
        return f"it fails for an unprivileged user: {(done.stderr.strip().splitlines() or ['?'])[-1]}"
    return None


def class_python(chosen: Optional[str] = None) -> str:
    """The Python the class's environment is made from: one that every user of the class can execute (a venv
    links to its interpreter and standard library, so a Python under /root will not do)."""
    candidates = [chosen] if chosen else list(PYTHON_CANDIDATES)
    reasons = []
    for python in candidates:
        if not Path(python).exists():
            reasons.append(f"{python}: not there")
            continue
        problem = runs_for_everyone(python)
        if problem is None:
            return python
        reasons.append(f"{python}: {problem}")
    raise ClassError("no Python that every user can run, with venv, 3.11 or newer: " + "; ".join(reasons) +
                     ". On Debian/Ubuntu: apt-get install python3 python3-venv, or pass --python PATH.")


def merged_requirements(binder: str, extra: str) -> str:
    """binder's pins, then the class's (none pins a package twice: a test says so)."""
    return "# binder/requirements.txt\n" + binder.rstrip("\n") + "\n# tools/requirements-class.txt\n" + extra


def make_env(layout: Layout, python: str) -> bool:
    """The class's venv, made (or made again) from the merged pins; returns True when pip ran."""
    venv_python = str(layout.python)
    merged = merged_requirements(BINDER_REQUIREMENTS.read_text(), CLASS_REQUIREMENTS.read_text())
    stamp = layout.env / STAMP
    if layout.python.exists() and stamp.exists() and stamp.read_text() == merged:
        return False
    print(f"Making the class's Python environment in {layout.env} from {python} (a minute or two)…", flush=True)
    shutil.rmtree(layout.env, ignore_errors=True)
    subprocess.run([python, "-m", "venv", str(layout.env)], check=True)
    wanted = layout.env / "requirements.txt"
    wanted.write_text(merged)
    done = subprocess.run([venv_python, "-m", "pip", "install", "--disable-pip-version-check", "--no-input", "-q",
                           "-r", str(wanted)], capture_output=True, text=True)
    if done.returncode != 0:
        shutil.rmtree(layout.env, ignore_errors=True)
        raise ClassError(f"pip could not install the class's pins into {layout.env}:\n{done.stderr.strip()[-3000:]}")
    stamp.write_text(merged)
    return True


# --- the proxy ------------------------------------------------------------------------------------------

def install_proxy(layout: Layout) -> bool:
    """configurable-http-proxy from the lock file (npm ci); returns True when npm ran."""
    if shutil.which("npm") is None:
        raise ClassError("npm is not on PATH: the hub's proxy, configurable-http-proxy, comes from npm. "
                         "On Debian: apt-get install nodejs npm (Node.js 20 or newer).")
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    major = int(node.lstrip("v").split(".")[0]) if node.lstrip("v")[:1].isdigit() else 0
    if major < NODE_MAJOR:
        raise ClassError(f"configurable-http-proxy (the hub's proxy) needs Node.js {NODE_MAJOR} or newer, found "
                         f"{node or 'none'}: install a newer Node.js (Debian 12's is 18: use NodeSource's packages)")
    layout.proxy.mkdir(parents=True, exist_ok=True)
    lock = (PROXY_PACKAGE / "package-lock.json").read_bytes()
    installed = layout.proxy / "package-lock.json"
    if layout.proxy_command.exists() and installed.exists() and installed.read_bytes() == lock:
        return False
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(PROXY_PACKAGE / name, layout.proxy / name)
    done = subprocess.run(["npm", "ci", "--omit=dev", "--no-audit", "--no-fund", "--loglevel=error"], cwd=layout.proxy,
                          capture_output=True, text=True)
    if done.returncode != 0 or not layout.proxy_command.exists():
        raise ClassError(f"npm could not install configurable-http-proxy into {layout.proxy}:\n{done.stderr[-2000:]}")
    return True


# --- the Java kernel ------------------------------------------------------------------------------------

def jvm_options(heap: str) -> List[str]:
    """The kit's JVM options with the class's cap per kernel: the heap, metaspace, code cache and direct
    buffers (a JShell kernel compiles every cell into new classes, so metaspace needs room)."""
    options = [o for o in setup.JVM_OPTIONS if not o.startswith("-Xmx")]
    return [*options, f"-Xmx{heap}", "-XX:MaxMetaspaceSize=384m", "-XX:ReservedCodeCacheSize=128m",
            "-XX:MaxDirectMemorySize=128m"]


def kernel_command(layout: Layout, heap: str, archive: Optional[Path]) -> List[str]:
    java = layout.java
    options = jvm_options(heap) + ([f"-XX:SharedArchiveFile={archive}"] if archive else [])
    return [setup.java_command(), *options, f"-javaagent:{java / 'kernel' / paths.AGENT_JAR.name}",
            "-jar", str(java / "kernel" / paths.KERNEL_JAR.name), "{connection_file}"]


def kernelspec(layout: Layout, heap: str, archive: Optional[Path]) -> Dict:
    classpath = str(layout.java / "classpath" / "*")
    return {
        "argv": [str(layout.python), "-I", str(layout.java / paths.LAUNCHER.name), "{connection_file}", "--",
                 *kernel_command(layout, heap, archive)],
        "display_name": setup.DISPLAY_NAME,
        "language": "java",
        "interrupt_mode": "signal",
        "env": {"RJK_CLASSPATH": classpath, "IJAVA_CLASSPATH": classpath, "JJAVA_CLASSPATH": classpath},
    }


def install_kernel(layout: Layout, heap: str) -> bool:
    """Copies the kit's kernel (as `./kit setup` made it) under java/, trains a class-data archive for those
    paths, and writes the kernelspec into the class's environment; returns True when anything changed."""
    java = layout.java
    changed = setup.sync(sorted(paths.CLASSPATH_DIR.glob("*.jar")), java / "classpath")
    changed |= setup.sync([paths.KERNEL_JAR, paths.AGENT_JAR], java / "kernel")
    launcher = java / paths.LAUNCHER.name
    if not launcher.exists() or launcher.read_bytes() != paths.LAUNCHER.read_bytes():
        shutil.copyfile(paths.LAUNCHER, launcher)
        changed = True
    archive = train_archive(layout, heap, retrain=changed)
    spec = kernelspec(layout, heap, archive)
    target = layout.kernelspec / paths.KERNEL_NAME / "kernel.json"
    if not target.exists() or json.loads(target.read_text()) != spec:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(spec, indent=1) + "\n")
        changed = True
    for path in [java, *java.rglob("*"), layout.kernelspec, *layout.kernelspec.rglob("*")]:
        os.chown(path, 0, 0, follow_symlinks=False)
        path.chmod(0o755 if path.is_dir() else 0o644)
    return changed


def train_archive(layout: Layout, heap: str, retrain: bool) -> Optional[Path]:
    """The class's own class-data archive (one trained for the kit's paths is refused at others)."""
    cds = layout.java / "cds"
    archive, options = cds / "kernel.jsa", cds / "options.json"
    wanted = json.dumps(kernel_command(layout, heap, None))
    if archive.exists() and options.exists() and options.read_text() == wanted and not retrain:
        return archive
    cds.mkdir(parents=True, exist_ok=True)
    archive.unlink(missing_ok=True)
    classpath = str(layout.java / "classpath" / "*")
    try:
        kernel_cds.train(kernel_command(layout, heap, None), {"RJK_CLASSPATH": classpath},
                         archive_path=archive, log_path=cds / "training.log")
    except Exception as e:  # the kernel runs without an archive, only slower to start
        print(f"No class-data archive for the class's kernel ({type(e).__name__}: {e}); see {cds / 'training.log'}")
    if not archive.exists():
        return None
    options.write_text(wanted)
    return archive


def install_lib(layout: Layout) -> bool:
    """The script run as the instructor to write the gradebook, and the class's nbgrader submit (a module of
    the class's environment); readable by all, root's to change. Returns True when either changed."""
    site = subprocess.run([str(layout.python), "-I", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    changed = False
    for source, target in ((AS_INSTRUCTOR, layout.lib / AS_INSTRUCTOR.name),
                           (EXCHANGE_MODULE, Path(site) / EXCHANGE_MODULE.name)):
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_bytes() != source.read_bytes():
            shutil.copyfile(source, target)
            changed = True
        target.chmod(0o644)
    return changed
