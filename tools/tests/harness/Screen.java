package harness;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Screens one-line candidate answers against an exercise's reference: the arguments of every call
 * the exercise's witnesses make are recorded (deep copies), then each candidate and the reference
 * run on fresh copies of them. A candidate survives when it agrees with the reference on every
 * recorded call: the same value (relative error at most 1e-9, as the kit measures it) or the same
 * exception.
 */
public final class Screen {

    /** One way to answer an exercise, given its arguments. */
    public interface Answer {
        Object call(Object[] args) throws Throwable;
    }

    private static final Map<String, List<Object[]>> CALLS = new LinkedHashMap<>();

    private Screen() {
    }

    /** Records one call of an exercise's method. */
    public static void record(String exercise, Object... args) {
        CALLS.computeIfAbsent(exercise, k -> new ArrayList<>()).add((Object[]) copy(args));
    }

    /**
     * The indices of the candidates {@code c0 … c(count−1)} of {@code target} (public methods taking
     * the arguments as an {@code Object[]}) that agree with its {@code reference} on every recorded
     * call of the exercise, comma-separated.
     */
    public static String survivors(Object target, String exercise, int count) throws NoSuchMethodException {
        java.lang.reflect.Method reference = target.getClass().getMethod("reference", Object[].class);
        List<Answer> candidates = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            java.lang.reflect.Method m = target.getClass().getMethod("c" + n, Object[].class);
            candidates.add(args -> invoke(m, target, args));
        }
        return survivors(exercise, args -> invoke(reference, target, args), candidates);
    }

    private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, (Object) args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The indices of the candidates that agree with the reference on every recorded call, comma-separated. */
    public static String survivors(String exercise, Answer reference, List<Answer> candidates) {
        List<Object[]> calls = CALLS.getOrDefault(exercise, List.of());
        if (calls.isEmpty()) {
            throw new IllegalStateException("no call of " + exercise + " was recorded");
        }
        List<Object> expected = new ArrayList<>();
        for (Object[] args : calls) {
            expected.add(outcome(reference, args));
        }
        StringBuilder kept = new StringBuilder();
        for (int n = 0; n < candidates.size(); n++) {
            boolean same = true;
            for (int c = 0; c < calls.size() && same; c++) {
                same = agree(expected.get(c), outcome(candidates.get(n), calls.get(c)));
            }
            if (same) {
                kept.append(kept.length() == 0 ? "" : ",").append(n);
            }
        }
        return kept.toString();
    }

    /** What an answer returns on a fresh copy of the arguments, or the class of what it throws. */
    private static Object outcome(Answer answer, Object[] args) {
        try {
            return answer.call((Object[]) copy(args));
        } catch (Throwable t) {
            return new Thrown(t.getClass().getName());
        }
    }

    private record Thrown(String type) {
    }

    static Object copy(Object v) {
        if (v == null) {
            return null;
        }
        if (v.getClass().isArray()) {
            int n = Array.getLength(v);
            Object out = Array.newInstance(v.getClass().getComponentType(), n);
            for (int i = 0; i < n; i++) {
                Array.set(out, i, copy(Array.get(v, i)));
            }
            return out;
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object x : list) {
                out.add(copy(x));
            }
            return out;
        }
        return v;
    }

    static boolean agree(Object a, Object b) {
        if (a instanceof Thrown || b instanceof Thrown) {
            return a.equals(b);
        }
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof io.github.rnnkit.rnn.Gradients g) {
            a = new Object[] {g.dU(), g.dW(), g.db(), g.dV(), g.dc(), g.dh0()};
        }
        if (b instanceof io.github.rnnkit.rnn.Gradients g) {
            b = new Object[] {g.dU(), g.dW(), g.db(), g.dV(), g.dc(), g.dh0()};
        }
        if (a instanceof io.github.rnnkit.rnn.RnnParams p) {
            a = new Object[] {p.U(), p.W(), p.b(), p.V(), p.c()};
        }
        if (b instanceof io.github.rnnkit.rnn.RnnParams p) {
            b = new Object[] {p.U(), p.W(), p.b(), p.V(), p.c()};
        }
        if (a instanceof Number x && b instanceof Number y) {
            double p = x.doubleValue(), q = y.doubleValue();
            if (Double.isNaN(p) || Double.isNaN(q)) {
                return Double.isNaN(p) && Double.isNaN(q);
            }
            if (Double.isInfinite(p) || Double.isInfinite(q)) {
                return p == q;
            }
            return Math.abs(p - q) / Math.max(1e-8, Math.abs(p) + Math.abs(q)) <= 1e-9;
        }
        if (a.getClass().isArray() && b.getClass().isArray()) {
            int n = Array.getLength(a);
            if (n != Array.getLength(b)) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (!agree(Array.get(a, i), Array.get(b, i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
