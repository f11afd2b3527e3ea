package io.github.rnnkit.train;

import io.github.rnnkit.core.Evaluation;
import io.github.rnnkit.core.Example;
import io.github.rnnkit.core.Params;
import io.github.rnnkit.core.Trainable;
import io.github.rnnkit.core.TrainingState;

import java.util.Map;

/**
 * A test "network" whose gradient is known in closed form: one parameter row θ, and per example the
 * loss L = ½ Σ_i a_i (θ_i − x_i)², with x the example's first input step, so ∂L/∂θ_i = a_i (θ_i − x_i).
 */
final class Quadratic implements Trainable<Quadratic> {

    final double[] a;
    final double[] theta;

    Quadratic(double[] a, double[] theta) {
        this.a = a.clone();
        this.theta = theta.clone();
    }

    /** An example whose first input step is x. */
    static Example at(double... x) {
        return Example.lastStep(new double[][] {x}, new double[] {0});
    }

    double lossAt(double[] th, double[] x) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += 0.5 * a[i] * (th[i] - x[i]) * (th[i] - x[i]);
        }
        return sum;
    }

    @Override
    public double loss(Example e) {
        return lossAt(theta, e.xs()[0]);
    }

    @Override
    public TrainingState<Quadratic> startTraining() {
        double[][] working = {theta.clone()};
        return new TrainingState<>() {
            @Override
            public Evaluation<?> evaluate(Example e) {
                double[] x = e.xs()[0];
                double[] g = new double[a.length];
                for (int i = 0; i < a.length; i++) {
                    g[i] = a[i] * (working[0][i] - x[i]);
                }
                return Evaluation.ofBatch(lossAt(working[0], x), Params.of(Map.of("theta", new double[][] {g})));
            }

            @Override
            public Quadratic network() {
                return new Quadratic(a, working[0]);
            }

            @Override
            protected Map<String, double[][]> weights() {
                return Map.of("theta", working);
            }
        };
    }
}
