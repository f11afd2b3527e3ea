package io.github.rnnkit.grade.checker;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The second half of the grader's verdict path: runs the checks the {@link Checker} compiled, in
 * a fresh JVM of their own, each on its own thread with a time limit, and reports a verdict per
 * exercise: passed (the check returned), failed (it threw; its message), or timeout.
 *
 * <p>{@code java -cp OUT:<kit classpath> io.github.rnnkit.grade.checker.CheckRunner MILLIS ID=CLASS ...}
 * reads one line from standard input, a secret the grader chose, before any student code loads;
 * every report it writes to the real standard output carries it. The student's code prints into
 * nothing ({@code System.out} and {@code System.err} are replaced first) and cannot name the
 * real output or the secret (a local of this thread), so it cannot forge a verdict. After a
 * timeout the JVM halts: the grader starts a fresh one for the checks still to run.
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
        if (args.length < 1 || !args[0].matches("\\d+")) {
            throw new IllegalArgumentException("arguments: expected MILLIS ID=CLASS..., got " + String.join(" ", args));
        }
        PrintStream report = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        String secret = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        System.setIn(new ByteArrayInputStream(new byte[0]));
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        System.setOut(nowhere);
        System.setErr(nowhere);
        long millis = Long.parseLong(args[0]);
        for (int i = 1; i < args.length; i++) {
            String id = args[i].substring(0, args[i].indexOf('='));
            report.println(line(secret, id, "started", ""));
            Outcome outcome = run(args[i].substring(args[i].indexOf('=') + 1), millis);
            report.println(line(secret, id, outcome.status(), outcome.message()));
            if (outcome.status().equals("timeout")) {
                Runtime.getRuntime().halt(3);
            }
        }
        report.println(line(secret, "", "done", ""));
        Runtime.getRuntime().halt(0);
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
            Class.forName(className).getDeclaredMethod("exercise$check").invoke(null);
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

    private static String line(String secret, String id, String status, String message) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("secret", secret);
        fields.put("id", id);
        fields.put("status", status);
        fields.put("message", message);
        return Json.object(fields);
    }
}
