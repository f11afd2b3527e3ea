package io.github.rnnkit.grade.runner;

import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;

/**
 * The second half of the grader's verdict path: runs the checks the checker compiled, in a fresh JVM of their own,
 * each on its own thread with a time limit, and reports a verdict per exercise: passed (the check returned), failed
 * (it threw; its message), or timeout.
 *
 * <pre>
 * java --module-path rnnkit-grader-runner.jar --add-opens java.base/java.io=io.github.rnnkit.grader.runner
 *      -cp CLASSES:KIT -m io.github.rnnkit.grader.runner/io.github.rnnkit.grade.runner.CheckRunner FD MILLIS ID=CLASS ...
 * </pre>
 *
 * <p>Verdicts go to descriptor FD, a socket the grader made and the sandbox passed on; there is no secret. The
 * student's code cannot write to it: it prints into nothing ({@code System.out} and {@code System.err} are
 * replaced first); it cannot make a stream of a descriptor number ({@code java.io} is opened to this module
 * alone); it cannot reflect into this module (it exports and opens nothing); a socket cannot be opened again
 * through {@code /proc/self/fd} (and the grader's sandbox mounts no {@code /proc} here); and a child process
 * inherits no descriptor above 2. After a timeout the JVM halts: the grader starts a fresh one for the checks
 * still to run.
 */
public final class CheckRunner {

    private static final int MESSAGE_LIMIT = 2000;
    private static final long STACK_BYTES = 256L << 20;

    /** How one check ended. */
    private record Outcome(String status, String message) {
    }

    private CheckRunner() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !args[0].matches("\\d+") || !args[1].matches("\\d+")) {
            throw new IllegalArgumentException("arguments: expected FD MILLIS ID=CLASS..., got " + String.join(" ", args));
        }
        PrintStream report = new PrintStream(channel(Integer.parseInt(args[0])), true, StandardCharsets.UTF_8);
        System.setIn(new ByteArrayInputStream(new byte[0]));
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        System.setOut(nowhere);
        System.setErr(nowhere);
        long millis = Long.parseLong(args[1]);
        for (int i = 2; i < args.length; i++) {
            String id = args[i].substring(0, args[i].indexOf('='));
            report.println(line(id, "started", ""));
            Outcome outcome = run(args[i].substring(args[i].indexOf('=') + 1), millis);
            report.println(line(id, outcome.status(), outcome.message()));
            if (outcome.status().equals("timeout")) {
                Runtime.getRuntime().halt(3);
            }
        }
        report.println(line("", "done", ""));
        Runtime.getRuntime().halt(0);
    }

    /** A stream on an inherited descriptor: java.io's own constructor, opened to this module by the grader. */
    private static OutputStream channel(int fd) throws ReflectiveOperationException {
        Constructor<FileDescriptor> make = FileDescriptor.class.getDeclaredConstructor(int.class);
        make.setAccessible(true);
        return new FileOutputStream(make.newInstance(fd));
    }

    /** Runs {@code exercise$check()} of the class on its own thread, for at most {@code millis}. */
    private static Outcome run(String className, long millis) throws InterruptedException {
        Outcome[] ended = new Outcome[1];
        Thread thread = new Thread(null, () -> ended[0] = attempt(className), "check", STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
        thread.join(millis);
        if (thread.isAlive()) {
            return new Outcome("timeout", "the check ran longer than " + millis / 1000.0 + " s: is there an endless loop?");
        }
        return ended[0] == null ? new Outcome("failed", "the check ended without a result") : ended[0];
    }

    /** One check, its outcome worked out on the check's own thread (a message may be the student's code). */
    private static Outcome attempt(String className) {
        try {
            Class.forName(className, true, ClassLoader.getSystemClassLoader()).getDeclaredMethod("exercise$check").invoke(null);
            return new Outcome("passed", "");
        } catch (InvocationTargetException e) {
            return new Outcome("failed", describe(e.getCause()));
        } catch (Throwable e) {
            return new Outcome("failed", "the check could not run: " + describe(e));
        }
    }

    private static String describe(Throwable t) {
        String message;
        try {
            message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        } catch (Throwable e) {
            message = "an exception whose message could not be read";
        }
        return message.length() > MESSAGE_LIMIT ? message.substring(0, MESSAGE_LIMIT) + "…" : message;
    }

    private static String line(String id, String status, String message) {
        return "{\"id\": " + string(id) + ", \"status\": " + string(status) + ", \"message\": " + string(message) + "}";
    }

    /** A JSON string: quotes, backslashes and control characters escaped; lone surrogates replaced. */
    static String string(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
            int c = s.codePointAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(Character.getType(c) == Character.SURROGATE ? 0xfffd : c);
            }
        }
        return out.append('"').toString();
    }
}
