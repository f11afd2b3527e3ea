"""Start-up figures for the Java kernel (a benchmark, never a test): over N starts through Jupyter's
own KernelManager and the kit's kernelspec, how many starts the launcher's probe saw hang and
restarted, how many hangs reached Jupyter, how long to ready and to the first result, and whether
any kernel JVM outlived its launcher (checked by PID)."""
import os
import re
import shutil
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional

from jupyter_client.manager import KernelManager

from . import paths

KEPT_LOGS = paths.REPO / "target" / "kernel-bench"
READY = re.compile(r"start \d+: kernel ready in [0-9.]+ s \(pid (\d+)")
HUNG = re.compile(r"start \d+: kernel hung: .*killing pid (\d+)")


@dataclass
class Start:
    ready: Optional[float]  # seconds to ready as Jupyter sees it; None when the start hung past the timeout
    first_result: Optional[float]
    probe_hangs: int  # starts the launcher's probe found hung and restarted
    jvms: List[int]  # every kernel JVM the launcher started


def one_start(kernel_name: str, startup_timeout: float, log: Path) -> Start:
    km = KernelManager(kernel_name=kernel_name)
    began = time.monotonic()
    with open(log, "wb") as sink:
        km.start_kernel(stdout=sink, stderr=sink)
    kc = km.client()
    kc.start_channels()
    ready = first = None
    try:
        kc.wait_for_ready(timeout=startup_timeout)
        ready = time.monotonic() - began
        reply = kc.execute_interactive("1 + 1", timeout=60, output_hook=lambda msg: None)
        if reply["content"]["status"] == "ok":
            first = time.monotonic() - began
    except (RuntimeError, TimeoutError):
        pass
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)  # SIGKILL to the launcher's process group: the JVM must die with it
        km.cleanup_resources()
    text = log.read_text(errors="replace")
    hung = [int(pid) for pid in HUNG.findall(text)]
    return Start(ready, first, len(hung), hung + [int(pid) for pid in READY.findall(text)])


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}/status").exists() and "\nState:\tZ" not in Path(f"/proc/{pid}/status").read_text()


def orphans(pids: List[int], wait: float = 5.0) -> List[int]:
    """The JVMs still running `wait` seconds after their launcher was killed."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline and any(alive(p) for p in pids):
        time.sleep(0.05)
    return [p for p in pids if alive(p)]


def summary(name: str, values: List[float]) -> str:
    if not values:
        return f"{name}: no successful start"
    return f"{name}: median {statistics.median(values):.2f} s, max {max(values):.2f} s"


def main(starts: int = 200, startup_timeout: float = 60, kernel_name: str = paths.KERNEL_NAME) -> int:
    results: List[Start] = []
    left: List[int] = []
    with tempfile.TemporaryDirectory(prefix="rnnkit-kernel-bench-") as tmp:
        for i in range(1, starts + 1):
            start = one_start(kernel_name, startup_timeout, Path(tmp) / f"start-{i}.log")
            left += orphans(start.jvms)
            results.append(start)
            verdict = ("HUNG past the start-up timeout" if start.ready is None
                       else f"ready {start.ready:.2f} s, first result "
                            + (f"{start.first_result:.2f} s" if start.first_result is not None else "none"))
            restarts = f", {start.probe_hangs} hung start(s) restarted by the launcher" if start.probe_hangs else ""
            if start.first_result is None:
                KEPT_LOGS.mkdir(parents=True, exist_ok=True)
                kept = shutil.copy(Path(tmp) / f"start-{i}.log", KEPT_LOGS / f"start-{i}.log")
                restarts += f" (kernel log: {kept})"
            print(f"start {i:3d}: {verdict}{restarts}", flush=True)
    ready = [r.ready for r in results if r.ready is not None]
    first = [r.first_result for r in results if r.first_result is not None]
    print(f"\nkernel starts: {starts} (load average at the end: {os.getloadavg()[0]:.1f})")
    print(f"hangs seen by the launcher's probe and restarted: {sum(r.probe_hangs for r in results)}")
    print(f"hangs reaching Jupyter (no answer within {startup_timeout:.0f} s): {starts - len(ready)}")
    print(f"starts without a first result: {starts - len(first)}")
    print(f"kernel JVMs left running after their launcher was killed: {len(left)}")
    print(summary("time to ready", ready))
    print(summary("time to first result", first))
    return 0
