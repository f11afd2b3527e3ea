package io.github.rnnkit.chain;

import io.github.rnnkit.rnn.Forward;
import io.github.rnnkit.rnn.Rnn;
import io.github.rnnkit.util.Matrices;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class GainSurveyTest {

    /** The standard deviation of (U x + b)_i over many x ~ N(0, I) and every unit. */
    static double inputStd(Rnn rnn) {
        Random r = new Random(11);
        double[][] u = rnn.params().U();
        double[] b = rnn.params().b();
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int draw = 0; draw < 4000; draw++) {
            double[] x = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            for (int i = 0; i < b.length; i++) {
                double v = b[i] + u[i][0] * x[0] + u[i][1] * x[1] + u[i][2] * x[2];
                sum += v;
                squares += v * v;
                n++;
            }
        }
        return Math.sqrt(squares / n - (sum / n) * (sum / n));
    }

    @Test
    void everyCellHoldsTheGainOfItsNetworksMultipliedOut() {
        List<GainSurvey.Cell> cells = GainSurvey.run(new int[] {3, 5}, new double[] {1, 3},
                List.of(GainSurvey.pyTorchInit(), GainSurvey.fixedDrive(1)), 10, 4);
        assertEquals(8, cells.size());
        int n = 0;
        for (int h : new int[] {3, 5}) {
            for (double lambda1 : new double[] {1, 3}) {
                for (GainSurvey.Drive drive : List.of(GainSurvey.pyTorchInit(), GainSurvey.fixedDrive(1))) {
                    GainSurvey.Cell cell = cells.get(n++);
                    assertEquals(h, cell.hidden());
                    assertEquals(lambda1, cell.lambda1());
                    assertEquals(drive, cell.drive());
                    for (int s = 0; s < 4; s++) {
                        Rnn rnn = GainSurvey.network(h, lambda1, drive, s + 1);
                        Forward fwd = rnn.forward(GainSurvey.inputs(10, s + 1), null);
                        double expected = Matrices.spectralNorm(JacobianProductTest.explicitProduct(rnn.params().W(), fwd.zs()));
                        assertEquals(0, Matrices.relativeError(expected, cell.gains()[s]), 1e-9);
                        assertEquals(Matrices.spectralRadius(rnn.params().W()), cell.rhos()[s], 1e-9);
                    }
                }
            }
        }
    }

    @Test
    void aSeedsNetworkHasTheRequestedLambda1AndInputDrive() {
        Rnn pyTorch = GainSurvey.network(64, 2, GainSurvey.pyTorchInit(), 3);
        Rnn fixed = GainSurvey.network(64, 2, GainSurvey.fixedDrive(1), 3);
        assertEquals(2, Matrices.spectralNorm(pyTorch.params().W()), 1e-9);
        assertArrayEquals(pyTorch.params().W(), fixed.params().W());
        assertEquals(Math.sqrt(4.0 / (3 * 64)), GainSurvey.pyTorchStd(64), 1e-15);
        assertEquals(GainSurvey.pyTorchStd(64), inputStd(pyTorch), 0.1 * GainSurvey.pyTorchStd(64));
        assertEquals(1, inputStd(fixed), 0.1);
    }

    @Test
    void theShareAbove1CountsTheSeedsWhoseGainExceeds1() {
        GainSurvey.Cell cell = GainSurvey.run(new int[] {8}, new double[] {4}, List.of(GainSurvey.pyTorchInit()), 20, 10).get(0);
        int above = 0;
        for (double g : cell.gains()) {
            above += g > 1 ? 1 : 0;
        }
        assertEquals(above / 10.0, cell.shareAbove1());
        assertEquals(10, cell.gain().n());
    }

    @Test
    void theSurveyGivesTheSameNumbersEveryTime() {
        double[] first = GainSurvey.run(new int[] {6}, new double[] {2}, List.of(GainSurvey.fixedDrive(0.5)), 15, 6).get(0).gains();
        double[] second = GainSurvey.run(new int[] {6}, new double[] {2}, List.of(GainSurvey.fixedDrive(0.5)), 15, 6).get(0).gains();
        assertArrayEquals(first, second);
    }

    @Test
    void changingACellsArrayLeavesTheCellAsItWas() {
        GainSurvey.Cell cell = GainSurvey.run(new int[] {3}, new double[] {1}, List.of(GainSurvey.pyTorchInit()), 5, 2).get(0);
        double before = cell.gains()[0];
        cell.gains()[0] = -1;
        assertEquals(before, cell.gains()[0]);
    }
}
