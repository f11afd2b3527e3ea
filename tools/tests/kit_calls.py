"""The kit's own call graph, read from its compiled classes with the JDK's `javap`, and what an
exercise's forbidden list forbids (the rules of the grader's CallRules, docs/exercises.md).

A node is a method or constructor of a kit class, `owner#name(descriptor)` with the owner's binary
name (`io.github.rnnkit.core.Softmax`, nested classes with `$`). Its edges are every kit method it
can run: the methods and constructors its bytecode invokes; for a virtual or interface call, also
every override in the kit's subclasses and implementations (class-hierarchy analysis, so
`Activation.apply` reaches every activation); and for a lambda or method reference, the method the
handle names. A method that subclasses override also reaches the overrides (a call the compiler
resolved to it can run any of them). A method reaches what its edges reach, transitively.
"""
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Set, Tuple

from rnnkit_tools import paths
from rnnkit_tools.sandbox import java_home

KIT = "io.github.rnnkit"
CLASSES = paths.REPO / "lib" / "target" / "classes"


@dataclass
class Member:
    owner: str                # binary name, $ for nested
    name: str                 # method name, <init>, or a field name
    descriptor: str
    public: bool
    static: bool
    kind: str                 # "method", "constructor" or "field"

    @property
    def key(self) -> str:
        return f"{self.owner}#{self.name}{self.descriptor}"


@dataclass
class KitClass:
    name: str
    public: bool
    supertypes: List[str]
    members: Dict[str, Member] = field(default_factory=dict)
    calls: Dict[str, List[Tuple[str, str, str, str]]] = field(default_factory=dict)  # key -> (op, owner, name, desc)
    handles: Dict[int, List[Tuple[str, str, str]]] = field(default_factory=dict)     # bootstrap index -> handles
    dynamic: Dict[str, List[int]] = field(default_factory=dict)                      # key -> bootstrap indices


HEADER = re.compile(r"^(?P<mods>(?:(?:public|private|protected|abstract|final|sealed|non-sealed|static|strictfp)\s+)*)"
                    r"(?:class|interface|enum|record|@interface)\s+(?P<name>[\w.$]+)(?:<.*?>)?(?P<rest>.*)$")
MEMBER = re.compile(r"^  (?P<mods>(?:(?:public|private|protected|abstract|final|static|synchronized|native|"
                    r"transient|volatile|default|strictfp)\s+)*)(?P<decl>\S.*);$")
INVOKE = re.compile(r"\b(invoke(?:virtual|static|special|interface))\s+#\d+(?:,\s*\d+)?\s+//\s*(?:Interface)?Method\s+"
                    r"(?:(?P<owner>[\w/$]+)\.)?(?P<name>[\w$<>\"]+):(?P<desc>\S+)")
DYNAMIC = re.compile(r"\binvokedynamic\s+#\d+,\s*\d+\s+//\s*InvokeDynamic\s+#(?P<index>\d+):")
HANDLE = re.compile(r"REF_(?P<kind>invoke\w+|newInvokeSpecial)\s+(?P<owner>io/github/rnnkit[\w/$]*)\.(?P<name>[\w$<>\"]+):(?P<desc>\S+)")
BOOTSTRAP = re.compile(r"^  (?P<index>\d+): #\d+ REF_")


def _binary(internal: str) -> str:
    return internal.replace("/", ".")


def read_classes(folder: Path = CLASSES) -> Dict[str, KitClass]:
    """Every class under `folder`, with its members, calls and lambda handles, from one javap run."""
    names = sorted(str(p.relative_to(folder).with_suffix("")).replace("/", ".") for p in folder.rglob("*.class"))
    out = subprocess.run([str(java_home() / "bin" / "javap"), "-c", "-p", "-s", "-v", "-cp", str(folder), *names],
                         capture_output=True, text=True, check=True).stdout
    classes: Dict[str, KitClass] = {}
    current: Optional[KitClass] = None
    member: Optional[Member] = None
    pending = None               # (name, public, static, kind) of a member header awaiting its descriptor
    section = "header"           # header, members, after, bootstraps
    bootstrap: Optional[int] = None
    for line in out.splitlines():
        if line.startswith("Classfile "):
            current, member, pending, section = None, None, None, "header"
            continue
        if section == "header":
            found = HEADER.match(line)
            if found and current is None:
                mods = found.group("mods").split()
                rest = re.sub(r"<[^<>]*(?:<[^<>]*>[^<>]*)*>", "", found.group("rest"))
                supers = [s for s in re.findall(r"[\w.$]+", rest) if "." in s]
                current = KitClass(found.group("name"), "public" in mods, supers)
                classes[current.name] = current
            elif line == "{" and current is not None:
                section = "members"
            continue
        if section == "members":
            if line == "}":
                section, member, pending = "after", None, None
                continue
            found = MEMBER.match(line)
            if found:
                decl = found.group("decl")
                mods = found.group("mods").split()
                if decl == "{}" and "static" in mods:
                    name, kind = "<clinit>", "method"
                elif "(" in decl:
                    name = decl.split("(")[0].split()[-1]
                    kind = "method"
                    if name == current.name:
                        name, kind = "<init>", "constructor"
                else:
                    name, kind = decl.split()[-1], "field"
                pending = (name, "public" in mods, "static" in mods, kind)
                member = None
                continue
            stripped = line.strip()
            if stripped.startswith("descriptor:") and pending:
                name, public, static, kind = pending
                member = Member(current.name, name, stripped.split(":", 1)[1].strip(), public, static, kind)
                current.members[member.key] = member
                current.calls[member.key] = []
                current.dynamic[member.key] = []
                pending = None
                continue
            if member is not None:
                found = INVOKE.search(line)
                owner = found and (_binary(found.group("owner")) if found.group("owner") else current.name)
                if found and owner.startswith(KIT):
                    current.calls[member.key].append((found.group(1), owner,
                                                      found.group("name").strip('"'), found.group("desc")))
                found = DYNAMIC.search(line)
                if found:
                    current.dynamic[member.key].append(int(found.group("index")))
            continue
        if line.startswith("BootstrapMethods:"):
            section = "bootstraps"
            continue
        if section == "bootstraps":
            if line and not line.startswith(" "):
                section = "after"
                continue
            found = BOOTSTRAP.match(line)
            if found:
                bootstrap = int(found.group("index"))
                current.handles[bootstrap] = []
                continue
            for h in HANDLE.finditer(line):
                if bootstrap is not None:
                    current.handles[bootstrap].append((_binary(h.group("owner")), h.group("name").strip('"'), h.group("desc")))
    return classes


class CallGraph:
    """The kit's methods and what each can run."""

    def __init__(self, classes: Dict[str, KitClass]):
        self.classes = classes
        self.subtypes: Dict[str, Set[str]] = {name: {name} for name in classes}
        for name in classes:
            for sup in self.supertypes(name):
                self.subtypes.setdefault(sup, {sup}).add(name)
        self.edges: Dict[str, Set[str]] = {}
        for c in classes.values():
            for key in c.members:
                targets: Set[str] = set()
                for op, owner, name, desc in c.calls.get(key, []):
                    targets |= self.resolve(op, owner, name, desc)
                for index in c.dynamic.get(key, []):
                    for owner, name, desc in c.handles.get(index, []):
                        targets |= self.resolve("invokevirtual", owner, name, desc)
                member = c.members[key]
                if member.kind == "method" and not member.static:
                    targets |= {k for k in self.resolve("invokevirtual", c.name, member.name, member.descriptor)
                                if k != key and k.split("#")[0] in self.subtypes.get(c.name, set())}
                self.edges[key] = targets

    def supertypes(self, name: str) -> Set[str]:
        seen, todo = set(), [name]
        while todo:
            n = todo.pop()
            for s in self.classes.get(n, KitClass(n, False, [])).supertypes:
                if s not in seen:
                    seen.add(s)
                    todo.append(s)
        return seen

    def resolve(self, op: str, owner: str, name: str, desc: str) -> Set[str]:
        """The kit methods a call of owner.name(desc) can run."""
        found = set()
        candidates = {owner} | self.supertypes(owner)
        if op in ("invokevirtual", "invokeinterface"):
            candidates |= self.subtypes.get(owner, set())
        for c in candidates:
            key = f"{c}#{name}{desc}"
            if c in self.classes and key in self.classes[c].members:
                found.add(key)
        return found

    def member(self, key: str) -> Member:
        return self.classes[key.split("#")[0]].members[key]

    def reaching(self, targets: Set[str]) -> Set[str]:
        """Every method that runs one of `targets`, directly or through others (targets not included
        unless they reach each other)."""
        callers: Dict[str, Set[str]] = {}
        for src, dsts in self.edges.items():
            for d in dsts:
                callers.setdefault(d, set()).add(src)
        found, todo = set(), list(targets)
        while todo:
            t = todo.pop()
            for c in callers.get(t, ()):
                if c not in found:
                    found.add(c)
                    todo.append(c)
        return found

    def public_api(self) -> List[Member]:
        """What a solution can name: public members of public classes whose enclosing classes are public too."""
        api = []
        for c in self.classes.values():
            if not self.visible(c.name):
                continue
            api.extend(m for m in c.members.values() if m.public and m.name != "<clinit>")
        return api

    def visible(self, name: str) -> bool:
        parts = name.split("$")
        return all(self.classes.get("$".join(parts[:i + 1]), KitClass("", False, [])).public for i in range(len(parts)))


def forbids(entries: Iterable[str], member: Member, graph: CallGraph) -> bool:
    """Whether an exercise's forbidden list forbids `member`, by the grader's rules (CallRules):
    `pkg.*` covers the package and its sub-packages; a class covers its members and those of the
    classes nested in it; `Class.member` covers that member in the class and every subtype."""
    owner = member.owner
    source_name = owner.replace("$", ".")
    package = owner.rsplit(".", 1)[0]
    name = member.name
    for entry in entries:
        entry = entry.strip()
        if entry.endswith(".*"):
            prefix = entry[:-2]
            if package == prefix or package.startswith(prefix + "."):
                return True
            continue
        enclosing = owner.split("$")
        for i in range(len(enclosing), 0, -1):
            if "$".join(enclosing[:i]).replace("$", ".") == entry:
                return True
        declaring, _, entry_member = entry.rpartition(".")
        if entry_member == name:
            declaring_binary = _binary_of(declaring, graph)
            if declaring_binary and (declaring_binary == owner or declaring_binary in graph.supertypes(owner)):
                return True
    return False


def _binary_of(source_name: str, graph: CallGraph) -> Optional[str]:
    """The binary name of a class named in source form (nested classes with dots)."""
    for name in graph.classes:
        if name.replace("$", ".") == source_name:
            return name
    return None


def readable(key: str) -> str:
    """`io.github.rnnkit.core.Softmax#of([D)[D` as a person reads it: `core.Softmax.of`."""
    owner, rest = key.split("#")
    name = rest.split("(")[0]
    short = owner[len(KIT) + 1:].replace("$", ".") if owner.startswith(KIT) else owner
    return f"{short}.{'new' if name == '<init>' else name}"


GRADER_GRAPH = paths.REPO / "grader" / "target" / "classes" / "io" / "github" / "rnnkit" / "grade" / "checker" / "kit-calls.txt"


def grader_edges(path: Path = GRADER_GRAPH) -> Dict[str, Set[str]]:
    """The grader's own call graph of the kit (KitCallGraph, read with ASM at build time), with its
    nodes renamed as this module names them (`owner#name(descriptor)`)."""
    names: List[str] = []
    edges: Dict[str, Set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("n "):
            node = line[2:]
            owner, rest = node.split("(", 1)[0].rsplit(".", 1)[0], node[node.index("(", 0):]
            name = node.split("(", 1)[0].rsplit(".", 1)[1]
            names.append(f"{_binary(owner)}#{name}{rest}")
        elif line.startswith("e "):
            _, a, b = line.split()
            edges.setdefault(names[int(a)], set()).add(names[int(b)])
    return edges


def reaching_in(edges: Dict[str, Set[str]], targets: Set[str]) -> Set[str]:
    """Every node of `edges` from which a chain of edges reaches one of `targets`."""
    callers: Dict[str, Set[str]] = {}
    for src, dsts in edges.items():
        for d in dsts:
            callers.setdefault(d, set()).add(src)
    found, todo = set(), list(targets)
    while todo:
        for c in callers.get(todo.pop(), ()):
            if c not in found:
                found.add(c)
                todo.append(c)
    return found
