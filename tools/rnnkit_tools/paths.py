"""Where things live in a checkout. Every path is absolute, so kernelspecs survive a `cd`."""
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
SOLUTIONS = NOTEBOOKS / "solutions"
KIT_DIR = REPO / ".kit"
CLASSPATH_DIR = KIT_DIR / "classpath"
KERNEL_DIR = KIT_DIR / "kernel"
KERNEL_JAR = KERNEL_DIR / "rapaio-jupyter-kernel.jar"

LIB_JAR = REPO / "lib" / "target" / "rnnkit.jar"
LIB_DEPENDENCIES = REPO / "lib" / "target" / "kernel-classpath"
BUILT_KERNEL_JAR = REPO / "target" / "kernel" / "rapaio-jupyter-kernel.jar"
BUILD_INPUTS = [REPO / "pom.xml", REPO / "lib" / "pom.xml", REPO / "lib" / "src" / "main"]

KERNEL_NAME = "rnnkit"
START_PAGE = "00-start-here.ipynb"


def lessons(folder: Path = NOTEBOOKS) -> list:
    """The lesson notebooks of a folder, in lesson order (their names start with the number)."""
    return sorted(folder.glob("[0-9][0-9]-*.ipynb"))
