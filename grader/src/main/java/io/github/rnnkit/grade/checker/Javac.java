package io.github.rnnkit.grade.checker;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JDK's own compiler ({@code javax.tools}, {@code com.sun.source}) run in memory on a few
 * sources: a parse, an analysis that resolves every name to its declaration, and class files.
 * No annotation processor ever runs (-proc:none), so compiling a submission executes none of it.
 * A {@link Shaping} may change the parsed trees before anything else reads them: the grader never
 * edits a student's text, it compiles it as written and changes the tree javac made of it.
 */
final class Javac {

    /** A change to the parsed trees of a run, made before names are resolved. */
    interface Shaping {
        void shape(CompilationUnitTree unit);

        Shaping NONE = unit -> { };
    }

    /** One compiler run: its parsed (and perhaps attributed) trees and its errors. */
    record Run(JavacTask task, List<CompilationUnitTree> units, List<Diagnostic<? extends JavaFileObject>> errors) {

        /** Whether any error lies in the source called {@code name}. */
        boolean hasErrorsIn(String name) {
            return errors.stream().anyMatch(e -> sourceName(e).equals(name));
        }
    }

    private final JavaCompiler compiler;
    private final StandardJavaFileManager files;
    private final String classpath;

    Javac(String classpath) {
        this.compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler in this runtime: the grader needs a JDK, not a JRE");
        }
        this.files = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        this.classpath = classpath;
    }

    /** Parses the sources (name → text, e.g. "graded/Submission" → …) without resolving names. */
    Run parse(Map<String, String> sources) {
        return run(sources, Shaping.NONE, null, false);
    }

    /** Parses and attributes the sources, shaped: every name resolved, every type checked. */
    Run analyse(Map<String, String> sources, Shaping shaping) {
        return run(sources, shaping, null, true);
    }

    /**
     * Compiles the sources, shaped, into class files under {@code out}: the run's errors include those only
     * class files meet (a constant string too long, a method's code too large).
     */
    Run generate(Map<String, String> sources, Shaping shaping, Path out) {
        return run(sources, shaping, out, true);
    }

    private Run run(Map<String, String> sources, Shaping shaping, Path out, boolean analyse) {
        List<JavaFileObject> inputs = new ArrayList<>();
        sources.forEach((name, text) -> inputs.add(new Source(name, text)));
        List<String> options = new ArrayList<>(List.of("-proc:none", "-implicit:none", "-nowarn", "-Xlint:none",
                "-classpath", classpath));
        if (out != null) {
            options.addAll(List.of("-d", out.toString()));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavacTask task = (JavacTask) compiler.getTask(null, files, diagnostics, options, null, inputs);
        List<CompilationUnitTree> units = new ArrayList<>();
        try {
            task.parse().forEach(units::add);
            units.forEach(shaping::shape);
            if (analyse) {
                task.analyze();
                if (out != null && errorsIn(diagnostics).isEmpty()) {
                    task.generate();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Run(task, units, errorsIn(diagnostics));
    }

    private static List<Diagnostic<? extends JavaFileObject>> errorsIn(DiagnosticCollector<JavaFileObject> diagnostics) {
        List<Diagnostic<? extends JavaFileObject>> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(d);
            }
        }
        return errors;
    }

    /** The source name an error belongs to ("graded/Submission"), or "" when it has none. */
    static String sourceName(Diagnostic<? extends JavaFileObject> d) {
        return d.getSource() instanceof Source s ? s.name : "";
    }

    /** The compiler's message alone, without the source line it quotes. */
    static String message(Diagnostic<? extends JavaFileObject> d) {
        return d.getMessage(Locale.ROOT);
    }

    /** A source held in memory. */
    private static final class Source extends SimpleJavaFileObject {
        private final String name;
        private final String text;

        Source(String name, String text) {
            super(URI.create("string:///" + name + ".java"), Kind.SOURCE);
            this.name = name;
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
