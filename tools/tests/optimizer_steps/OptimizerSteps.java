import io.github.rnnkit.core.Params;
import io.github.rnnkit.train.Optimizer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.Arrays;
import java.util.Map;

/**
 * Runs the kit's optimisers on gradients given on stdin and prints θ after each update, for
 * tools/tests/test_optimizers_torch.py to hold against torch.optim. Input, one case per block:
 * "case NAME RULE ARGS…", "theta v1 v2 …", then "g v1 v2 …" per update, then "end". Output: "NAME s v1 v2 …"
 * per update, every number as Java prints a double (exact on the way back).
 */
public class OptimizerSteps {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        String name = null;
        Optimizer.State state = null;
        Params theta = null;
        int s = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] w = line.trim().split("\\s+");
            switch (w[0]) {
                case "case" -> {
                    name = w[1];
                    state = rule(w[2], Arrays.stream(w, 3, w.length).mapToDouble(Double::parseDouble).toArray()).start();
                    s = 0;
                }
                case "theta" -> theta = row(w);
                case "g" -> {
                    theta = state.step(theta, row(w));
                    StringBuilder out = new StringBuilder(name + " " + (++s));
                    for (double v : theta.get("p")[0]) {
                        out.append(' ').append(v);
                    }
                    System.out.println(out);
                }
                case "end" -> name = null;
                default -> throw new IllegalArgumentException("unknown line: " + line);
            }
        }
    }

    static Params row(String[] w) {
        return Params.of(Map.of("p", new double[][] {Arrays.stream(w, 1, w.length).mapToDouble(Double::parseDouble).toArray()}));
    }

    static Optimizer rule(String kind, double[] a) {
        return switch (kind) {
            case "sgd" -> Optimizer.sgd(a[0]);
            case "momentum" -> Optimizer.momentum(a[0], a[1]);
            case "nesterov" -> Optimizer.nesterov(a[0], a[1]);
            case "rmsprop" -> Optimizer.rmsprop(a[0], a[1], a[2]);
            case "adam" -> Optimizer.adam(a[0], a[1], a[2], a[3]);
            case "adamw" -> Optimizer.adamW(a[0], a[1]);
            case "adagrad" -> Optimizer.adagrad(a[0], a[1]);
            default -> throw new IllegalArgumentException("unknown rule " + kind);
        };
    }
}
