"""One-line answers built from the kit's public API, for every exercise: the candidates whose
signature could answer it (docs/exercises.md, "Forbidden calls").

For an exercise `R name(T1 p1, …)`, the candidates are expressions of type R (or one index away
from it, `[0]`) made of at most two kit calls: a public static method, constructor or instance method whose
arguments are filled from the exercise's parameters (and a few adaptations of them: −x, {x},
{0, x}, {x, 0}, {v}, m[0]), small constants (0, 1, 0.0, 1.0, true, "x") and the kit's public static
fields; then, optionally, a method of what that call returned. Every candidate uses at least one of
the exercise's arguments. Types come from the library's bytecode (kit_calls), erased; a candidate that does
not compile is dropped."""
import itertools
import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

import kit_calls

PRIMITIVES = {"D": "double", "I": "int", "J": "long", "Z": "boolean", "F": "float", "S": "short", "B": "byte", "C": "char"}
WIDER = {"int": {"long", "float", "double"}, "long": {"float", "double"}, "float": {"double"}}
JDK = {"List": "java.util.List", "ToDoubleFunction": "java.util.function.ToDoubleFunction", "String": "java.lang.String",
       "Random": "java.util.Random", "Set": "java.util.Set", "Map": "java.util.Map"}
PER_CALL = 24          # argument combinations tried per method
# the grader's deny-list forbids grade.*; display and plotting compute no exercise's answer
SKIPPED = ("io.github.rnnkit.grade.", "io.github.rnnkit.notebook.", "io.github.rnnkit.plot.")
PER_EXERCISE = 6000    # candidates per exercise


@dataclass
class Signature:
    returns: str
    name: str
    params: List[Tuple[str, str]]   # (source type, name)


@dataclass
class Value:
    expr: str
    type: str        # erased, qualified: double[], io.github.rnnkit.rnn.Rnn, java.util.List
    level: int
    given: bool = True   # made from the exercise's arguments (constants and static fields are not)


def signature(source: str) -> Signature:
    """The first method a solution cell declares."""
    found = re.search(r"^\s*(?P<ret>[\w.<>\[\], ?]+?)\s+(?P<name>\w+)\s*\((?P<params>[^)]*)\)\s*\{", source, re.M)
    params, depth, current = [], 0, ""
    for ch in found.group("params") + ",":
        if ch == "," and depth == 0:
            if current.strip():
                kind, _, pname = current.strip().rpartition(" ")
                params.append((kind.strip(), pname))
            current = ""
            continue
        depth += ch == "<"
        depth -= ch == ">"
        current += ch
    return Signature(found.group("ret").strip(), found.group("name"), params)


def descriptor_types(desc: str) -> Tuple[List[Optional[str]], Optional[str]]:
    """A method descriptor's parameter types and return type, as erased qualified names (None for void)."""
    def one(text: str, at: int) -> Tuple[Optional[str], int]:
        dims = 0
        while text[at] == "[":
            dims += 1
            at += 1
        if text[at] == "L":
            end = text.index(";", at)
            name = text[at + 1:end].replace("/", ".").replace("$", ".")
            at = end + 1
        elif text[at] == "V":
            return None, at + 1
        else:
            name = PRIMITIVES[text[at]]
            at += 1
        return name + "[]" * dims, at
    params, at = [], 1
    while desc[at] != ")":
        kind, at = one(desc, at)
        params.append(kind)
    returns, _ = one(desc, at + 1)
    return params, returns


class Api:
    """The kit's public members, by kind, with erased types."""

    def __init__(self, graph: kit_calls.CallGraph):
        self.graph = graph
        self.simple = {}
        for name in graph.classes:
            if graph.visible(name):
                self.simple.setdefault(name.split(".")[-1].split("$")[-1], name.replace("$", "."))
        self.members = [m for m in graph.public_api() if m.name not in ("<clinit>", "toString", "hashCode", "equals")
                        and not m.owner.startswith(SKIPPED)]
        self.binary = {n.replace("$", "."): n for n in graph.classes}
        self.cache: Dict[Tuple[str, str], bool] = {}

    def qualify(self, source_type: str) -> str:
        """A source type (`List<double[][]>`, `Rnn`, `double[]`) as an erased qualified name."""
        raw = re.sub(r"<.*>", "", source_type).strip()
        dims = raw.count("[]")
        base = raw.replace("[]", "").strip()
        if base in PRIMITIVES.values():
            return raw
        base = JDK.get(base) or self.simple.get(base) or base
        return base + "[]" * dims

    def subtype(self, kind: str, of: str) -> bool:
        key = (kind, of)
        if key not in self.cache:
            self.cache[key] = (kind == of or of in WIDER.get(kind, ())
                               or (kind in self.binary and of in self.binary
                                   and self.binary[of] in self.graph.supertypes(self.binary[kind])))
        return self.cache[key]


def candidates(sig: Signature, api: Api) -> List[str]:
    """Expressions that could answer an exercise of signature `sig` in one line."""
    goal = api.qualify(sig.returns)
    pool: List[Value] = []
    for kind, name in sig.params:
        kind = api.qualify(kind)
        pool.append(Value(name, kind, 0))
        if kind == "double":
            pool += [Value(f"-{name}", "double", 0), Value(f"new double[] {{{name}}}", "double[]", 0),
                     Value(f"new double[] {{0, {name}}}", "double[]", 0), Value(f"new double[] {{{name}, 0}}", "double[]", 0)]
        if kind == "double[]":
            pool.append(Value(f"new double[][] {{{name}}}", "double[][]", 0))
        if kind == "double[][]":
            pool += [Value(f"{name}[0]", "double[]", 0), Value(f"new double[][][] {{{name}}}", "double[][][]", 0)]
    pool += [Value("0", "int", 0, False), Value("1", "int", 0, False), Value("0.0", "double", 0, False),
             Value("1.0", "double", 0, False), Value("true", "boolean", 0, False), Value('"x"', "java.lang.String", 0, False)]
    for m in api.members:
        if m.kind == "field" and m.static:
            pool.append(Value(f"{m.owner.replace('$', '.')}.{m.name}", descriptor_types("()" + m.descriptor)[1], 0, False))
    first = calls(api, pool, [v for v in pool if v.type.startswith("io.github.rnnkit")], level=1)
    chained = calls(api, pool, [v for v in first if v.type.startswith("io.github.rnnkit")], level=2, statics=False)
    found = first + chained
    out = []
    for v in found:
        if not v.given:
            continue
        if api.subtype(v.type, goal):
            out.append(v.expr)
        elif v.type + "" == goal + "[]" or (goal == "double" and v.type == "double[]"):
            out.append(f"{v.expr}[0]")
    return list(dict.fromkeys(out))[:PER_EXERCISE]


def fill(api: Api, params: List[str], pool: List[Value], given: bool) -> List[Tuple[List[str], bool]]:
    """Argument lists for parameter types `params`, from the pool values of each slot's type (those
    made from the exercise's arguments first). Each list says whether it (or the receiver, `given`)
    uses an argument of the exercise."""
    choices = []
    for kind in params:
        options = sorted((v for v in pool if api.subtype(v.type, kind)), key=lambda v: not v.given)
        if not options:
            return []
        choices.append(options)
    out = []
    for combo in itertools.islice(itertools.product(*choices), PER_CALL):
        out.append(([v.expr for v in combo], given or any(v.given for v in combo)))
    return out


def calls(api: Api, pool: List[Value], receivers: List[Value], level: int, statics: bool = True) -> List[Value]:
    """Every kit call whose arguments come from the pool: static methods and constructors (if
    `statics`), and instance methods of the receivers."""
    out = []
    for m in api.members:
        if m.kind == "field":
            continue
        params, returns = descriptor_types(m.descriptor)
        owner = m.owner.replace("$", ".")
        if m.kind == "constructor":
            returns = owner
        if returns is None or returns == "java.lang.Object" or None in params:
            continue
        if m.static or m.kind == "constructor":
            if not statics:
                continue
            for args, given in fill(api, params, pool, False):
                call = f"new {owner}({', '.join(args)})" if m.kind == "constructor" else f"{owner}.{m.name}({', '.join(args)})"
                out.append(Value(call, returns, level, given))
            continue
        for receiver in receivers:
            if api.subtype(receiver.type, owner):
                for args, given in fill(api, params, pool, receiver.given):
                    out.append(Value(f"{receiver.expr}.{m.name}({', '.join(args)})", returns, level, given))
    return out


def unpack(sig: Signature) -> str:
    """Java statements naming the exercise's arguments from `Object[] a`."""
    return " ".join(f"{kind} {name} = ({kind}) a[{n}];" for n, (kind, name) in enumerate(sig.params))


def recorder(sig: Signature, tag: str) -> str:
    """A variant of the reference that records the arguments of every call of the exercise's method."""
    params = ", ".join(f"{kind} {name}" for kind, name in sig.params)
    names = ", ".join(name for _, name in sig.params)
    ret = "" if sig.returns == "void" else "return "
    return (f"{sig.returns} {sig.name}({params}) {{\n    harness.Screen.record(\"{tag}\", new Object[] {{{names}}});\n"
            f"    {ret}super.{sig.name}({names});\n}}\n")


def screen_class(sig: Signature, tag: str, exprs: List[str]) -> Tuple[str, List[Tuple[int, int]]]:
    """The source of a variant holding the reference and every candidate as `Object cN(Object[] a)`,
    with the line span of each candidate (from the class body's first line)."""
    names = ", ".join(name for _, name in sig.params)
    lines = [f'public Object screen() throws Throwable {{ return harness.Screen.survivors(this, "{tag}", {len(exprs)}); }}',
             f"public Object reference(Object[] a) throws Throwable {{ {unpack(sig)} return {sig.name}({names}); }}"]
    spans = []
    for n, expr in enumerate(exprs):
        spans.append((len(lines) + 1, len(lines) + 1))
        lines.append(f"public Object c{n}(Object[] a) throws Throwable {{ {unpack(sig)} return {expr}; }}")
    return "\n".join(lines) + "\n", spans


def one_liner(sig: Signature, expr: str) -> str:
    """A solution cell answering with one expression."""
    params = ", ".join(f"{kind} {name}" for kind, name in sig.params)
    return f"{sig.returns} {sig.name}({params}) {{\n    return {expr};\n}}\n"
