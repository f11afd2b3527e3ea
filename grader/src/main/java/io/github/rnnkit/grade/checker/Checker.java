package io.github.rnnkit.grade.checker;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The first half of the grader's verdict path, in which nothing of the student's runs. From a
 * submission's solution cells and the instructor's test cells it builds
 *
 * <pre>
 *   graded.Submission   every method declaration of every solution cell, as a static method
 *   graded.Check_NN     one instructor test cell (hidden tests included) calling those methods
 * </pre>
 *
 * and decides, for each exercise, whether its check can run or why it scores 0: the solution cell
 * is missing, it does not compile (the compiler's message, on the student's line; an error only
 * class files meet, such as a constant string too long, counts too), its check cannot call it, or
 * the code the check would run (the solution's methods and every student method they call,
 * transitively) uses something forbidden: the default deny-list of {@link CallRules}, a class
 * declared in a method, or the exercise's own list, also when a kit method it calls reaches what
 * that list names ({@link KitCalls}). Whatever else a solution cell holds (imports, variables,
 * classes, statements) is left out and named in a note.
 *
 * <p>The student's text is compiled as written: the pieces of the cells, one after another, in
 * the Submission class; JShell's reading (every method static, access modifiers ignored) is made
 * on javac's tree ({@link TopLevel}), never on the text. After compiling, the class must hold
 * exactly the methods the pieces declare, nothing else (no field, initialiser or nested class),
 * in the tree and in the class file ({@link Compiled}). A method that breaks the deny-list, and
 * every method that calls it, is left out of the compiled class, so it can never run.
 *
 * <p>{@code java -cp <kit and grader classpath> io.github.rnnkit.grade.checker.Checker JOB OUT KIT}
 * reads a {@link Job} folder, compiles against the kit's classpath KIT (the lesson jar and its
 * libraries, not the grader), writes the classes under OUT and one JSON line per exercise to stdout.
 */
public final class Checker {

    static final String PACKAGE = "graded";
    private static final long STACK_BYTES = 1L << 30;
    static final String SUBMISSION = "Submission";

    /** The kernel's default imports (rapaio-jupyter-kernel 3.0.1's init.jshell), so a method means the same here. */
    private static final String KERNEL_IMPORTS = "import java.util.*; import java.io.*; import java.math.*; "
            + "import java.net.*; import java.util.concurrent.*; import java.util.prefs.*; import java.util.regex.*;";

    /** A method declaration's piece placed in the Submission source, from its first line to its last. */
    private record Placed(Declarations declarations, int firstLine, int lastLine) {

        int cellLine(long line) {
            return declarations.piece().line() + (int) (line - firstLine);
        }
    }

    /** The Submission source and where each piece sits in it. */
    private record Assembled(String text, List<Placed> placed) {

        Optional<Placed> at(long line) {
            return placed.stream().filter(p -> line >= p.firstLine() && line <= p.lastLine()).findFirst();
        }
    }

    /** A compiled student method: where it is, where it starts in the source, its name, and what it uses. */
    private record Method(Placed placed, long start, String name, List<Uses.Use> uses) {
    }

    /** What happened to one solution cell. */
    private static final class CellReport {
        final List<String> notes = new ArrayList<>();
        String error;
    }

    private final Javac javac;
    private final SourceCodeAnalysis analysis;
    private final KitCalls kitCalls;
    private final Path scratch;
    private final Map<String, CellReport> reports = new LinkedHashMap<>();
    private final Map<String, String> checkErrors = new HashMap<>();

    private Checker(Javac javac, SourceCodeAnalysis analysis, KitCalls kitCalls, Path scratch) {
        this.javac = javac;
        this.analysis = analysis;
        this.kitCalls = kitCalls;
        this.scratch = scratch;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("arguments: expected JOB OUT KIT (two folders and a classpath), got " + List.of(args));
        }
        Job job = Job.read(Path.of(args[0]));
        List<Assessment> found = new ArrayList<>();
        // The compiler recurses once per nesting level of the student's code: a deep stack keeps it working.
        Thread worker = new Thread(null, () -> found.addAll(check(job, Path.of(args[1]), args[2])),
                "checker", STACK_BYTES);
        worker.start();
        worker.join();
        if (found.size() != job.exercises().size()) {
            System.exit(3);
        }
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        found.forEach(a -> out.println(a.json()));
    }

    /**
     * Assesses every exercise of the job and writes the classes of the runnable ones under {@code out}; a kit
     * method is judged by the call graph of the lesson jar that holds {@code anchor} (the kit's Exercise class).
     */
    public static List<Assessment> check(Job job, Path out, String classpath, Class<?> anchor) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Path scratch = null;
        try (JShell shell = JShell.builder().executionEngine("local").out(quiet).err(quiet).build()) {
            scratch = Files.createTempDirectory("rnnkit-checker-");
            return new Checker(new Javac(classpath), shell.sourceCodeAnalysis(), KitCalls.load(anchor), scratch).assess(job, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Compiled.delete(scratch);
        }
    }

    /** {@link #check(Job, Path, String, Class)} with the lesson jar found by name on the class path. */
    public static List<Assessment> check(Job job, Path out, String classpath) {
        try {
            return check(job, out, classpath, Class.forName("io.github.rnnkit.grade.Exercise"));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the lesson jar is not on the checker's class path", e);
        }
    }

    private List<Assessment> assess(Job job, Path out) {
        String imports = importsOf(job.imports());
        List<Declarations> methods = declarations(job);
        Assembled submission = compileSubmission(imports, methods);
        Map<String, String> checks = checkSources(job, imports);
        Javac.Run run = compileChecks(submission, checks);
        Map<Element, Method> compiled = methodsOf(run, submission);
        Map<String, List<Uses.Use>> usedByChecks = usesOfChecks(run, checks.keySet());
        List<Assessment> found = new ArrayList<>();
        Map<String, String> runnable = new LinkedHashMap<>();
        for (int n = 0; n < job.exercises().size(); n++) {
            Job.Task task = job.exercises().get(n);
            String checkClass = checkName(n);
            Assessment a = assess(task, checkClass, checks.containsKey(checkClass), compiled,
                    usedByChecks.getOrDefault(checkClass, List.of()), run);
            if (a.status() == Assessment.Status.RUNNABLE) {
                runnable.put(checkClass, checks.get(checkClass));
            }
            found.add(a);
        }
        Set<Method> leftOut = unsafe(compiled, run);
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put(PACKAGE + "/" + SUBMISSION, submission.text());
        runnable.forEach((name, text) -> sources.put(PACKAGE + "/" + name, text));
        Set<Long> starts = leftOut.stream().map(Method::start).collect(Collectors.toSet());
        Javac.Run generated = javac.generate(sources, new TopLevel(SUBMISSION, starts), out);
        if (!generated.errors().isEmpty()) {
            throw new IllegalStateException("sources that compiled cleanly failed to compile: " + Javac.message(generated.errors().get(0)));
        }
        Set<String> kept = compiled.values().stream().filter(m -> !leftOut.contains(m)).map(Method::name).collect(Collectors.toSet());
        Optional<String> odd = Compiled.oddities(out.resolve(PACKAGE), SUBMISSION, kept, runnable.keySet());
        if (odd.isPresent()) {
            return refuseRunnable(found, Assessment.Status.DOES_NOT_COMPILE, "the compiled solution holds " + odd.get()
                    + ", which no method declaration makes: the grader does not run it");
        }
        Optional<String> denied = deniedInClassFile(out.resolve(PACKAGE).resolve(SUBMISSION + ".class"), run);
        if (denied.isPresent()) {
            return refuseRunnable(found, Assessment.Status.FORBIDDEN, "the compiled solution holds " + denied.get()
                    + ": the grader does not run it");
        }
        return found;
    }

    /** The assessments with every runnable exercise refused, for a reason found in the compiled class as a whole. */
    private static List<Assessment> refuseRunnable(List<Assessment> found, Assessment.Status status, String message) {
        return found.stream().map(a -> a.status() != Assessment.Status.RUNNABLE ? a
                : new Assessment(a.id(), status, message, a.notes(), null)).toList();
    }

    /**
     * The first use the deny-list forbids in the Submission class file itself: the same rules, on the bytes that
     * will run (javac's desugaring included), as a second check behind the one on the source.
     */
    private static Optional<String> deniedInClassFile(Path classFile, Javac.Run run) {
        Elements elements = run.task().getElements();
        Types types = run.task().getTypes();
        CallRules deny = CallRules.denyList();
        for (Compiled.Reference ref : Compiled.references(classFile)) {
            if (ref.owner().startsWith("[") || ref.owner().startsWith(PACKAGE + "/")
                    || ref.owner().equals("java/lang/Class") && "desiredAssertionStatus".equals(ref.member())) {
                continue;  // an array's clone, the solution's own methods, an assert's flag
            }
            TypeElement owner = elements.getTypeElement(ref.owner().replace('/', '.').replace('$', '.'));
            if (owner == null) {
                return Optional.of("a reference to " + ref.owner() + ", which the checker cannot resolve");
            }
            Optional<CallRules.Rule> broken = deny.broken(owner, elements, types)
                    .or(() -> ref.member() != null && deny.breaksMember(owner, ref.member(), elements, types)
                            ? Optional.of(new CallRules.Rule(ref.member(), "")) : Optional.empty());
            if (broken.isPresent()) {
                return Optional.of("a use of " + owner.getSimpleName() + (ref.member() == null ? "" : "." + ref.member())
                        + " that the deny-list forbids");
            }
        }
        return Optional.empty();
    }

    /** The methods that break the deny-list or declare a class, and every method that calls one of them. */
    private static Set<Method> unsafe(Map<Element, Method> compiled, Javac.Run run) {
        Set<Method> unsafe = new LinkedHashSet<>();
        for (Method m : compiled.values()) {
            if (reachedFrom(List.of(m), compiled).stream()
                    .anyMatch(r -> firstBreak(List.of(r), CallRules.denyList(), "", run, null).isPresent())) {
                unsafe.add(m);
            }
        }
        return unsafe;
    }

    /** The import declarations of the lesson's first code cell. */
    private String importsOf(String firstCell) {
        return SolutionCell.split("imports", firstCell, analysis).pieces().stream()
                .filter(p -> p.kind() == SolutionCell.Kind.IMPORT)
                .map(p -> p.source().strip()).collect(Collectors.joining("\n"));
    }

    /** Every piece of every present solution cell that reads as method declarations; notes on the rest. */
    private List<Declarations> declarations(Job job) {
        Map<String, SolutionCell.Piece> candidates = new LinkedHashMap<>();
        Map<String, String> cellOf = new HashMap<>();
        for (Job.Cell cell : job.cells()) {
            if (cell.source() == null) {
                continue;
            }
            CellReport report = reports.computeIfAbsent(cell.id(), id -> new CellReport());
            for (SolutionCell.Piece piece : SolutionCell.split(cell.id(), cell.source(), analysis).pieces()) {
                if (piece.kind() == SolutionCell.Kind.METHOD || piece.kind() == SolutionCell.Kind.UNREADABLE) {
                    String name = "pieces/Piece" + candidates.size();
                    candidates.put(name, piece);
                    cellOf.put(name, cell.id());
                } else {
                    report.notes.add(leftOut(piece.described()));
                }
            }
        }
        List<Declarations> kept = new ArrayList<>();
        for (Declarations d : Declarations.read(candidates, cellOf, javac)) {
            CellReport report = reports.get(d.cellId());
            switch (d.shape()) {
                case METHODS -> kept.add(d);
                case BROKEN_METHODS -> report.error = report.error == null ? d.syntaxError() : report.error;
                default -> report.notes.add(leftOut(d.piece().described()));
            }
        }
        return kept;
    }

    private static String leftOut(String what) {
        return "left out " + what + ": a solution cell may hold only method declarations";
    }

    /**
     * Compiles the Submission class to class files, leaving out each piece that has an error (an error of any
     * stage of javac) or that the compiled tree does not hold as the methods its own parse found, until none has.
     */
    private Assembled compileSubmission(String imports, List<Declarations> methods) {
        while (true) {
            Assembled assembled = assemble(imports, methods);
            Map<String, String> source = Map.of(PACKAGE + "/" + SUBMISSION, assembled.text());
            Javac.Run run = javac.analyse(source, new TopLevel(SUBMISSION, Set.of()));
            Map<Declarations, String> broken = locate(run.errors(), assembled);
            if (broken.isEmpty()) {
                Compiled.strangers(run, assembled.placed().stream().map(p -> new Compiled.Span(p.firstLine(), p.lastLine(),
                        p.declarations().names())).toList()).forEach((span, what) -> {
                    Placed p = assembled.placed().stream().filter(q -> q.firstLine() == span.firstLine()).findFirst().orElseThrow();
                    broken.put(p.declarations(), "line " + p.cellLine(span.firstLine()) + ": " + what);
                });
            }
            if (broken.isEmpty()) {
                broken.putAll(locate(javac.generate(source, new TopLevel(SUBMISSION, Set.of()), scratch).errors(), assembled));
            }
            if (broken.isEmpty()) {
                return assembled;
            }
            broken.forEach((d, message) -> {
                CellReport report = reports.get(d.cellId());
                if (report.error == null) {
                    report.error = message;
                }
                methods.remove(d);
            });
        }
    }

    /** Each piece with an error, and the first error's message on the student's line. */
    private static Map<Declarations, String> locate(List<Diagnostic<? extends JavaFileObject>> errors, Assembled assembled) {
        Map<Declarations, String> broken = new LinkedHashMap<>();
        for (Diagnostic<? extends JavaFileObject> error : errors) {
            Placed p = assembled.at(error.getLineNumber()).orElseThrow(() -> new IllegalStateException(
                    "the lesson's imports do not compile: " + Javac.message(error)));
            broken.putIfAbsent(p.declarations(), "line " + p.cellLine(error.getLineNumber()) + ": " + clean(Javac.message(error)));
        }
        return broken;
    }

    private Assembled assemble(String imports, List<Declarations> methods) {
        StringBuilder text = new StringBuilder("package " + PACKAGE + ";\n" + KERNEL_IMPORTS + "\n" + imports
                + "\npublic final class " + SUBMISSION + " {\n");
        int line = (int) text.chars().filter(c -> c == '\n').count() + 1;
        List<Placed> placed = new ArrayList<>();
        for (Declarations d : methods) {
            placed.add(new Placed(d, line, line + d.lines() - 1));
            text.append(d.source()).append('\n');
            line += d.lines();
        }
        return new Assembled(text.append("}\n").toString(), placed);
    }

    /** Check class name → source, for every exercise whose solution cell is there and compiles. */
    private Map<String, String> checkSources(Job job, String imports) {
        Map<String, String> checks = new LinkedHashMap<>();
        for (int n = 0; n < job.exercises().size(); n++) {
            Job.Task task = job.exercises().get(n);
            CellReport report = reports.get(task.solution());
            if (report != null && report.error == null) {
                checks.put(checkName(n), "package " + PACKAGE + ";\n" + KERNEL_IMPORTS + "\n" + imports + "\nimport static "
                        + PACKAGE + "." + SUBMISSION + ".*;\npublic final class " + checkName(n)
                        + " {\npublic static void exercise$check() throws Throwable {\n" + task.test() + "\n}\n}\n");
            }
        }
        return checks;
    }

    private static String checkName(int n) {
        return String.format("Check_%02d", n);
    }

    /** Compiles the Submission with the checks, leaving out each check that cannot call it. */
    private Javac.Run compileChecks(Assembled submission, Map<String, String> checks) {
        while (true) {
            Map<String, String> sources = new LinkedHashMap<>();
            sources.put(PACKAGE + "/" + SUBMISSION, submission.text());
            checks.forEach((name, text) -> sources.put(PACKAGE + "/" + name, text));
            Javac.Run run = javac.analyse(sources, new TopLevel(SUBMISSION, Set.of()));
            if (run.errors().isEmpty()) {
                return run;
            }
            for (Diagnostic<? extends JavaFileObject> error : run.errors()) {
                String name = Javac.sourceName(error).substring(PACKAGE.length() + 1);
                if (checks.remove(name) != null) {
                    checkErrors.put(name, "the check cannot call your solution: " + clean(Javac.message(error)));
                }
            }
        }
    }

    /** Every method of the compiled Submission, by its element, with what it uses. */
    private static Map<Element, Method> methodsOf(Javac.Run run, Assembled submission) {
        Trees trees = Trees.instance(run.task());
        Elements elements = run.task().getElements();
        CompilationUnitTree unit = run.units().get(0);
        ClassTree type = (ClassTree) unit.getTypeDecls().get(0);
        Map<Element, Method> methods = new LinkedHashMap<>();
        for (Tree member : type.getMembers()) {
            if (member instanceof MethodTree m) {
                TreePath path = TreePath.getPath(unit, member);
                long start = trees.getSourcePositions().getStartPosition(unit, member);
                long line = unit.getLineMap().getLineNumber(start);
                submission.at(line).ifPresent(p -> methods.put(trees.getElement(path),
                        new Method(p, start, m.getName().toString(), Uses.in(path, trees, elements))));
            }
        }
        return methods;
    }

    /** Check class name → the uses in its code. */
    private static Map<String, List<Uses.Use>> usesOfChecks(Javac.Run run, Set<String> names) {
        Trees trees = Trees.instance(run.task());
        Map<String, List<Uses.Use>> uses = new HashMap<>();
        for (CompilationUnitTree unit : run.units()) {
            String name = unit.getSourceFile().getName().replaceAll(".*/", "").replace(".java", "");
            if (names.contains(name)) {
                uses.put(name, Uses.in(new TreePath(unit), trees, run.task().getElements()));
            }
        }
        return uses;
    }

    private Assessment assess(Job.Task task, String checkClass, boolean compiles, Map<Element, Method> compiled,
                              List<Uses.Use> checkUses, Javac.Run run) {
        CellReport report = reports.get(task.solution());
        if (report == null) {
            return new Assessment(task.id(), Assessment.Status.MISSING, "the solution cell '" + task.solution()
                    + "' is missing from the submission", List.of(), null);
        }
        if (report.error != null) {
            return new Assessment(task.id(), Assessment.Status.DOES_NOT_COMPILE, report.error, report.notes, null);
        }
        if (!compiles) {
            return new Assessment(task.id(), Assessment.Status.DOES_NOT_COMPILE, checkErrors.get(checkClass), report.notes, null);
        }
        CallRules forbidden = CallRules.forbidden(task.forbidden());
        List<String> unknown = forbidden.unknownEntries(run.task().getElements());
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("exercise '" + task.id() + "': forbidden entries name no class or member: " + unknown);
        }
        List<Method> reached = reached(task, compiled, checkUses);
        Optional<String> breach = firstBreak(reached, CallRules.denyList(), task.solution(), run, null)
                .or(() -> firstBreak(reached, forbidden, task.solution(), run, kitCalls));
        if (breach.isPresent()) {
            return new Assessment(task.id(), Assessment.Status.FORBIDDEN, breach.get(), report.notes, null);
        }
        return new Assessment(task.id(), Assessment.Status.RUNNABLE, "", report.notes, PACKAGE + "." + checkClass);
    }

    /** The student methods a check runs: its solution cell's, those the check calls, and all they call. */
    private static List<Method> reached(Job.Task task, Map<Element, Method> compiled, List<Uses.Use> checkUses) {
        List<Method> start = new ArrayList<>();
        compiled.values().stream().filter(m -> m.placed().declarations().cellId().equals(task.solution())).forEach(start::add);
        checkUses.stream().map(u -> compiled.get(u.element())).filter(m -> m != null).forEach(start::add);
        return reachedFrom(start, compiled);
    }

    /** The methods given and every student method they call, transitively. */
    private static List<Method> reachedFrom(List<Method> start, Map<Element, Method> compiled) {
        Set<Method> seen = new LinkedHashSet<>();
        Deque<Method> todo = new ArrayDeque<>(start);
        while (!todo.isEmpty()) {
            Method m = todo.poll();
            if (seen.add(m)) {
                m.uses().stream().map(u -> compiled.get(u.element())).filter(c -> c != null).forEach(todo::add);
            }
        }
        return new ArrayList<>(seen);
    }

    /**
     * The first use in {@code methods} that breaks a rule, said as the student reads it; {@code cellId} needs no
     * name. A class declared in a method breaks every deny-list; with {@code kitCalls}, so does a kit method from
     * which a chain of calls reaches what the rules name.
     */
    private static Optional<String> firstBreak(List<Method> methods, CallRules rules, String cellId, Javac.Run run,
                                               KitCalls kitCalls) {
        Elements elements = run.task().getElements();
        Types types = run.task().getTypes();
        for (boolean throughKit : kitCalls == null ? List.of(false) : List.of(false, true)) {
            for (Method m : methods) {
                for (Uses.Use use : m.uses()) {
                    String cell = m.placed().declarations().cellId();
                    String where = "line " + m.placed().cellLine(use.line()) + (cell.equals(cellId) ? "" : " of solution cell '" + cell + "'");
                    Optional<String> broken = throughKit ? chainBreak(use, where, rules, kitCalls, elements, types)
                            : directBreak(use, where, rules, elements, types);
                    if (broken.isPresent()) {
                        return broken;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> directBreak(Uses.Use use, String where, CallRules rules, Elements elements, Types types) {
        if (use.declared()) {
            return rules.forbidsClasses() ? Optional.of("declares a class (" + where + "): a solution may hold only methods; "
                    + "a lambda does what a small class would") : Optional.empty();
        }
        return rules.broken(use.element(), elements, types)
                .map(rule -> "uses " + nameOf(use.element()) + " (" + where + "): " + rule.reason());
    }

    private static Optional<String> chainBreak(Uses.Use use, String where, CallRules rules, KitCalls kitCalls, Elements elements,
                                               Types types) {
        if (!use.declared() && use.element() instanceof ExecutableElement method && inKit(method, elements)) {
            return kitCalls.chain(method, rules, elements, types).map(chain -> "uses " + nameOf(method) + " (" + where
                    + "), which computes what this exercise asks you to compute yourself: " + chain);
        }
        return Optional.empty();
    }

    private static boolean inKit(ExecutableElement method, Elements elements) {
        return elements.getPackageOf(method).getQualifiedName().toString().startsWith("io.github.rnnkit.");
    }

    /** How a use is named to the student: "System.exit", "new PrintStream", "Thread". */
    private static String nameOf(Element e) {
        if (e instanceof TypeElement t) {
            return t.getSimpleName().toString();
        }
        String owner = e.getEnclosingElement().getSimpleName().toString();
        return e.getKind() == ElementKind.CONSTRUCTOR ? "new " + owner : owner + "." + e.getSimpleName();
    }

    /** A compiler message on one line, with the grader's class names replaced by what the student knows. */
    private static String clean(String message) {
        return message.strip().replaceAll("\\s+", " ")
                .replaceAll("(class |interface )?(" + PACKAGE + "\\.)?Check_\\d+", "the check")
                .replaceAll("(class )?(" + PACKAGE + "\\.)?" + SUBMISSION, "your solution");
    }
}
