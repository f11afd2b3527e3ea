"""Where a class lives and what it is called: its course id, its users, its folders, and the record of
what `./kit class` made (class.json), which `--down` reads to remove exactly that."""
import json
import pwd
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import List, Optional

CLASSES = Path("/srv/rnnkit-class")
COURSE_ID = re.compile(r"[a-z][a-z0-9-]{0,23}")
USER_NAME = re.compile(r"[a-z_][a-z0-9_-]{0,31}")
DEFAULT_COURSE = "rnnkit"
TEST_COURSE = "rnnkit-test"
SERVICE = "rnnkit-class"


class ClassError(Exception):
    """Something that stops a class command, said so that the person running it knows what to do."""


def check_course(course: str) -> str:
    if not COURSE_ID.fullmatch(course):
        raise ClassError(f"--course: expected lower-case letters, digits and '-', starting with a letter, at most 24, "
                         f"got {course!r}")
    return course


def student_names(students: str, prefix: str) -> List[str]:
    """`--students`: a count N (prefix + student1 … studentN) or names separated by commas."""
    if students.isdigit():
        count = int(students)
        if not 1 <= count <= 500:
            raise ClassError(f"--students: expected a count from 1 to 500 or names, got {students}")
        return [f"{prefix}student{i}" for i in range(1, count + 1)]
    names = [n.strip() for n in students.split(",") if n.strip()]
    bad = [n for n in names if not USER_NAME.fullmatch(n) or "+" in n]
    if bad or not names:
        raise ClassError(f"--students: expected a count or Unix user names (a-z, 0-9, _ and -), got {students!r}")
    if len(set(names)) != len(names):
        raise ClassError(f"--students: a name appears twice in {students!r}")
    return names


@dataclass
class ClassState:
    """What `./kit class` made; written to class.json as each part is made."""

    course: str
    instructor: str
    students: List[str]
    port: int
    heap: str
    test: bool = False
    created_users: List[str] = field(default_factory=list)
    hub_port: int = 0
    proxy_api_port: int = 0
    python: str = ""

    @property
    def users(self) -> List[str]:
        return [self.instructor, *self.students]


@dataclass(frozen=True)
class Layout:
    """The folders of one class, by course id."""

    course: str
    base: Path = CLASSES

    @property
    def root(self) -> Path:
        return self.base / self.course

    @property
    def env(self) -> Path:
        return self.root / "env"

    @property
    def python(self) -> Path:
        return self.env / "bin" / "python"

    @property
    def bin(self) -> Path:
        return self.env / "bin"

    @property
    def java(self) -> Path:
        return self.root / "java"

    @property
    def kernelspec(self) -> Path:
        return self.env / "share" / "jupyter" / "kernels"

    @property
    def proxy(self) -> Path:
        return self.root / "proxy"

    @property
    def proxy_command(self) -> Path:
        return self.proxy / "node_modules" / ".bin" / "configurable-http-proxy"

    @property
    def hub(self) -> Path:
        return self.root / "hub"

    @property
    def exchange(self) -> Path:
        return self.root / "exchange"

    @property
    def lib(self) -> Path:
        return self.root / "lib"

    @property
    def state_file(self) -> Path:
        return self.root / "class.json"

    @property
    def token_file(self) -> Path:
        return self.hub / "service-token"

    @property
    def passwords(self) -> Path:
        return self.hub / "passwords.csv"

    @property
    def hub_log(self) -> Path:
        return self.hub / "jupyterhub.log"

    @property
    def hub_pid(self) -> Path:
        return self.hub / "jupyterhub.pid"

    @property
    def proxy_pid(self) -> Path:
        return self.hub / "jupyterhub-proxy.pid"

    def course_dir(self, instructor: str) -> Path:
        return Path(pwd.getpwnam(instructor).pw_dir) / self.course

    def read_state(self) -> Optional[ClassState]:
        if not self.state_file.exists():
            return None
        return ClassState(**json.loads(self.state_file.read_text(encoding="utf-8")))

    def write_state(self, state: ClassState) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self.state_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(state), indent=1) + "\n", encoding="utf-8")
        tmp.replace(self.state_file)

    def require_state(self) -> ClassState:
        state = self.read_state()
        if state is None:
            raise ClassError(f"no class '{self.course}' on this machine ({self.state_file} is missing): "
                             f"set one up with ./kit class" + ("" if self.course == DEFAULT_COURSE else f" --course {self.course}"))
        return state
