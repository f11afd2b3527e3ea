package io.github.rnnkit.chain;

import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.chain.BoundGap.Corner;
import io.github.rnnkit.chain.BoundGap.Order;
import io.github.rnnkit.chain.BoundGap.Split;
import io.github.rnnkit.rnn.Forward;
import io.github.rnnkit.rnn.Init;
import io.github.rnnkit.rnn.Rnn;
import io.github.rnnkit.testing.BadInput;
import io.github.rnnkit.util.Matrices;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class BoundGapTest {

    static Rnn sigmoidRnn(double lambda1, long seed) {
        return new Rnn(Init.withLargestSingularValue(Init.uniform(5, 3, 2, seed), lambda1), Activations.SIGMOID);
    }

    static Forward run(Rnn rnn, long seed, int steps) {
        return rnn.forward(Matrices.gaussian(new Random(seed), steps, 3, 1), null);
    }

    /** σ'(z) written out, not the library's. */
    static double[] slopes(double[] z) {
        double[] d = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            double s = 1 / (1 + Math.exp(-z[i]));
            d[i] = s * (1 - s);
        }
        return d;
    }

    static double[][] rotation(double angle) {
        return new double[][] {{Math.cos(angle), -Math.sin(angle)}, {Math.sin(angle), Math.cos(angle)}};
    }

    @Test
    void theBoundCornerIsPascanusBound() {
        Rnn rnn = sigmoidRnn(3, 4);
        BoundGap gap = BoundGap.of(rnn, run(rnn, 1, 12));
        assertEquals(12 * Math.log10(0.25 * 3), gap.log10(Corner.BOUND), 1e-9);
    }

    @Test
    void theMeasuredCornerIsTheJacobianNormAtEveryLag() {
        Rnn rnn = sigmoidRnn(6, 2);
        Forward fwd = run(rnn, 3, 10);
        BoundGap gap = BoundGap.of(rnn, fwd);
        RnnJacobians jacobians = RnnJacobians.of(rnn, fwd);
        double[] back = gap.normsBack(Corner.MEASURED);
        for (int k = 0; k <= 10; k++) {
            assertEquals(1, back[k] / jacobians.norm(10, 10 - k), 1e-9, "k = " + k);
        }
        assertEquals(Math.log10(jacobians.norm(10, 0)), gap.log10(Corner.MEASURED), 1e-9);
    }

    @Test
    void theRealWCornerIsTheNormOfPowersOfGammaW() {
        Rnn rnn = sigmoidRnn(5, 6);
        BoundGap gap = BoundGap.of(rnn, run(rnn, 2, 8));
        double[][] gammaW = Matrices.scale(0.25, rnn.params().W());
        double[][] power = Matrices.identity(5, 1);
        for (int k = 1; k <= 8; k++) {
            power = Matrices.times(gammaW, power);
        }
        assertEquals(Math.log10(Matrices.spectralNorm(power)), gap.log10(Corner.REAL_W), 1e-9);
    }

    @Test
    void theRealSlopesCornerUsesWWithEverySingularValueRaisedToLambda1() {
        // W = R(0.4) diag(2, 0.5) R(1.1)ᵀ, so W with both singular values 2 is 2 R(0.4) R(1.1)ᵀ
        double[][] w = Matrices.times(Matrices.times(rotation(0.4), new double[][] {{2, 0}, {0, 0.5}}),
                Matrices.transpose(rotation(1.1)));
        double[][] flat = Matrices.scale(2, Matrices.times(rotation(0.4), Matrices.transpose(rotation(1.1))));
        double[][] zs = {{0.3, -1.2}, {2.5, 0.1}, {-0.7, 4.0}};
        BoundGap gap = BoundGap.of(w, Activations.SIGMOID, zs);
        double[][] product = Matrices.identity(2, 1);
        for (int t = 2; t >= 0; t--) {
            product = Matrices.times(product, Matrices.scaleRows(slopes(zs[t]), flat));
        }
        assertEquals(Math.log10(Matrices.spectralNorm(product)), gap.log10(Corner.REAL_SLOPES), 1e-9);
    }

    @Test
    void eachOrderSplitsTheWholeGapAndShapleyIsTheirAverage() {
        Rnn rnn = sigmoidRnn(8, 9);
        BoundGap gap = BoundGap.of(rnn, run(rnn, 5, 20));
        for (Order order : Order.values()) {
            Split s = gap.split(order);
            assertEquals(gap.gap(), s.w() + s.slopes(), 1e-9, order.name());
        }
        Split wFirst = gap.split(Order.W_FIRST);
        Split slopesFirst = gap.split(Order.SLOPES_FIRST);
        assertNotEquals(wFirst.w(), slopesFirst.w(), 1e-3, "the two orders disagree on this net");
        assertEquals((wFirst.w() + slopesFirst.w()) / 2, gap.split(Order.SHAPLEY).w(), 1e-12);
    }

    @Test
    void aWWhoseSingularValuesAreAllLambda1LeavesTheWholeGapToTheSlopes() {
        double[][] w = Matrices.scale(3, rotation(0.9));
        BoundGap gap = BoundGap.of(w, Activations.SIGMOID, new double[][] {{0.5, -2}, {1, 3}, {-4, 0.2}});
        for (Order order : Order.values()) {
            assertEquals(0, gap.split(order).w(), 1e-9, order.name());
        }
    }

    @Test
    void slopesThatNeverFallBelowGammaLeaveTheWholeGapToW() {
        double[][] w = {{0.9, 2.0}, {0.0, 0.3}};    // non-normal: ρ = 0.9 < λ1
        BoundGap gap = BoundGap.of(w, Activations.IDENTITY, new double[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}});
        for (Order order : Order.values()) {
            assertEquals(0, gap.split(order).slopes(), 1e-9, order.name());
        }
        assertEquals(gap.gap(), gap.split(Order.SHAPLEY).w(), 1e-12);
    }

    @Test
    void aProductFarBelowTheSmallestDoubleStillHasItsLogarithm() {
        double[][] zs = new double[400][2];
        BoundGap gap = BoundGap.of(new double[][] {{0.01, 0}, {0, 0.001}}, Activations.IDENTITY, zs);
        assertEquals(-800, gap.log10(Corner.MEASURED), 1e-9);     // 0.01^400 = 1e-800
    }

    @TestFactory
    Stream<DynamicTest> badInputIsRejected() {
        Rnn rnn = sigmoidRnn(2, 1);
        Forward fwd = run(rnn, 1, 3);
        BoundGap gap = BoundGap.of(rnn, fwd);
        double[][] w = rnn.params().W();
        return BadInput.table()
                .row("BoundGap.of", "a null rnn", "rnn", () -> BoundGap.of(null, fwd), "null")
                .row("BoundGap.of", "a null forward pass", "fwd", () -> BoundGap.of(rnn, null), "null")
                .row("BoundGap.of", "a non-square W", "W",
                        () -> BoundGap.of(new double[][] {{1, 2}}, Activations.SIGMOID, new double[][] {{0}}), "1×1")
                .row("BoundGap.of", "a null activation", "f", () -> BoundGap.of(w, null, fwd.zs()), "Activation", "null")
                .row("BoundGap.of", "pre-activations of the wrong width", "zs",
                        () -> BoundGap.of(w, Activations.SIGMOID, new double[][] {{1, 2}}), "1×5", "length 2")
                .row("BoundGap.of", "a singular W", "W",
                        () -> BoundGap.of(new double[][] {{1, 1}, {1, 1}}, Activations.SIGMOID, new double[][] {{0, 0}}),
                        "non-singular")
                .row("BoundGap.log10", "a null corner", "c", () -> gap.log10(null), "Corner", "null")
                .row("BoundGap.normsBack", "a null corner", "c", () -> gap.normsBack(null), "Corner", "null")
                .row("BoundGap.split", "a null order", "order", () -> gap.split(null), "W_FIRST", "null")
                .tests();
    }
}
