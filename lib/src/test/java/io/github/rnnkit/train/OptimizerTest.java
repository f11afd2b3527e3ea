package io.github.rnnkit.train;

import io.github.rnnkit.clip.ClipPolicy;
import io.github.rnnkit.core.Example;
import io.github.rnnkit.core.Params;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every optimiser against steps computed independently: closed forms under a constant gradient,
 * small cases worked by hand (numbers exact in binary), and scalar loops written out in the test.
 * (tools/tests/test_optimizers_torch.py checks the same rules against torch.optim where PyTorch is installed.)
 */
class OptimizerTest {

    static Params row(double... values) {
        return Params.of(Map.of("theta", new double[][] {values}));
    }

    static double[] values(Params p) {
        return p.get("theta")[0];
    }

    /** θ after each of the given gradients, from θ0, with one fresh state of {@code optimizer}. */
    static List<double[]> trajectory(Optimizer optimizer, double[] theta0, double[]... gradients) {
        Optimizer.State state = optimizer.start();
        Params theta = row(theta0);
        List<double[]> out = new ArrayList<>();
        for (double[] g : gradients) {
            theta = state.step(theta, row(g));
            out.add(values(theta));
        }
        return out;
    }

    static double[][] repeat(double[] g, int times) {
        double[][] out = new double[times][];
        java.util.Arrays.fill(out, g);
        return out;
    }

    static void close(double expected, double actual, double relative, String what) {
        assertTrue(Math.abs(expected - actual) <= relative * Math.max(1e-300, Math.abs(expected)),
                what + ": expected " + expected + ", got " + actual);
    }

    @Test
    void sgdOnAQuadraticShrinksEachCoordinateByOneMinusEtaATimesAStep() {
        Quadratic q = new Quadratic(new double[] {1, 4}, new double[] {1, 1});
        Quadratic after = Trainer.sgd(0.1).train(q, 3, i -> Quadratic.at(0, 0)).network();
        assertArrayEquals(new double[] {Math.pow(0.9, 3), Math.pow(0.6, 3)}, after.theta, 1e-15);
    }

    @Test
    void momentumWorkedByHandMatches() {
        // μ = 0.5, η = 1, g = 1, 2, −1: M = 1, 2.5, 0.25 and θ = −1, −3.5, −3.75; Nesterov steps g + μM = 1.5, 3.25, −0.875
        double[][] g = {{1}, {2}, {-1}};
        List<double[]> heavy = trajectory(Optimizer.momentum(1, 0.5), new double[] {0}, g);
        List<double[]> nesterov = trajectory(Optimizer.nesterov(1, 0.5), new double[] {0}, g);
        assertArrayEquals(new double[] {-1, -3.5, -3.75}, heavy.stream().mapToDouble(t -> t[0]).toArray());
        assertArrayEquals(new double[] {-1.5, -4.75, -3.875}, nesterov.stream().mapToDouble(t -> t[0]).toArray());
    }

    @Test
    void momentumUnderAConstantGradientStepsAGeometricSum() {
        double eta = 0.1, mu = 0.9;
        double[] g = {0.5, -2};
        List<double[]> heavy = trajectory(Optimizer.momentum(eta, mu), new double[] {1, 1}, repeat(g, 6));
        List<double[]> ahead = trajectory(Optimizer.nesterov(eta, mu), new double[] {1, 1}, repeat(g, 6));
        double sumM = 0, sumNesterov = 0;
        for (int s = 1; s <= 6; s++) {
            double m = (1 - Math.pow(mu, s)) / (1 - mu);       // M_s = g (1 − μ^s)/(1 − μ)
            sumM += m;
            sumNesterov += 1 + mu * m;
            for (int i = 0; i < 2; i++) {
                close(1 - eta * g[i] * sumM, heavy.get(s - 1)[i], 1e-14, "momentum θ_" + s + "[" + i + "]");
                close(1 - eta * g[i] * sumNesterov, ahead.get(s - 1)[i], 1e-14, "Nesterov θ_" + s + "[" + i + "]");
            }
        }
    }

    @Test
    void rmspropWorkedByHandMatches() {
        // β = 0.75, ε = 0, η = 1, g = 2, 2, −4: S = 1, 1.75, 5.3125; steps 2/1, 2/√1.75, −4/√5.3125
        List<double[]> t = trajectory(Optimizer.rmsprop(1, 0.75, 0), new double[] {0}, new double[] {2}, new double[] {2}, new double[] {-4});
        assertEquals(-2, t.get(0)[0]);
        close(-2 - 2 / Math.sqrt(1.75), t.get(1)[0], 1e-15, "θ_2");
        close(-2 - 2 / Math.sqrt(1.75) + 4 / Math.sqrt(5.3125), t.get(2)[0], 1e-15, "θ_3");
    }

    @Test
    void rmspropUnderAConstantGradientStepsEtaGOverItsRunningRootMeanSquare() {
        double eta = 0.01, beta = 0.99, eps = 1e-8;
        double[] g = {3e-5, -7};
        List<double[]> t = trajectory(Optimizer.rmsprop(eta, beta, eps), new double[] {0, 0}, repeat(g, 5));
        double[] expected = new double[2];
        for (int s = 1; s <= 5; s++) {
            for (int i = 0; i < 2; i++) {
                expected[i] -= eta * g[i] / (Math.abs(g[i]) * Math.sqrt(1 - Math.pow(beta, s)) + eps);  // S_s = (1 − β^s) g²
                close(expected[i], t.get(s - 1)[i], 1e-12, "θ_" + s + "[" + i + "]");
            }
        }
    }

    @Test
    void adamsFirstStepIsEtaGOverAbsGPlusEpsilonWhateverTheSizeOfG() {
        double eta = 3e-3;
        double[] g = {1e-12, -1e-6, 0.25, -40, 1e3, 0};
        double[] theta0 = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
        double[] after = trajectory(Optimizer.adam(eta), theta0, g).get(0);
        for (int i = 0; i < g.length; i++) {
            close(0.5 - eta * g[i] / (Math.abs(g[i]) + 1e-8), after[i], 1e-15, "entry " + i + " (g = " + g[i] + ")");
        }
    }

    @Test
    void adamUnderAConstantGradientStepsEtaEveryTime() {
        double eta = 0.01;
        double[] g = {2e-4, -5};
        List<double[]> t = trajectory(Optimizer.adam(eta, 0.8, 0.9, 0), new double[] {0, 0}, repeat(g, 8));
        for (int s = 1; s <= 8; s++) {
            close(-eta * s, t.get(s - 1)[0], 1e-13, "θ_" + s + "[0]");
            close(eta * s, t.get(s - 1)[1], 1e-13, "θ_" + s + "[1]");
        }
    }

    /** Adam on the quadratic, one scalar loop per coordinate, as Kingma and Ba's Algorithm 1 reads. */
    @Test
    void adamOnAQuadraticMatchesTheAlgorithmWrittenOutAsAScalarLoop() {
        double[] a = {1, 30};
        double[] x = {0.25, -0.5};
        double eta = 0.05, b1 = 0.9, b2 = 0.999, eps = 1e-8;
        Quadratic q = new Quadratic(a, new double[] {2, -1});
        Quadratic after = Trainer.of(Optimizer.adam(eta)).train(q, 7, i -> Quadratic.at(x)).network();
        for (int i = 0; i < 2; i++) {
            double th = q.theta[i], m = 0, v = 0;
            for (int s = 1; s <= 7; s++) {
                double g = a[i] * (th - x[i]);
                m = b1 * m + (1 - b1) * g;
                v = b2 * v + (1 - b2) * g * g;
                th = th - eta * (m / (1 - Math.pow(b1, s))) / (Math.sqrt(v / (1 - Math.pow(b2, s))) + eps);
            }
            close(th, after.theta[i], 1e-13, "θ[" + i + "] after 7 steps");
        }
    }

    @Test
    void adamWShrinksTheWeightsByOneMinusEtaLambdaWhenTheGradientIsZero() {
        double eta = 0.1, decay = 0.2;
        List<double[]> t = trajectory(Optimizer.adamW(eta, decay), new double[] {3, -1}, repeat(new double[] {0, 0}, 4));
        for (int s = 1; s <= 4; s++) {
            close(3 * Math.pow(1 - eta * decay, s), t.get(s - 1)[0], 1e-15, "θ_" + s + "[0]");
            close(-Math.pow(1 - eta * decay, s), t.get(s - 1)[1], 1e-15, "θ_" + s + "[1]");
        }
    }

    @Test
    void adamWDecaysTheWeightsThenTakesTheAdamStep() {
        double eta = 0.1, decay = 0.01;
        double[] after = trajectory(Optimizer.adamW(eta, decay), new double[] {4, 4}, new double[] {0.5, -2}).get(0);
        close(4 * (1 - eta * decay) - eta * 0.5 / (0.5 + 1e-8), after[0], 1e-15, "θ_1[0]");
        close(4 * (1 - eta * decay) + eta * 2 / (2 + 1e-8), after[1], 1e-15, "θ_1[1]");
    }

    @Test
    void adagradUnderAConstantGradientStepsEtaGOverTheRootOfSTimesGSquared() {
        double eta = 0.1;
        double[] g = {0.3, -1e-3};
        List<double[]> t = trajectory(Optimizer.adagrad(eta), new double[] {0, 0}, repeat(g, 5));
        double[] expected = new double[2];
        for (int s = 1; s <= 5; s++) {
            for (int i = 0; i < 2; i++) {
                expected[i] -= eta * g[i] / Math.sqrt(s * g[i] * g[i] + 1e-8);   // S_s = s g²
                close(expected[i], t.get(s - 1)[i], 1e-14, "θ_" + s + "[" + i + "]");
            }
        }
    }

    @Test
    void aBatchAveragesTheLossAndTheGradientOfItsSequences() {
        double[] a = {1, 2};
        Quadratic q = new Quadratic(a, new double[] {0, 0});
        double eta = 0.25;
        TrainingRun<Quadratic> run = Trainer.sgd(eta).batch(3).train(q, 2, i -> Quadratic.at(i, -i));
        // update 0 reads x = 0, 1, 2 (mean 1), update 1 reads 3, 4, 5 (mean 4): g = a (θ − x̄)
        double[] theta = {0, 0};
        double[] means = {1, 4};
        double[] losses = new double[2];
        for (int s = 0; s < 2; s++) {
            for (int k = 0; k < 3; k++) {
                double x = 3 * s + k;
                losses[s] += q.lossAt(theta, new double[] {x, -x}) / 3;
            }
            theta = new double[] {theta[0] - eta * a[0] * (theta[0] - means[s]), theta[1] - eta * a[1] * (theta[1] + means[s])};
        }
        assertArrayEquals(theta, run.network().theta, 1e-15);
        assertArrayEquals(losses, run.losses(), 1e-13);
        assertEquals(3, run.batchSize());
    }

    @Test
    void aRunOfNUpdatesReadsNTimesBSequencesInOrder() {
        List<Integer> asked = new ArrayList<>();
        Trainer.of(Optimizer.adam(0.01)).batch(4).train(new Quadratic(new double[] {1}, new double[] {1}), 3,
                i -> { asked.add(i); return Quadratic.at(0); });
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            expected.add(i);
        }
        assertEquals(expected, asked);
    }

    @Test
    void theGradientIsClippedBeforeTheUpdate() {
        // g = (3, 4), ‖g‖ = 5, clipped to norm 0.5: (0.3, 0.4); momentum's buffer keeps the clipped one
        Quadratic q = new Quadratic(new double[] {1, 1}, new double[] {3, 4});
        TrainingRun<Quadratic> run = Trainer.of(Optimizer.momentum(0.1, 0.9)).clip(ClipPolicy.globalNorm(0.5))
                .train(q, 1, i -> Quadratic.at(0, 0));
        assertArrayEquals(new double[] {3 - 0.03, 4 - 0.04}, run.network().theta, 1e-15);
        assertEquals(5, run.gradNorms()[0], 1e-15);
        assertEquals(0.5, run.clippedNorms()[0], 1e-15);
    }

    @Test
    void everyRunStartsWithFreshMoments() {
        Trainer adam = Trainer.of(Optimizer.adam(0.1)).batch(2);
        Quadratic q = new Quadratic(new double[] {1, 5}, new double[] {1, -1});
        double[] first = adam.train(q, 5, i -> Quadratic.at(0.5, 0.5)).network().theta;
        double[] second = adam.train(q, 5, i -> Quadratic.at(0.5, 0.5)).network().theta;
        assertArrayEquals(first, second);
        double[] oneStep = adam.train(q, 1, i -> Quadratic.at(0.5, 0.5)).network().theta;
        assertArrayEquals(new double[] {1 - 0.1 * 0.5 / (0.5 + 1e-8), -1 + 0.1 * 7.5 / (7.5 + 1e-8)}, oneStep, 1e-15);
    }

    @Test
    void aStepOnParamsLeavesItsArgumentsAsTheyWereAndCountsTheUpdates() {
        Random rng = new Random(4);
        double[] theta0 = {rng.nextGaussian(), rng.nextGaussian()};
        double[] g = {rng.nextGaussian(), rng.nextGaussian()};
        for (Optimizer o : List.of(Optimizer.sgd(0.1), Optimizer.momentum(0.1, 0.9), Optimizer.nesterov(0.1, 0.9),
                Optimizer.rmsprop(0.1, 0.99, 1e-8), Optimizer.adam(0.1), Optimizer.adamW(0.1, 0.01), Optimizer.adagrad(0.1))) {
            Params theta = row(theta0), grad = row(g);
            Optimizer.State state = o.start();
            Params next = state.step(theta, grad);
            state.step(next, grad);
            assertArrayEquals(theta0, values(theta), o.name());
            assertArrayEquals(g, values(grad), o.name());
            assertEquals(2, state.updates(), o.name());
            assertTrue(values(next)[0] != theta0[0], o.name() + " moved nothing");
        }
    }

    @Test
    void withLearningRateChangesOnlyTheRate() {
        assertEquals("Adam(η = 0.01, β1 = 0.8, β2 = 0.9, ε = 1e-06)", Optimizer.adam(3e-3, 0.8, 0.9, 1e-6).withLearningRate(0.01).toString());
        assertEquals("AdamW(η = 0.5, β1 = 0.9, β2 = 0.999, ε = 1e-08, λ = 0.01)", Optimizer.adamW(3e-3, 0.01).withLearningRate(0.5).toString());
        assertEquals("Nesterov(η = 0.2, μ = 0.9)", Optimizer.nesterov(0.1, 0.9).withLearningRate(0.2).toString());
        assertEquals("RMSProp(η = 0.2, β = 0.99, ε = 1e-08)", Optimizer.rmsprop(0.1, 0.99, 1e-8).withLearningRate(0.2).toString());
        assertEquals("Adagrad(η = 0.2, ε = 0)", Optimizer.adagrad(0.1, 0).withLearningRate(0.2).toString());
        assertEquals("SGD(η = 0.2)", Optimizer.sgd(0.1).withLearningRate(0.2).toString());
    }

    @Test
    void aBatchOfOneIsTheOldOneExamplePerStepTrainer() {
        // the same sequences one at a time, with the example's own gradient: batch(1) is the default
        Quadratic q = new Quadratic(new double[] {2}, new double[] {1});
        List<Example> data = List.of(Quadratic.at(0.1), Quadratic.at(0.7), Quadratic.at(-0.3));
        double[] byDefault = Trainer.adagrad(0.2).train(q, 3, data::get).network().theta;
        double[] batchOne = Trainer.adagrad(0.2).batch(1).train(q, 3, data::get).network().theta;
        assertArrayEquals(byDefault, batchOne);
        double th = 1, sq = 0;
        for (Example e : data) {
            double g = 2 * (th - e.xs()[0][0]);
            sq += g * g;
            th -= 0.2 * g / Math.sqrt(sq + 1e-8);
        }
        assertEquals(th, byDefault[0], 1e-15);
    }
}
