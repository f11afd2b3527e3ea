package io.github.rnnkit.chain;

import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.rnn.Init;
import io.github.rnnkit.rnn.Rnn;
import io.github.rnnkit.rnn.RnnParams;
import io.github.rnnkit.util.Check;
import io.github.rnnkit.util.Matrices;
import io.github.rnnkit.util.Spread;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * How much of a change in h_0 still reaches h_T in untrained tanh RNNs, over seeds, as the width H,
 * λ1 and the strength of the input vary: the gain ‖∂h_T/∂h_0‖₂ = ‖J_T ⋯ J_1‖₂ ({@link JacobianProduct}).
 *
 * <p>The network of seed s: H units, {@value #INPUTS} inputs x_t ~ N(0, I), h_0 = 0; U, W, b drawn
 * from U(−1/√H, 1/√H) as torch.nn.RNN does ({@link Init#uniform}), then W rescaled to λ1 and U and b
 * multiplied by one factor, chosen by the {@link Drive}: the input part of the pre-activation,
 * (U x_t + b)_i, has variance (D + 1)/(3H) under PyTorch's initialisation, so its standard deviation
 *
 * <pre>
 *   σ_in = sqrt((D + 1) / (3H))      falls as 1/√H: wide networks are driven weakly ({@link #pyTorchInit()})
 *   σ_in = a set value               U and b scaled by σ_in / sqrt((D + 1)/(3H))  ({@link #fixedDrive(double)})
 * </pre>
 *
 * What to expect, for a W with independent entries of variance σ_W²/H and H large: its eigenvalues
 * fill a disc of radius σ_W (the circular law), its largest singular value tends to 2σ_W, so
 * ρ(W) ≈ λ1/2; and a perturbation grows per step by about ρ · sqrt(mean f'²) (mean field). So
 * λ1 = 2 puts ρ near 1, where only the slopes decide, and the slopes are set by the input drive.
 * Every cell records, per seed, the gain, the rate per step, ρ(W) and the geometric-mean and RMS
 * slopes along the trajectory. Seeds run on every core; the numbers do not depend on how many.
 */
public final class GainSurvey {

    /** D, the number of inputs of every surveyed network. */
    public static final int INPUTS = 3;

    private GainSurvey() {
    }

    /**
     * How strongly the inputs drive the units: {@code std} is σ_in, the standard deviation of
     * (U x_t + b)_i, or NaN for PyTorch's initialisation, whose σ_in = sqrt((D + 1)/(3H)) depends on H.
     */
    public record Drive(String name, double std) {

        /** The factor on PyTorch's U and b for a network of width {@code hidden}. */
        double scale(int hidden) {
            return Double.isNaN(std) ? 1 : std / pyTorchStd(hidden);
        }
    }

    /** U and b as torch.nn.RNN draws them: σ_in = sqrt((D + 1)/(3H)), 0.58 at H = 4, 0.10 at H = 128. */
    public static Drive pyTorchInit() {
        return new Drive("PyTorch init", Double.NaN);
    }

    /** U and b scaled so that σ_in = {@code std} at every width. */
    public static Drive fixedDrive(double std) {
        Check.positive("std", std);
        return new Drive("σ_in = " + std, std);
    }

    /** σ_in of PyTorch's initialisation at width {@code hidden}: sqrt((D + 1)/(3H)). */
    public static double pyTorchStd(int hidden) {
        Check.atLeast("hidden", hidden, 1);
        return Math.sqrt((INPUTS + 1) / (3.0 * hidden));
    }

    /** One cell of the survey: a width, a λ1 and a drive, with one value per seed in each array. */
    public record Cell(int hidden, double lambda1, Drive drive, double[] gains, double[] rates, double[] rhos,
                       double[] geometricMeanSlopes, double[] rmsSlopes) {

        /** The spread of ‖∂h_T/∂h_0‖₂ over the seeds. */
        public Spread gain() {
            return Spread.of(gains);
        }

        /** The share of seeds whose gain exceeds 1: the product grew. */
        public double shareAbove1() {
            return Spread.shareAbove(gains, 1);
        }

        @Override
        public double[] gains() {
            return gains.clone();
        }

        @Override
        public double[] rates() {
            return rates.clone();
        }

        @Override
        public double[] rhos() {
            return rhos.clone();
        }

        @Override
        public double[] geometricMeanSlopes() {
            return geometricMeanSlopes.clone();
        }

        @Override
        public double[] rmsSlopes() {
            return rmsSlopes.clone();
        }
    }

    /**
     * Every combination of the widths, λ1 values and drives, each over seeds 1..{@code seeds}, with
     * {@code steps} steps: the cells in that order (width slowest, drive fastest).
     */
    public static List<Cell> run(int[] hiddens, double[] lambdas, List<Drive> drives, int steps, int seeds) {
        Check.notNull("hiddens", hiddens, "widths H");
        Check.notNull("lambdas", lambdas, "values of λ1");
        Check.notNull("drives", drives, "drives");
        if (hiddens.length == 0 || lambdas.length == 0 || drives.isEmpty()) {
            throw new IllegalArgumentException("hiddens, lambdas, drives: expected at least one value each, got "
                    + hiddens.length + ", " + lambdas.length + ", " + drives.size());
        }
        for (int h : hiddens) {
            Check.atLeast("hiddens", h, 1);
        }
        for (double l : lambdas) {
            Check.positive("lambdas", l);
        }
        Check.atLeast("steps", steps, 1);
        Check.atLeast("seeds", seeds, 1);
        List<Cell> cells = new ArrayList<>();
        for (int h : hiddens) {
            // [seed][cell][quantity], filled by seed in parallel: each seed writes only its own row
            double[][][] bySeed = new double[seeds][][];
            IntStream.range(0, seeds).parallel().forEach(s -> bySeed[s] = oneSeed(h, lambdas, drives, steps, s + 1));
            int n = 0;
            for (double lambda1 : lambdas) {
                for (Drive drive : drives) {
                    double[][] q = new double[5][seeds];
                    for (int s = 0; s < seeds; s++) {
                        for (int k = 0; k < 5; k++) {
                            q[k][s] = bySeed[s][n][k];
                        }
                    }
                    cells.add(new Cell(h, lambda1, drive, q[0], q[1], q[2], q[3], q[4]));
                    n++;
                }
            }
        }
        return cells;
    }

    /** The network of seed {@code seed} in the cell (H, λ1, drive): the recipe in the class comment. */
    public static Rnn network(int hidden, double lambda1, Drive drive, long seed) {
        Check.atLeast("hidden", hidden, 1);
        Check.positive("lambda1", lambda1);
        Check.notNull("drive", drive, "a Drive");
        RnnParams base = Init.uniform(hidden, INPUTS, 1, seed);
        return build(base, Matrices.spectralNorm(base.W()), lambda1, drive);
    }

    /** The inputs x_1..x_T ~ N(0, I) of seed {@code seed} (the same for every cell). */
    public static double[][] inputs(int steps, long seed) {
        Check.atLeast("steps", steps, 1);
        return Matrices.gaussian(new Random(seed * 7919 + 1), steps, INPUTS, 1);
    }

    /** For one seed: {gain, rate, ρ, geometric-mean slope, RMS slope} of every (λ1, drive) in order. */
    private static double[][] oneSeed(int hidden, double[] lambdas, List<Drive> drives, int steps, long seed) {
        RnnParams base = Init.uniform(hidden, INPUTS, 1, seed);
        double lambda1 = Matrices.spectralNorm(base.W());
        double rhoOverLambda1 = Matrices.spectralRadius(base.W()) / lambda1;
        double[][] xs = inputs(steps, seed);
        double[][] out = new double[lambdas.length * drives.size()][];
        int n = 0;
        for (double target : lambdas) {
            for (Drive drive : drives) {
                Rnn rnn = build(base, lambda1, target, drive);
                JacobianProduct p = JacobianProduct.of(rnn, rnn.forward(xs, null));
                out[n++] = new double[] {p.norm(), p.ratePerStep(), rhoOverLambda1 * target, p.geometricMeanSlope(),
                    p.rmsSlope()};
            }
        }
        return out;
    }

    /** W rescaled from λ1 = {@code lambda1} to {@code target}; U and b times the drive's factor. */
    private static Rnn build(RnnParams base, double lambda1, double target, Drive drive) {
        double s = drive.scale(base.hiddenSize());
        return new Rnn(RnnParams.of(Matrices.scale(s, base.U()), Matrices.scale(target / lambda1, base.W()),
                scaled(s, base.b()), base.V(), base.c()), Activations.TANH);
    }

    private static double[] scaled(double s, double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = s * v[i];
        }
        return out;
    }
}
