"""Where things live in a checkout. Every path is absolute, so kernelspecs survive a `cd`."""
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
SOLUTIONS = NOTEBOOKS / "solutions"
KIT_DIR = REPO / ".kit"
CLASSPATH_DIR = KIT_DIR / "classpath"
KERNEL_DIR = KIT_DIR / "kernel"
KERNEL_JAR = KERNEL_DIR / "rapaio-jupyter-kernel.jar"
AGENT_JAR = KERNEL_DIR / "rnnkit-kernel-agent.jar"
CDS_DIR = KIT_DIR / "cds"
LAUNCHER = REPO / "tools" / "rnnkit_tools" / "kernel_launcher.py"

LIB_JAR = REPO / "lib" / "target" / "rnnkit.jar"
LIB_DEPENDENCIES = REPO / "lib" / "target" / "kernel-classpath"
BUILT_KERNEL_JAR = REPO / "target" / "kernel" / "rapaio-jupyter-kernel.jar"
BUILT_AGENT_JAR = REPO / "kernel-agent" / "target" / "rnnkit-kernel-agent.jar"
BUILD_INPUTS = [REPO / "pom.xml", REPO / "lib" / "pom.xml", REPO / "lib" / "src" / "main",
                REPO / "kernel-agent" / "pom.xml", REPO / "kernel-agent" / "src" / "main"]

KERNEL_NAME = "rnnkit"
START_PAGE = "00-start-here.ipynb"


def lessons(folder: Path = NOTEBOOKS) -> list:
    """The lesson notebooks of a folder, in lesson order (their names start with the number)."""
    return sorted(folder.glob("[0-9][0-9]-*.ipynb"))
