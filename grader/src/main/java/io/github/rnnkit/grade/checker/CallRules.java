package io.github.rnnkit.grade.checker;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What a solution may not use, as qualified names: a package ({@code java.net.*}, sub-packages
 * included), a class ({@code java.lang.Thread}: the class and every member of it), or a member
 * ({@code java.lang.System.exit}: every overload; {@code java.io.PrintStream.<init>}: its
 * constructors). A member entry also covers that member as a subclass inherits or overrides it.
 * Names are matched against the declarations the compiler resolved, so an alias, {@code var} or a
 * method reference does not hide a use.
 *
 * <p>The default deny-list applies to every solution and also forbids naming a denied class at
 * all, or anything outside the JDK's {@code java.*} packages and the kit (the libraries on the
 * kit's classpath can read and write files); an exercise's own list
 * ({@code metadata.rnnkit.forbidden}) forbids using members.
 */
final class CallRules {

    /** One entry and why it is there. */
    record Rule(String entry, String reason) {
    }

    private static final List<Rule> DENY_LIST = List.of(
            deny("a solution may not use reflection", "java.lang.reflect.*", "java.lang.invoke.*", "java.lang.runtime.*", "java.beans.*",
                    "java.lang.Class", "java.lang.ClassValue", "java.lang.Module", "java.lang.ModuleLayer",
                    "java.lang.Package", "java.lang.StackWalker", "java.lang.Object.getClass"),
            deny("a solution may not load classes", "java.lang.ClassLoader", "java.util.ServiceLoader", "java.util.ResourceBundle",
                    "java.lang.instrument.*", "java.lang.module.*", "java.lang.System.load", "java.lang.System.loadLibrary",
                    "java.lang.System.mapLibraryName"),
            deny("a solution may not start threads or wait on them", "java.lang.Thread", "java.lang.ThreadGroup", "java.lang.InheritableThreadLocal",
                    "java.util.concurrent.*", "java.util.Timer", "java.util.TimerTask", "java.lang.ref.*",
                    "java.lang.Object.wait", "java.lang.Object.notify", "java.lang.Object.notifyAll"),
            deny("a solution may not touch processes or stop the JVM", "java.lang.Runtime", "java.lang.Process", "java.lang.ProcessBuilder",
                    "java.lang.ProcessHandle", "java.lang.SecurityManager", "java.lang.management.*",
                    "java.lang.System.exit", "java.lang.System.runFinalization", "java.lang.System.gc",
                    "java.lang.Object.finalize", "java.lang.System.setSecurityManager",
                    "java.lang.System.getSecurityManager"),
            deny("a solution may not read or write files or the network", "java.io.File", "java.io.FileDescriptor", "java.io.FileInputStream",
                    "java.io.FileOutputStream", "java.io.FileReader", "java.io.FileWriter", "java.io.RandomAccessFile",
                    "java.io.Console", "java.io.ObjectInputStream", "java.io.ObjectOutputStream",
                    "java.io.PrintStream.<init>", "java.io.PrintWriter.<init>", "java.util.Formatter.<init>",
                    "java.nio.file.*", "java.nio.channels.*", "java.net.*", "java.rmi.*", "java.sql.*",
                    "java.util.prefs.*", "java.util.logging.*", "java.util.jar.*", "java.util.zip.*", "java.awt.*",
                    "java.security.*", "javax.*", "java.lang.System.console", "java.lang.System.inheritedChannel",
                    "java.lang.System.setIn"),
            deny("a solution may not read the environment or system properties", "java.lang.System.getenv", "java.lang.System.getProperty",
                    "java.lang.System.getProperties", "java.lang.System.setProperty", "java.lang.System.setProperties",
                    "java.lang.System.clearProperty", "java.lang.System.getLogger", "java.lang.Integer.getInteger",
                    "java.lang.Long.getLong", "java.lang.Boolean.getBoolean"),
            deny("a solution may not replace standard output", "java.lang.System.setOut", "java.lang.System.setErr"),
            deny("a solution may not use the JDK's, the kernel's or the grader's internals", "jdk.*", "sun.*", "com.sun.*", "org.rapaio.*",
                    "io.github.rnnkit.grade.*")).stream().flatMap(List::stream).toList();

    /** Where a solution may reach at all: the JDK's java.* packages, the kit, and its own code. */
    private static final List<String> REACHABLE = List.of("java", "io.github.rnnkit", Checker.PACKAGE, "");
    private static final Rule ELSEWHERE = new Rule("outside java.* and io.github.rnnkit.*",
            "a solution may use only the JDK's java.* classes and the kit");

    private final List<Rule> rules;
    private final boolean typesToo;

    private CallRules(List<Rule> rules, boolean typesToo) {
        this.rules = List.copyOf(rules);
        this.typesToo = typesToo;
    }

    /** The default deny-list, which applies to every solution. */
    static CallRules denyList() {
        return new CallRules(DENY_LIST, true);
    }

    /** An exercise's own list: library calls that compute what the exercise teaches. */
    static CallRules forbidden(Collection<String> entries) {
        List<Rule> rules = new ArrayList<>();
        for (String entry : entries) {
            rules.add(new Rule(entry.strip(), "this exercise asks you to compute it yourself"));
        }
        return new CallRules(rules, false);
    }

    /** Whether these rules also forbid declaring a class (the default deny-list does). */
    boolean forbidsClasses() {
        return typesToo;
    }

    /** Entries that name neither a package, a class nor a member of a class: an instructor's typo. */
    List<String> unknownEntries(Elements elements) {
        List<String> unknown = new ArrayList<>();
        for (Rule rule : rules) {
            String e = rule.entry();
            boolean known = e.endsWith(".*") || elements.getTypeElement(e) != null
                    || (e.lastIndexOf('.') > 0 && elements.getTypeElement(e.substring(0, e.lastIndexOf('.'))) != null);
            if (!known) {
                unknown.add(e);
            }
        }
        return unknown;
    }

    /** The rule a use of {@code used} breaks, if any. */
    Optional<Rule> broken(Element used, Elements elements, Types types) {
        boolean isType = used instanceof TypeElement;
        if (isType && !typesToo) {
            return Optional.empty();
        }
        TypeElement owner = isType ? (TypeElement) used : enclosingType(used);
        if (owner == null) {
            return Optional.empty();
        }
        if (typesToo && !reachable(packageOf(owner).getQualifiedName().toString())) {
            return Optional.of(ELSEWHERE);
        }
        String member = isType ? null : used.getKind() == ElementKind.CONSTRUCTOR ? "<init>" : used.getSimpleName().toString();
        for (Rule rule : rules) {
            if (matches(rule.entry(), owner, member, elements, types)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** Whether a rule forbids member {@code member} ("<init>" for constructors) of {@code owner}. */
    boolean breaksMember(TypeElement owner, String member, Elements elements, Types types) {
        return rules.stream().anyMatch(rule -> matches(rule.entry(), owner, member, elements, types));
    }

    private static boolean matches(String entry, TypeElement owner, String member, Elements elements, Types types) {
        if (entry.endsWith(".*")) {
            String pkg = entry.substring(0, entry.length() - 2);
            String ownerPackage = packageOf(owner).getQualifiedName().toString();
            return ownerPackage.equals(pkg) || ownerPackage.startsWith(pkg + ".");
        }
        for (TypeElement t = owner; t != null; t = enclosingType(t)) {
            if (t.getQualifiedName().contentEquals(entry)) {
                return true;
            }
        }
        int dot = entry.lastIndexOf('.');
        if (member == null || dot < 0 || !entry.substring(dot + 1).equals(member)) {
            return false;
        }
        TypeElement declaring = elements.getTypeElement(entry.substring(0, dot));
        return declaring != null && types.isSubtype(types.erasure(owner.asType()), types.erasure(declaring.asType()));
    }

    private static boolean reachable(String pkg) {
        return REACHABLE.stream().anyMatch(root -> pkg.equals(root) || pkg.startsWith(root + "."));
    }

    private static TypeElement enclosingType(Element e) {
        for (Element p = e.getEnclosingElement(); p != null; p = p.getEnclosingElement()) {
            if (p instanceof TypeElement t) {
                return t;
            }
        }
        return null;
    }

    private static PackageElement packageOf(Element e) {
        Element p = e;
        while (!(p instanceof PackageElement)) {
            p = p.getEnclosingElement();
        }
        return (PackageElement) p;
    }

    private static List<Rule> deny(String reason, String... entries) {
        List<Rule> rules = new ArrayList<>();
        for (String entry : entries) {
            rules.add(new Rule(entry, reason));
        }
        return rules;
    }
}
