"""Start-up figures for the Java kernel (a benchmark, never a test): how long a fresh kernel takes
to answer, how long to the first result, and how many starts hang (rapaio 3.0.1 hangs on some)."""
import os
import signal
import statistics
import time

from jupyter_client.manager import KernelManager

from . import paths


def one_start(kernel_name: str, startup_timeout: float):
    """(seconds to ready, seconds to the first result), or None when the start hung."""
    km = KernelManager(kernel_name=kernel_name)
    began = time.monotonic()
    with open(os.devnull, "wb") as sink:
        km.start_kernel(stdout=sink, stderr=sink)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=startup_timeout)
        ready = time.monotonic() - began
        reply = kc.execute_interactive("1 + 1", timeout=60)
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"the first cell failed: {reply['content']}")
        return ready, time.monotonic() - began
    except (RuntimeError, TimeoutError):
        return None
    finally:
        kc.stop_channels()
        km.signal_kernel(signal.SIGKILL)
        km.cleanup_resources()


def main(starts: int = 50, startup_timeout: float = 20, kernel_name: str = paths.KERNEL_NAME) -> int:
    ready, first, hung = [], [], 0
    for i in range(1, starts + 1):
        result = one_start(kernel_name, startup_timeout)
        if result is None:
            hung += 1
            print(f"start {i:3d}: hung (no answer within {startup_timeout:.0f} s)", flush=True)
        else:
            ready.append(result[0])
            first.append(result[1])
            print(f"start {i:3d}: ready {result[0]:.2f} s, first result {result[1]:.2f} s", flush=True)
    print(f"\nkernel starts: {starts}, hung: {hung} ({100.0 * hung / starts:.0f} %)")
    if first:
        print(f"time to ready:        median {statistics.median(ready):.2f} s, max {max(ready):.2f} s")
        print(f"time to first result: median {statistics.median(first):.2f} s, max {max(first):.2f} s")
    return 0
