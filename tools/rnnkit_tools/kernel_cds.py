"""Class-data sharing for the kernel's JVM: `./kit setup` starts the kernel once with
-XX:ArchiveClassesAtExit, runs a cell, and stops it; the classes the JVM loaded on the way are then
mapped from `.kit/cds/kernel.jsa` at every start (-XX:SharedArchiveFile) instead of being parsed
and verified again. The archive belongs to one JVM build and one set of jars: a fingerprint of
both is kept beside it and a change makes setup train a new one. Figures: docs/kernel.md."""
import json
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import List, Optional

from . import paths

ARCHIVE = paths.CDS_DIR / "kernel.jsa"
FINGERPRINT = paths.CDS_DIR / "kernel.jsa.json"
TRAINING_LOG = paths.CDS_DIR / "training.log"
TRAINING_CELL = 'var trained = java.util.stream.IntStream.rangeClosed(1, 3).sum();\nSystem.out.println("trained " + trained);'
TRAINING_TIMEOUT = 180


def fingerprint(command: List[str]) -> dict:
    """What the archive depends on: the JVM's build, its options (the collector among them), and every jar
    the kernel loads classes from."""
    version = subprocess.run([command[0], "-version"], capture_output=True, text=True).stderr
    jars = [Path(a.split(":", 1)[1]) for a in command if a.startswith("-javaagent:")]
    jars += [Path(command[command.index("-jar") + 1])] + sorted(paths.CLASSPATH_DIR.glob("*.jar"))
    options = [a for a in command[1:command.index("-jar")]
               if not a.startswith(("-XX:SharedArchiveFile=", "-javaagent:"))]
    return {"java": command[0], "version": version, "options": options,
            "jars": [[str(j), j.stat().st_size, int(j.stat().st_mtime)] for j in jars if j.exists()]}


def archive(command: List[str], spec_env: dict) -> Optional[Path]:
    """The archive for this JVM and these jars, trained now if missing or stale; None if none could be made."""
    wanted = fingerprint(command)
    if ARCHIVE.exists() and FINGERPRINT.exists() and json.loads(FINGERPRINT.read_text()) == wanted:
        return ARCHIVE
    print("Training the kernel's class-data archive (once per JVM and kernel version)…", flush=True)
    paths.CDS_DIR.mkdir(parents=True, exist_ok=True)
    ARCHIVE.unlink(missing_ok=True)
    FINGERPRINT.unlink(missing_ok=True)
    try:
        train(command, spec_env)
    except Exception as e:  # the kernel runs without an archive, only slower to start
        print(f"No class-data archive: the training run failed ({type(e).__name__}: {e}); see {TRAINING_LOG}")
    if not ARCHIVE.exists():
        return None
    FINGERPRINT.write_text(json.dumps(wanted, indent=1) + "\n")
    return ARCHIVE


def train(command: List[str], spec_env: dict, archive_path: Path = ARCHIVE, log_path: Path = TRAINING_LOG) -> None:
    """Starts the kernel through the launcher with -XX:ArchiveClassesAtExit, runs one cell, stops it.
    The agent stays out: the JVM refuses to dump an archive with an agent running, and the agent's
    jar, appended to the class path at run time, keeps the dump's class path a prefix of the run's.
    The archive is valid only for the jars' paths, so a copy of them elsewhere (./kit class) trains its
    own, into `archive_path`."""
    from jupyter_client.blocking import BlockingKernelClient
    from jupyter_client.connect import write_connection_file

    with tempfile.TemporaryDirectory(prefix="rnnkit-cds-") as tmp, open(log_path, "wb") as log:
        connection_file, _ = write_connection_file(str(Path(tmp) / "connection.json"))
        java = [a.replace("{connection_file}", connection_file) for a in command if not a.startswith("-javaagent:")]
        java.insert(1, f"-XX:ArchiveClassesAtExit={archive_path}")
        launcher = subprocess.Popen([sys.executable, "-I", str(paths.LAUNCHER), connection_file, "--", *java],
                                    env={**os.environ, **spec_env}, stdout=log, stderr=log, start_new_session=True)
        client = BlockingKernelClient(connection_file=connection_file)
        client.load_connection_file()
        client.start_channels(hb=False)
        try:
            wait_for_ready(client, launcher)
            reply = client.execute_interactive(TRAINING_CELL, timeout=TRAINING_TIMEOUT, output_hook=lambda msg: None)
            if reply["content"]["status"] != "ok":
                raise RuntimeError(f"the training cell failed: {reply['content'].get('evalue', '')}")
        finally:
            client.stop_channels()
            launcher.send_signal(signal.SIGTERM)  # forwarded to the JVM, which writes the archive as it exits
            try:
                launcher.wait(timeout=TRAINING_TIMEOUT)
            except subprocess.TimeoutExpired:
                os.killpg(launcher.pid, signal.SIGKILL)
                launcher.wait()


def wait_for_ready(client, launcher: subprocess.Popen) -> None:
    """Waits for the kernel's first answer, as long as the launcher lives and at most TRAINING_TIMEOUT s."""
    for _ in range(TRAINING_TIMEOUT // 5):
        if launcher.poll() is not None:
            raise RuntimeError(f"the kernel exited with code {launcher.returncode} before it was ready")
        try:
            client.wait_for_ready(timeout=5)
            return
        except RuntimeError:
            continue
    raise RuntimeError(f"the kernel did not answer within {TRAINING_TIMEOUT} s")
