"""Runs one untrusted command in a bubblewrap sandbox (Debian package `bubblewrap`).

The command sees a tmpfs root holding only what it is given: the system's /usr (read-only), a few
files of /etc, the paths it may read (bound read-only at their own paths, so absolute paths in a
kernelspec still work), the folders it may write, a private /tmp, /dev and its own /proc. It has
no network (only its own loopback), its own PID namespace (it cannot see or signal the grader, and
everything it starts dies with it: no `setsid` escape), no capabilities and a non-root uid.
When the grader runs as root, bubblewrap builds the sandbox as root and the command then runs as
the real user `nobody` (util-linux `setpriv`, every capability dropped, no new privileges): it is
unprivileged outside the sandbox too, and RLIMIT_NPROC bounds a fork bomb. Otherwise bubblewrap
runs as the grader's user in a user namespace of its own.

Limits per run: wall-clock seconds (then the whole sandbox is killed), CPU seconds, bytes per file
written, bytes of its /tmp (a tmpfs: in memory), bytes of standard output kept, and processes.

Without bubblewrap the grader refuses to run untrusted code unless told `--unsafe`; then the same
commands run as the grader's user in a process group of their own, which is all the isolation
there is (the gradebook says so).
"""
import glob
import os
import resource
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence

NOBODY = 65534
SYSTEM_LINKS = ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
ETC = ("/etc/java-*", "/etc/fonts", "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/localtime",
       "/etc/passwd", "/etc/group", "/etc/nsswitch.conf", "/etc/alternatives")
PATH = "/usr/local/bin:/usr/bin:/bin"


class SandboxUnavailable(RuntimeError):
    pass


@dataclass
class Limits:
    """What one run may use."""

    seconds: float = 60.0
    cpu_seconds: int = 120
    file_bytes: int = 64 << 20
    output_bytes: int = 8 << 20
    tmp_bytes: int = 256 << 20
    processes: int = 1024


@dataclass
class Outcome:
    """How a run ended: its exit code (None when killed), its standard output (at most the limit)."""

    returncode: Optional[int]
    stdout: bytes
    truncated: bool = False
    timed_out: bool = False
    seconds: float = 0.0
    stderr_tail: bytes = b""


@dataclass
class Mounts:
    """What the command may see: paths to read, folders to write, and extra environment."""

    read_only: List[Path] = field(default_factory=list)
    writable: List[Path] = field(default_factory=list)
    env: Dict[str, str] = field(default_factory=dict)


class Sandbox:
    """Runs commands isolated by bubblewrap, or (with `unsafe` and no bubblewrap) as they are."""

    def __init__(self, unsafe: bool = False, bwrap: Optional[str] = None):
        self.bwrap = bwrap or shutil.which("bwrap")
        problem = self._probe() if self.bwrap else "bubblewrap (bwrap) is not installed"
        if problem is not None and not unsafe:
            raise SandboxUnavailable(
                f"cannot isolate the submissions: {problem}. Install it (Debian: `apt-get install bubblewrap`) "
                "or, to grade without any isolation, pass --unsafe.")
        self.isolated = problem is None
        self.problem = problem

    @property
    def description(self) -> str:
        if self.isolated:
            return "bubblewrap" + (", as nobody" if os.geteuid() == 0 else ", in a user namespace")
        return f"none (--unsafe: {self.problem})"

    def prepare(self, folder: Path, writable: bool) -> None:
        """Opens a folder of the grader's to the sandbox's user: to read, or to write. The folder's
        parents stay closed to everyone else on the machine."""
        if not (self.isolated and os.geteuid() == 0):
            return
        for path in [folder, *folder.rglob("*")]:
            if writable:
                os.chown(path, NOBODY, NOBODY, follow_symlinks=False)
            elif not path.is_symlink():
                path.chmod(0o755 if path.is_dir() else 0o644)

    def run(self, argv: Sequence[str], mounts: Mounts, limits: Limits, stdin: bytes = b"",
            cwd: Optional[Path] = None) -> Outcome:
        env = {"PATH": PATH, "HOME": "/tmp/home", "LANG": "C.UTF-8", "TMPDIR": "/tmp", **mounts.env}
        if self.isolated:
            return _run(self._wrap(argv, mounts, env, cwd, limits.tmp_bytes), {"PATH": PATH}, stdin, limits, None)
        return _run(list(argv), {**env, "HOME": str(cwd or Path.cwd())}, stdin, limits, cwd)

    def _probe(self) -> Optional[str]:
        """None when bubblewrap can build a sandbox here; otherwise what it said."""
        try:
            outcome = _run(self._wrap(["/usr/bin/true"], Mounts(), {}, None, 1 << 20), {"PATH": PATH}, b"",
                           Limits(seconds=30), None)
        except OSError as e:
            return f"bubblewrap failed to start: {e}"
        if outcome.returncode != 0:
            return "bubblewrap cannot create a sandbox here: " + outcome.stderr_tail.decode(errors="replace").strip()
        return None

    def _wrap(self, argv, mounts: Mounts, env, cwd, tmp_bytes: int) -> List[str]:
        as_root = os.geteuid() == 0
        args = [self.bwrap, "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
                "--die-with-parent", "--new-session", "--clearenv", "--hostname", "sandbox", "--ro-bind", "/usr", "/usr"]
        args += ["--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID", "--cap-add", "CAP_SETPCAP"] if as_root \
            else ["--unshare-user"]
        for link in SYSTEM_LINKS:
            if os.path.islink(link):
                args += ["--symlink", os.readlink(link), link]
            elif os.path.isdir(link):
                args += ["--ro-bind", link, link]
        etc = [Path(p) for pattern in ETC for p in sorted(glob.glob(pattern))]
        args += ["--proc", "/proc", "--dev", "/dev", "--perms", "1777", "--size", str(tmp_bytes), "--tmpfs", "/tmp",
                 "--perms", "0777", "--dir", "/tmp/home"]
        binds = [(p, "--ro-bind") for p in etc + [p for p in _outermost(mounts.read_only) if not _under(p, "/usr")]]
        binds += [(Path(p), "--bind") for p in mounts.writable]
        for folder in _ancestors([p for p, _ in binds]):
            args += ["--perms", "0755", "--dir", str(folder)]
        for path, how in binds:
            args += [how, str(path), str(path)]
        for key, value in env.items():
            args += ["--setenv", key, value]
        if cwd is not None:
            args += ["--chdir", str(cwd)]
        # As root, bubblewrap builds the sandbox with root's reach; the command then runs as nobody.
        drop = ["/usr/bin/setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", "--inh-caps=-all",
                "--bounding-set=-all", "--no-new-privs", "--"] if as_root else []
        return args + ["--", *drop, *argv]


def _under(path: Path, folder: str) -> bool:
    return str(path) == folder or str(path).startswith(folder + "/")


def _ancestors(paths: Sequence[Path]) -> List[Path]:
    """The folders above the bound paths that the sandbox must create (open to its user), outermost first."""
    bound = set(paths)
    found = {a for p in paths for a in p.parents if a not in (Path("/"), Path("/tmp")) and a not in bound
             and not any(_under(a, top) for top in ("/usr", "/proc", "/dev"))}
    return sorted(found, key=lambda a: len(a.parts))


def _outermost(paths: Sequence[Path]) -> List[Path]:
    """The paths, without those inside another one, that exist."""
    found = sorted({Path(p).resolve() for p in paths if Path(p).exists()}, key=lambda p: len(p.parts))
    kept: List[Path] = []
    for p in found:
        if not any(p == k or k in p.parents for k in kept):
            kept.append(p)
    return kept


def _run(command, env, stdin: bytes, limits: Limits, cwd) -> Outcome:
    began = time.monotonic()

    def limit_child():
        resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds))
        resource.setrlimit(resource.RLIMIT_FSIZE, (limits.file_bytes, limits.file_bytes))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if os.geteuid() == 0:  # counts the processes of nobody, which the sandboxed command runs as
            resource.setrlimit(resource.RLIMIT_NPROC, (limits.processes, limits.processes))

    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env=env, cwd=cwd, start_new_session=True, preexec_fn=limit_child)
    out = _Reader(process.stdout, limits.output_bytes)
    err = _Reader(process.stderr, 16 << 10)
    try:
        process.stdin.write(stdin)
        process.stdin.close()
    except BrokenPipeError:
        pass
    timed_out = False
    try:
        process.wait(timeout=limits.seconds)
    except subprocess.TimeoutExpired:
        timed_out = True
    _kill_group(process)
    out.join(timeout=30)  # the pipes close when the sandbox is gone; the timeout only guards a leaked descriptor
    err.join(timeout=30)
    return Outcome(None if timed_out else process.returncode, out.data, out.truncated, timed_out,
                   time.monotonic() - began, err.data[-4000:])


def _kill_group(process: subprocess.Popen) -> None:
    """Kills the run's process group (in a sandbox: bubblewrap, whose death ends its PID namespace)."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()


class _Reader(threading.Thread):
    """Reads a pipe to its end, keeping at most `limit` bytes."""

    def __init__(self, pipe, limit: int):
        super().__init__(daemon=True)
        self.pipe, self.limit = pipe, limit
        self.chunks: List[bytes] = []
        self.kept = 0
        self.truncated = False
        self.start()

    def run(self):
        while True:
            chunk = self.pipe.read1(1 << 16)
            if not chunk:
                break
            room = self.limit - self.kept
            if len(chunk) > room:
                self.truncated = True
                chunk = chunk[:max(0, room)]
            if chunk:
                self.chunks.append(chunk)
                self.kept += len(chunk)
        self.pipe.close()

    @property
    def data(self) -> bytes:
        return b"".join(self.chunks)


def java_home() -> Path:
    """The JDK the kit runs: the `java` on PATH, resolved to its home."""
    java = shutil.which("java")
    if java is None:
        raise SandboxUnavailable("java was not found on PATH: install a JDK 17 or newer")
    return Path(java).resolve().parents[1]


def python_paths() -> List[Path]:
    """What this Python needs to run elsewhere: its prefix and the base installation a venv points to."""
    return [Path(sys.prefix), Path(sys.base_prefix), Path(sys.executable).resolve().parent]
