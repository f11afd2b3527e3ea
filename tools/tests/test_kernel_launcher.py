"""The kit's kernel launcher against fake kernels: real processes on real ZeroMQ ports.

Each fake appends its PID to a file, so every test can check that no kernel outlives the test."""
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from jupyter_client.blocking import BlockingKernelClient
from jupyter_client.connect import write_connection_file

from rnnkit_tools import kernel_launcher, paths

FAKE = textwrap.dedent("""
    import json, os, sys, time
    import zmq
    mode, pids, connection_file = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(pids, "a") as f:
        f.write(f"{os.getpid()}\\n")
    starts = len(open(pids).read().split())
    if mode == "dies":
        time.sleep(0.3)
        sys.exit(3)
    if mode == "slow":
        time.sleep(3)  # binds nothing yet: a JVM still loading
    if mode == "exits-after-binding-once" and starts == 1:
        info = json.load(open(connection_file))
        shell = zmq.Context().socket(zmq.ROUTER)
        shell.bind(f"tcp://{info['ip']}:{info['shell_port']}")
        time.sleep(1.5)
        os._exit(0)
    if mode == "heartbeat-dead":
        # the shell answers, the heartbeat is elsewhere: Jupyter can use this kernel, it must be kept
        info = json.load(open(connection_file))
        info["hb_port"] = 0
        connection_file += ".elsewhere"
        json.dump(info, open(connection_file, "w"))
    if mode in ("shell-dead-once", "all-dead-once") and starts == 1:
        # what a hung rapaio 3.0.1 looks like: ports bound, the shell thread gone, the heartbeat's too or not
        info = json.load(open(connection_file))
        context = zmq.Context()
        heartbeat = context.socket(zmq.REP)
        heartbeat.bind(f"tcp://{info['ip']}:{info['hb_port']}")
        shell = context.socket(zmq.ROUTER)
        shell.bind(f"tcp://{info['ip']}:{info['shell_port']}")
        while True:
            if mode == "all-dead-once":
                time.sleep(1)
            else:
                heartbeat.send(heartbeat.recv())
    os.execv(sys.executable, [sys.executable, "-m", "ipykernel_launcher", "-f", connection_file])
""")


@pytest.fixture
def kernel(tmp_path):
    """Starts the launcher around a fake kernel; afterwards checks that no fake kernel still runs."""
    fake = tmp_path / "fake_kernel.py"
    fake.write_text(FAKE)
    pids = tmp_path / "pids"
    connection_file, _ = write_connection_file(str(tmp_path / "connection.json"))
    launched = []

    def launch(mode: str, *options: str) -> subprocess.Popen:
        argv = [sys.executable, str(paths.LAUNCHER), *options, connection_file, "--",
                sys.executable, str(fake), mode, str(pids), connection_file]
        process = subprocess.Popen(argv, stderr=subprocess.PIPE, text=True, start_new_session=True)
        launched.append(process)
        return process

    launch.connection_file = connection_file
    launch.pids = lambda: [int(p) for p in pids.read_text().split()] if pids.exists() else []
    yield launch
    for process in launched:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    assert gone(launch.pids()), "a fake kernel outlived its launcher"


def gone(pids, wait: float = 5.0) -> bool:
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if not any(running(p) for p in pids):
            return True
        time.sleep(0.05)
    return False


def running(pid: int) -> bool:
    status = Path(f"/proc/{pid}/status")
    try:
        return "\nState:\tZ" not in status.read_text()
    except FileNotFoundError:
        return False


def ready_client(connection_file: str, timeout: float = 60) -> BlockingKernelClient:
    client = BlockingKernelClient(connection_file=connection_file)
    client.load_connection_file()
    client.start_channels(hb=False)
    client.wait_for_ready(timeout=timeout)
    return client


def test_a_kernel_whose_shell_never_answers_is_killed_and_started_again_on_the_same_ports(kernel):
    launcher = kernel("shell-dead-once", "--hang-after", "1")
    client = ready_client(kernel.connection_file)
    reply = client.execute_interactive("print(6 * 7)", timeout=30, output_hook=lambda msg: None)
    client.stop_channels()
    assert reply["content"]["status"] == "ok"
    first, second = kernel.pids()
    assert not running(first) and running(second)
    launcher.kill()
    assert "start 1: kernel hung: ports bound, heartbeat answered but shell stayed silent for 1 s" in launcher.stderr.read()


def test_a_kernel_with_its_ports_bound_and_no_channel_answering_is_restarted(kernel):
    launcher = kernel("all-dead-once", "--hang-after", "1")
    ready_client(kernel.connection_file).stop_channels()
    assert len(kernel.pids()) == 2
    launcher.kill()
    assert "start 1: kernel hung: ports bound, nothing answered but heartbeat, shell stayed silent" in launcher.stderr.read()


def test_a_kernel_that_exits_after_binding_its_ports_before_it_answered_is_started_again(kernel):
    launcher = kernel("exits-after-binding-once", "--hang-after", "5")
    ready_client(kernel.connection_file).stop_channels()
    assert len(kernel.pids()) == 2
    launcher.kill()
    assert "start 1: kernel exited with code 0 after binding its ports, before its shell answered" in launcher.stderr.read()


def test_a_kernel_whose_shell_answered_is_kept_even_with_its_heartbeat_silent(kernel):
    launcher = kernel("heartbeat-dead", "--hang-after", "1")
    ready_client(kernel.connection_file).stop_channels()
    time.sleep(3)
    assert launcher.poll() is None and len(kernel.pids()) == 1 and running(kernel.pids()[0])
    launcher.kill()
    assert "heartbeat silent (kept: the shell answered)" in launcher.stderr.read()


def test_a_kernel_that_dies_before_binding_passes_its_exit_code_on_and_is_not_restarted(kernel):
    launcher = kernel("dies")
    assert launcher.wait(timeout=30) == 3
    assert len(kernel.pids()) == 1
    assert "start 1: kernel exited with code 3 before it was ready" in launcher.stderr.read()


def test_a_slow_kernel_that_answers_nothing_yet_is_left_to_start(kernel):
    launcher = kernel("slow", "--hang-after", "1")
    ready_client(kernel.connection_file).stop_channels()
    assert len(kernel.pids()) == 1
    assert launcher.poll() is None


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_a_launcher_ended_by_a_signal_ends_as_the_kernel_did_and_leaves_no_kernel(kernel, signum):
    launcher = kernel("works")
    ready_client(kernel.connection_file).stop_channels()
    launcher.send_signal(signum)
    assert launcher.wait(timeout=30) == -signum
    assert gone(kernel.pids())


def test_when_the_process_that_started_the_launcher_dies_the_launcher_and_kernel_end(kernel, tmp_path):
    """Jupyter dying (SIGKILL) leaves no kernel behind, as ipykernel's parent poller ensures for itself."""
    launcher_pid = tmp_path / "launcher.pid"
    jupyter = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import subprocess, sys, time
        launcher = subprocess.Popen([sys.executable, {str(paths.LAUNCHER)!r}, {kernel.connection_file!r}, "--",
                                     sys.executable, "-m", "ipykernel_launcher", "-f", {kernel.connection_file!r}],
                                    start_new_session=True)
        open({str(launcher_pid)!r}, "w").write(str(launcher.pid))
        time.sleep(600)
    """)])
    try:
        ready_client(kernel.connection_file).stop_channels()
        launcher = int(launcher_pid.read_text())
        kernels = [int(c) for c in Path(f"/proc/{launcher}/task/{launcher}/children").read_text().split()]
        jupyter.kill()
        jupyter.wait()
        assert gone([launcher, *kernels], wait=10)
    finally:
        if jupyter.poll() is None:
            jupyter.kill()


def test_a_kernel_that_checks_signatures_answers_the_probes_own_request(kernel):
    """ipykernel drops a request whose framing or HMAC is wrong: its answer is the oracle for the probe's
    messages (the probe would otherwise find the kernel hung after a second and start it again)."""
    launcher = kernel("works", "--hang-after", "1")
    verdict = next(line for line in launcher.stderr if line.startswith(kernel_launcher.PREFIX))
    assert verdict.startswith(f"{kernel_launcher.PREFIX} start 1: kernel ready in "), verdict
    assert "misrouted replies: 0" in verdict and kernel.pids() and len(kernel.pids()) == 1


def test_a_command_line_without_the_kernels_command_is_rejected_with_what_was_expected():
    with pytest.raises(SystemExit) as e:
        kernel_launcher.parse(["connection.json", "java", "-jar", "kernel.jar"])
    assert "expected '--' before the kernel's command" in str(e.value)
