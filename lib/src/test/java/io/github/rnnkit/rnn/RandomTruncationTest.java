package io.github.rnnkit.rnn;

import io.github.rnnkit.util.Matrices;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static io.github.rnnkit.rnn.TruncatedBpttTest.FWD;
import static io.github.rnnkit.rnn.TruncatedBpttTest.H;
import static io.github.rnnkit.rnn.TruncatedBpttTest.RNN;
import static io.github.rnnkit.rnn.TruncatedBpttTest.T;
import static io.github.rnnkit.rnn.TruncatedBpttTest.YS;
import static io.github.rnnkit.rnn.TruncatedBpttTest.minus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomTruncationTest {

    @Test
    void keepingEveryLinkIsFullBptt() {
        Gradients g = RandomTruncation.withKeepProbability(1).gradients(RNN, FWD, YS, new Random(1));
        TruncatedBpttTest.assertSame(RNN.bptt(FWD, YS), g, "c = 0");
    }

    @Test
    void cutEverywhereItKeepsOnlyEachStepsOwnTerm() {
        boolean[] all = new boolean[T + 1];
        java.util.Arrays.fill(all, true);
        Gradients g = RandomTruncation.withKeepProbability(0.7).gradients(RNN, FWD, YS, all);
        TruncatedBpttTest.assertSame(RNN.bptt(FWD, YS, 1), g, "every boundary cut");
        assertEquals(0, Matrices.norm(g.dh0()));
    }

    @Test
    void averagedOverEveryPatternOfCutsItIsExactlyFullBptt() {
        // T = 11 boundaries below the last step, plus the one into h_0: 2^11 patterns, each with its probability
        double pi = 0.65;
        RandomTruncation rt = RandomTruncation.withKeepProbability(pi);
        double[][] mean = new double[H][H];
        for (int pattern = 0; pattern < 1 << T; pattern++) {
            boolean[] cuts = new boolean[T + 1];
            double probability = 1;
            for (int s = 1; s <= T; s++) {
                cuts[s] = (pattern >> (s - 1) & 1) == 1;
                probability *= cuts[s] ? 1 - pi : pi;
            }
            double[][] dW = rt.gradients(RNN, FWD, YS, cuts).dW();
            for (int i = 0; i < H; i++) {
                for (int j = 0; j < H; j++) {
                    mean[i][j] += probability * dW[i][j];
                }
            }
        }
        double[][] full = RNN.bptt(FWD, YS).dW();
        assertEquals(0, Matrices.frobenius(minus(mean, full)) / Matrices.frobenius(full), 1e-12);
    }

    @Test
    void oneDrawDiffersFromFullBpttWhileTheMeanOfManyApproachesIt() {
        RandomTruncation rt = RandomTruncation.withMeanChunk(4);
        Random rng = new Random(5);
        double[][] full = RNN.bptt(FWD, YS).dW();
        double[][] mean = new double[H][H];
        double firstError = Double.NaN;
        int draws = 4000;
        for (int n = 0; n < draws; n++) {
            double[][] dW = rt.gradients(RNN, FWD, YS, rng).dW();
            if (n == 0) {
                firstError = Matrices.frobenius(minus(dW, full)) / Matrices.frobenius(full);
            }
            for (int i = 0; i < H; i++) {
                for (int j = 0; j < H; j++) {
                    mean[i][j] += dW[i][j] / draws;
                }
            }
        }
        double meanError = Matrices.frobenius(minus(mean, full)) / Matrices.frobenius(full);
        assertTrue(firstError > 0.01, "one draw should be off, got " + firstError);
        assertTrue(meanError < 0.05 && meanError < firstError / 5, "the mean of " + draws + " draws: " + meanError);
    }

    @Test
    void oneDrawsAccuracyIsItsOwnDistanceFromFullBptt() {
        RandomTruncation rt = RandomTruncation.withMeanChunk(3);
        RandomTruncation.Accuracy a = rt.accuracy(RNN, FWD, YS, 1, new Random(9));
        double[][] full = RNN.bptt(FWD, YS).dW();
        double[][] g = rt.gradients(RNN, FWD, YS, new Random(9)).dW();
        double expected = Matrices.frobenius(minus(g, full)) / Matrices.frobenius(full);
        assertEquals(expected, a.oneDraw(), 1e-12);
        assertEquals(expected, a.meanOfDraws(), 1e-12);
    }

    @Test
    void keepingEveryLinkIsExactOnEveryDraw() {
        RandomTruncation.Accuracy a = RandomTruncation.withKeepProbability(1).accuracy(RNN, FWD, YS, 5, new Random(2));
        assertEquals(0, a.oneDraw(), 1e-12);
        assertEquals(0, a.meanOfDraws(), 1e-12);
    }

    @Test
    void theMeanOfManyDrawsErrsByAboutOneDrawOverTheRootOfTheirNumber() {
        RandomTruncation.Accuracy a = RandomTruncation.withMeanChunk(4).accuracy(RNN, FWD, YS, 400, new Random(3));
        double expected = a.oneDraw() / Math.sqrt(400);
        assertTrue(a.meanOfDraws() > expected / 4 && a.meanOfDraws() < expected * 4,
                "mean of 400 draws " + a.meanOfDraws() + " against one draw / 20 = " + expected);
    }

    @Test
    void aMeanChunkOfFiveKeepsFourLinksInFive() {
        assertEquals(0.8, RandomTruncation.withMeanChunk(5).keepProbability(), 1e-15);
    }
}
