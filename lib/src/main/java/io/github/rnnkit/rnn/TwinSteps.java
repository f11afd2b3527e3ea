package io.github.rnnkit.rnn;

import io.github.rnnkit.core.Params;
import io.github.rnnkit.util.Check;
import io.github.rnnkit.util.Matrices;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sigmoid twin computes what the tanh RNN computes ({@link TanhAsSigmoid}), but gradient
 * descent on it is a different algorithm. The twin's parameters Θ' are a linear function of the
 * tanh RNN's Θ, and back:
 *
 * <pre>
 *   U' = 2U,  W' = 4W,  b' = 2(b − W·1),  V' = 2V,  c' = c − V·1
 *   U = U'/2, W = W'/4, b = b'/2 + W'·1/4, V = V'/2, c = c' + V'·1/2
 * </pre>
 *
 * so by the chain rule, with g = ∂L/∂Θ of the tanh RNN at the same function,
 *
 * <pre>
 *   ∂L/∂U' = gU/2                    ∂L/∂W'_ij = (gW_ij + gb_i)/4     ∂L/∂b' = gb/2
 *   ∂L/∂V'_kj = (gV_kj + gc_k)/2                                       ∂L/∂c' = gc
 * </pre>
 *
 * One SGD step on the twin, Θ' ← Θ' − η ∂L/∂Θ', read back in the tanh RNN's coordinates (H units):
 *
 * <pre>
 *   ΔU = −η gU/4                 ΔW = −η (gW + gb·1ᵀ)/16
 *   Δb = −η gb/4 − η (gW·1 + H gb)/16
 *   ΔV = −η (gV + gc·1ᵀ)/4       Δc = −η gc − η (gV·1 + H gc)/4
 * </pre>
 *
 * where SGD on the tanh RNN itself moves each by −η g: the twin moves W by 1/16 of that, U, b and V
 * by 1/4, and couples W to b and V to c.
 */
public final class TwinSteps {

    private TwinSteps() {
    }

    /** The tanh RNN's U, W, b, V, c from its sigmoid twin's: the inverse of {@link TanhAsSigmoid#params}. */
    public static RnnParams tanhParams(RnnParams twin) {
        Check.notNull("twin", twin, "the RnnParams of a sigmoid twin");
        return RnnParams.of(back(twin.asParams()));
    }

    /** ∂L/∂Θ' of the twin, by the chain rule, from the tanh RNN's gradient ∂L/∂Θ at the same function. */
    public static Params twinGradient(Gradients tanh) {
        Check.notNull("tanh", tanh, "the Gradients of a tanh RNN");
        double[][] gW = tanh.dW();
        double[] gb = tanh.db();
        double[][] gV = tanh.dV();
        double[] gc = tanh.dc();
        double[][] w = new double[gW.length][gW[0].length];
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w[i].length; j++) {
                w[i][j] = (gW[i][j] + gb[i]) / 4;
            }
        }
        double[][] v = new double[gV.length][gV[0].length];
        for (int k = 0; k < v.length; k++) {
            for (int j = 0; j < v[k].length; j++) {
                v[k][j] = (gV[k][j] + gc[k]) / 2;
            }
        }
        return RnnParams.named(Matrices.scale(0.5, tanh.dU()), w, Matrices.scale(0.5, new double[][] {gb})[0], v, gc);
    }

    /** One SGD step of rate η on the twin, Θ' ← Θ' − η ∂L/∂Θ', as the change ΔΘ of the tanh RNN's U, W, b, V, c. */
    public static Params sgdStep(Gradients tanh, double learningRate) {
        Check.positive("learningRate", learningRate);
        return back(twinGradient(tanh).scaled(-learningRate));
    }

    /** The linear map Θ' ↦ Θ, applied to any five arrays named as a twin's parameters or a step of them. */
    private static Params back(Params twin) {
        double[][] u = twin.get("U");
        double[][] w = twin.get("W");
        double[] b = RnnParams.row("b", twin);
        double[][] v = twin.get("V");
        double[] c = RnnParams.row("c", twin);
        double[] bBack = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            bBack[i] = b[i] / 2 + rowSum(w[i]) / 4;
        }
        double[] cBack = new double[c.length];
        for (int k = 0; k < c.length; k++) {
            cBack[k] = c[k] + rowSum(v[k]) / 2;
        }
        return RnnParams.named(Matrices.scale(0.5, u), Matrices.scale(0.25, w), bBack, Matrices.scale(0.5, v), cBack);
    }


    private static double rowSum(double[] row) {
        double sum = 0;
        for (double x : row) {
            sum += x;
        }
        return sum;
    }
}
