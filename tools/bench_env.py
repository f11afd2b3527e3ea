"""The bench's own Python environment, `.kit/bench-venv`: numpy (with the OpenBLAS its PyPI wheel
bundles) and PyTorch, at the versions pinned in bench/requirements*.txt, installed on first use.

A venv of its own, not the lessons' .venv: PyTorch's Linux wheel on PyPI needs the CUDA libraries it
links against (2.9 GB to download, 5.3 GB installed) even to run on a CPU, which neither Binder nor a
student needs; and the bench's pins then never meet the lessons' pins. Each requirements file is
installed once and again only when it changes (its SHA-256 is kept beside the venv)."""
import hashlib
import subprocess
import sys
from pathlib import Path
from typing import Dict, Optional

REPO = Path(__file__).resolve().parents[1]
VENV = REPO / ".kit" / "bench-venv"
PYTHON = VENV / "bin" / "python"
LOGS = REPO / "target" / "bench"

# anchor → (requirements file, what to import to know it works, what the download is)
ANCHORS = {
    "numpy": (REPO / "bench" / "requirements.txt", "import numpy, threadpoolctl", "numpy and threadpoolctl, 17 MB"),
    "torch": (REPO / "bench" / "requirements-torch.txt", "import torch",
              "PyTorch and the CUDA libraries its PyPI wheel links against, 2.9 GB (5.3 GB installed)"),
}


def ensure(anchors) -> Dict[str, Optional[str]]:
    """Installs the anchors asked for; returns anchor → None when it imports, else why it cannot run."""
    problems: Dict[str, Optional[str]] = {}
    LOGS.mkdir(parents=True, exist_ok=True)
    if not PYTHON.exists():
        made = subprocess.run([sys.executable, "-m", "venv", str(VENV)], capture_output=True, text=True)
        if made.returncode != 0:
            why = f"could not create {VENV} with {sys.executable} -m venv: {(made.stderr or made.stdout).strip()}"
            return {anchor: why for anchor in anchors}
    for anchor in anchors:
        requirements, probe, size = ANCHORS[anchor]
        stamp = VENV / f".{requirements.name}.sha256"
        digest = hashlib.sha256(requirements.read_bytes()).hexdigest()
        if not stamp.exists() or stamp.read_text() != digest:
            print(f"bench: installing {requirements.relative_to(REPO)} into {VENV.relative_to(REPO)} ({size}; once)…",
                  flush=True)
            log = LOGS / f"pip-{anchor}.log"
            with open(log, "w") as sink:
                done = subprocess.run([str(PYTHON), "-m", "pip", "install", "--progress-bar", "off", "-r",
                                       str(requirements)], stdout=sink, stderr=subprocess.STDOUT)
            if done.returncode != 0:
                problems[anchor] = f"pip install -r {requirements.relative_to(REPO)} failed (log: {log}):\n{tail(log.read_text(errors='replace'))}"
                continue
            stamp.write_text(digest)
        check = subprocess.run([str(PYTHON), "-c", probe], capture_output=True, text=True)
        problems[anchor] = None if check.returncode == 0 else f"'{probe}' failed in {VENV}: {tail(check.stderr)}"
    return problems


def tail(text: str, lines: int = 6) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])
