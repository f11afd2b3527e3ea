"""Runs one untrusted command in a bubblewrap sandbox (Debian package `bubblewrap`).

The command sees a tmpfs root holding only what it is given: the system's /usr (read-only), a few
files of /etc, the paths it may read (bound read-only at their own paths, so absolute paths in a
kernelspec still work), the folders it may write, a private /tmp, /dev and its own /proc. It has
no network (only its own loopback), its own PID namespace (it cannot see or signal the grader, and
everything it starts dies with it: no `setsid` escape), no capabilities and a non-root uid.
When the grader runs as root, bubblewrap builds the sandbox as root and the command then runs as
a uid of its own (util-linux `setpriv`, every capability dropped, no new privileges): a uid no
account has, one per sandbox running at that moment, so it is unprivileged outside the sandbox too
and no two sandboxes share a per-user limit. Otherwise bubblewrap runs as the grader's user in a
user namespace of its own.

Limits per run: wall-clock seconds (then the whole sandbox is killed), CPU seconds, bytes per file
written, bytes of its /tmp (a tmpfs: in memory), bytes of standard output kept, and its memory and
processes: where the machine lets the grader make cgroups (v2 with the memory and pids controllers,
else v1's memory and pids hierarchies), each run gets one of its own, capped (the kernel kills
inside it when it runs out of memory); elsewhere RLIMIT_NPROC of its own uid bounds its processes
and RLIMIT_AS each process's address space.

Without bubblewrap the grader refuses to run untrusted code unless told `--unsafe`; then the same
commands run as the grader's user in a process group of their own, which is all the isolation
there is (the gradebook says so).
"""
import contextlib
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
SLOT_UID = 2_100_000_000  # + the slot: uids no account on the machine has, one per running sandbox
CGROUP = Path("/sys/fs/cgroup")
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
    processes: int = 512
    memory_bytes: int = 2 << 30


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
    """What the command may see: paths to read, folders to write, and extra environment. `hardened`: no
    /proc at all, and /tmp and /dev read-only (nowhere to write a library to load)."""

    read_only: List[Path] = field(default_factory=list)
    writable: List[Path] = field(default_factory=list)
    env: Dict[str, str] = field(default_factory=dict)
    hardened: bool = False


class Sandbox:
    """Runs commands isolated by bubblewrap, or (with `unsafe` and no bubblewrap) as they are."""

    def __init__(self, unsafe: bool = False, bwrap: Optional[str] = None, cgroups: bool = True):
        self.bwrap = bwrap or shutil.which("bwrap")
        problem = self._probe() if self.bwrap else "bubblewrap (bwrap) is not installed"
        if problem is not None and not unsafe:
            raise SandboxUnavailable(
                f"cannot isolate the submissions: {problem}. Install it (Debian: `apt-get install bubblewrap`) "
                "or, to grade without any isolation, pass --unsafe.")
        self.isolated = problem is None
        self.problem = problem
        self.cgroups = Cgroups.find() if cgroups and self.isolated and os.geteuid() == 0 else None
        self.slots = _Slots()

    @property
    def description(self) -> str:
        if not self.isolated:
            return f"none (--unsafe: {self.problem})"
        if os.geteuid() != 0:
            return "bubblewrap, in a user namespace"
        caps = f"memory and processes capped by a cgroup ({self.cgroups.version})" if self.cgroups \
            else "processes and address space capped by rlimits"
        return f"bubblewrap, as a uid of its own; {caps}"

    def prepare(self, folder: Path, writable: bool) -> None:
        """Opens a folder of the grader's to the sandbox's user to read (a folder to write is handed to
        the run's own uid when it starts). The folder's parents stay closed to everyone else."""
        if not (self.isolated and os.geteuid() == 0) or writable:
            return
        for path in [folder, *folder.rglob("*")]:
            if not path.is_symlink():
                path.chmod(0o755 if path.is_dir() else 0o644)

    def run(self, argv: Sequence[str], mounts: Mounts, limits: Limits, stdin: bytes = b"",
            cwd: Optional[Path] = None, pass_fds: Sequence[int] = ()) -> Outcome:
        env = {"PATH": PATH, "HOME": "/tmp/home", "LANG": "C.UTF-8", "TMPDIR": "/tmp", **mounts.env}
        if not self.isolated:
            return _run(list(argv), {**env, "HOME": str(cwd or Path.cwd())}, stdin, limits, cwd, pass_fds=pass_fds)
        if os.geteuid() != 0:
            return _run(self._wrap(argv, mounts, env, cwd, limits.tmp_bytes), {"PATH": PATH}, stdin, limits, None,
                        pass_fds=pass_fds)
        with self.slots.take() as slot:
            uid = SLOT_UID + slot
            for folder in mounts.writable:
                for path in [Path(folder), *Path(folder).rglob("*")]:
                    os.chown(path, uid, uid, follow_symlinks=False)
            group = self.cgroups.make(limits) if self.cgroups else None
            try:
                return _run(self._wrap(argv, mounts, env, cwd, limits.tmp_bytes, uid), {"PATH": PATH}, stdin, limits,
                            None, uid=uid, group=group, pass_fds=pass_fds)
            finally:
                if group is not None:
                    group.remove()

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

    def _wrap(self, argv, mounts: Mounts, env, cwd, tmp_bytes: int, uid: int = NOBODY) -> List[str]:
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
        args += [] if mounts.hardened else ["--proc", "/proc"]
        args += ["--dev", "/dev", "--perms", "1777", "--size", str(tmp_bytes), "--tmpfs", "/tmp",
                 "--perms", "0777", "--dir", "/tmp/home"]
        binds = [(p, "--ro-bind") for p in etc + [p for p in _outermost(mounts.read_only) if not _under(p, "/usr")]]
        binds += [(Path(p), "--bind") for p in mounts.writable]
        for folder in _ancestors([p for p, _ in binds]):
            args += ["--perms", "0755", "--dir", str(folder)]
        for path, how in binds:
            args += [how, str(path), str(path)]
        for key, value in env.items():
            args += ["--setenv", key, value]
        if mounts.hardened:
            args += ["--remount-ro", "/tmp", "--remount-ro", "/dev"]
        if cwd is not None:
            args += ["--chdir", str(cwd)]
        # As root, bubblewrap builds the sandbox with root's reach; the command then runs as the run's own uid.
        drop = ["/usr/bin/setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--inh-caps=-all",
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


def _run(command, env, stdin: bytes, limits: Limits, cwd, uid: Optional[int] = None, group: "Optional[Cgroup]" = None,
         pass_fds: Sequence[int] = ()) -> Outcome:
    began = time.monotonic()

    def limit_child():
        if group is not None:  # before anything else: every process the run starts stays in the group
            group.enter(os.getpid())
        resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds))
        resource.setrlimit(resource.RLIMIT_FSIZE, (limits.file_bytes, limits.file_bytes))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if uid is not None:  # counts the processes of the run's own uid, which no other run has
            resource.setrlimit(resource.RLIMIT_NPROC, (limits.processes, limits.processes))
        if uid is not None and group is None:
            address = 2 * limits.memory_bytes + (4 << 30)  # JVMs reserve far more address space than they use
            resource.setrlimit(resource.RLIMIT_AS, (address, address))

    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env=env, cwd=cwd, start_new_session=True, preexec_fn=limit_child, pass_fds=pass_fds)
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


class _Slots:
    """Small numbers, one per sandbox running at a time: each run's uid is SLOT_UID + its slot."""

    def __init__(self):
        self.lock = threading.Lock()
        self.taken = set()

    @contextlib.contextmanager
    def take(self):
        with self.lock:
            slot = next(n for n in range(len(self.taken) + 1) if n not in self.taken)
            self.taken.add(slot)
        try:
            yield slot
        finally:
            with self.lock:
                self.taken.discard(slot)


class Cgroup:
    """One run's cgroup: a folder per hierarchy (v2: one), removed with whatever is left in it."""

    def __init__(self, folders: List[Path]):
        self.folders = folders

    def enter(self, pid: int) -> None:
        for folder in self.folders:
            (folder / "cgroup.procs").write_text(str(pid))

    def remove(self) -> None:
        for folder in self.folders:
            for _ in range(50):
                if (folder / "cgroup.kill").exists():
                    (folder / "cgroup.kill").write_text("1")
                for pid in (folder / "cgroup.procs").read_text().split():
                    try:
                        os.kill(int(pid), signal.SIGKILL)
                    except ProcessLookupError:
                        pass
                try:
                    folder.rmdir()
                    break
                except OSError:
                    time.sleep(0.1)


class Cgroups:
    """Where this grader may make a cgroup per run, with memory and process caps: a cgroup v2 subtree with
    the memory and pids controllers, or else v1's memory and pids hierarchies (as on machines that still
    mount v1). Each folder is made below the grader's own cgroup."""

    def __init__(self, version: str, parents: Dict[str, Path]):
        self.version, self.parents = version, parents
        self.count = 0
        self.lock = threading.Lock()

    @classmethod
    def find(cls) -> "Optional[Cgroups]":
        own = _own_cgroups()
        for make in (cls._v2, cls._v1):
            try:
                found = make(own)
            except OSError:
                found = None
            if found is not None:
                return found
        return None

    @classmethod
    def _v2(cls, own: Dict[str, str]) -> "Optional[Cgroups]":
        root = CGROUP if (CGROUP / "cgroup.controllers").exists() else CGROUP / "unified"
        if "" not in own or not (root / "cgroup.controllers").exists():
            return None
        base = root / own[""].lstrip("/") / f"rnnkit-grader-{os.getpid()}"
        if not {"memory", "pids"} <= set((base.parent / "cgroup.subtree_control").read_text().split()):
            return None
        base.mkdir(exist_ok=True)
        (base / "cgroup.subtree_control").write_text("+memory +pids")
        return cls("v2", {"": base})

    @classmethod
    def _v1(cls, own: Dict[str, str]) -> "Optional[Cgroups]":
        parents = {}
        for controller in ("memory", "pids"):
            mount = CGROUP / controller
            if controller not in own or not (mount / "cgroup.procs").exists():
                return None
            parents[controller] = mount / own[controller].lstrip("/")
        probe = parents["pids"] / f"rnnkit-probe-{os.getpid()}"
        probe.mkdir()
        probe.rmdir()
        return cls("v1", parents)

    def make(self, limits: Limits) -> Cgroup:
        with self.lock:
            self.count += 1
            name = f"rnnkit-{os.getpid()}-{self.count}"
        folders = []
        for controller, parent in self.parents.items():
            folder = parent / name
            folder.mkdir()
            folders.append(folder)
            if self.version == "v2":
                (folder / "memory.max").write_text(str(limits.memory_bytes))
                if (folder / "memory.swap.max").exists():
                    (folder / "memory.swap.max").write_text("0")
                (folder / "pids.max").write_text(str(limits.processes))
            elif controller == "memory":
                (folder / "memory.limit_in_bytes").write_text(str(limits.memory_bytes))
                if (folder / "memory.memsw.limit_in_bytes").exists():
                    (folder / "memory.memsw.limit_in_bytes").write_text(str(limits.memory_bytes))
            else:
                (folder / "pids.max").write_text(str(limits.processes))
        return Cgroup(folders)


def _own_cgroups() -> Dict[str, str]:
    """This process's cgroup in each hierarchy: controller (v2: "") → path."""
    found = {}
    for line in Path("/proc/self/cgroup").read_text().splitlines():
        _, controllers, path = line.split(":", 2)
        for c in controllers.split(","):
            found[c] = path
    return found


def java_home() -> Path:
    """The JDK the kit runs: the `java` on PATH, resolved to its home."""
    java = shutil.which("java")
    if java is None:
        raise SandboxUnavailable("java was not found on PATH: install a JDK 17 or newer")
    return Path(java).resolve().parents[1]


def python_paths() -> List[Path]:
    """What this Python needs to run elsewhere: its prefix and the base installation a venv points to."""
    return [Path(sys.prefix), Path(sys.base_prefix), Path(sys.executable).resolve().parent]
