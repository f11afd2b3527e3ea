"""Where things live in a checkout. Every path is absolute, so kernelspecs survive a `cd`."""
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
SOLUTIONS = NOTEBOOKS / "solutions"
KIT_DIR = REPO / ".kit"
CLASSPATH_DIR = KIT_DIR / "classpath"
KERNEL_DIR = KIT_DIR / "kernel"
GRADER_DIR = KIT_DIR / "grader"          # the checker, ASM and the check runner: never on the kernel's classpath
RUNNER_JAR = GRADER_DIR / "rnnkit-grader-runner.jar"
KERNEL_JAR = KERNEL_DIR / "rapaio-jupyter-kernel.jar"
AGENT_JAR = KERNEL_DIR / "rnnkit-kernel-agent.jar"
CDS_DIR = KIT_DIR / "cds"
LAUNCHER = REPO / "tools" / "rnnkit_tools" / "kernel_launcher.py"

LIB_JAR = REPO / "lib" / "target" / "rnnkit.jar"
LIB_DEPENDENCIES = REPO / "lib" / "target" / "kernel-classpath"
BUILT_KERNEL_JAR = REPO / "target" / "kernel" / "rapaio-jupyter-kernel.jar"
BUILT_AGENT_JAR = REPO / "kernel-agent" / "target" / "rnnkit-kernel-agent.jar"
BUILT_GRADER_JAR = REPO / "grader" / "target" / "rnnkit-grader.jar"
GRADER_DEPENDENCIES = REPO / "grader" / "target" / "grader-classpath"
BUILT_RUNNER_JAR = REPO / "grader-runner" / "target" / "rnnkit-grader-runner.jar"
BUILD_INPUTS = [REPO / "pom.xml", REPO / "lib" / "pom.xml", REPO / "lib" / "src" / "main",
                REPO / "kernel-agent" / "pom.xml", REPO / "kernel-agent" / "src" / "main",
                REPO / "grader" / "pom.xml", REPO / "grader" / "src" / "main",
                REPO / "grader-runner" / "pom.xml", REPO / "grader-runner" / "src" / "main"]

KERNEL_NAME = "rnnkit"
START_PAGE = "00-start-here.ipynb"


def lessons(folder: Path = NOTEBOOKS) -> list:
    """The lesson notebooks of a folder, in lesson order (their names start with the number)."""
    return sorted(folder.glob("[0-9][0-9]-*.ipynb"))
