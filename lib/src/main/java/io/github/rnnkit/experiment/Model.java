package io.github.rnnkit.experiment;

import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.gated.Gru;
import io.github.rnnkit.gated.Lstm;
import io.github.rnnkit.rnn.Init;
import io.github.rnnkit.core.Params;
import io.github.rnnkit.rnn.Rnn;
import io.github.rnnkit.core.Trainable;
import io.github.rnnkit.util.Check;

import java.util.Random;

/**
 * The networks the recorded experiments train on the adding problem (D = 2 inputs, one output),
 * each with H hidden units and drawn from a seed, as lessons 05 and 07 describe them:
 *
 * <pre>
 *   IRNN             ReLU, W = I, b = 0, U and V ~ N(0, 0.001²)             (Le, Jaitly and Hinton, 2015)
 *   ReLU, uniform    ReLU, every weight and bias ~ U(−1/√H, 1/√H)
 *   tanh, W = I      tanh with the IRNN's initialisation
 *   tanh, uniform    tanh, every weight and bias ~ U(−1/√H, 1/√H)           (torch.nn.RNN's default)
 *   tanh, orthogonal tanh, W orthogonal (every singular value 1), the rest uniform
 *   LSTM, b_f = c    every weight and bias ~ U(−1/√H, 1/√H), the forget gate's bias set to c
 *   LSTM, chrono     b_f ~ log U(1, T_max − 1) per unit and b_i = −b_f (Tallec and Ollivier, 2018), T_max = T
 *   GRU, uniform     every weight and bias ~ U(−1/√H, 1/√H)                (torch.nn.GRU's default, less b_hn)
 *   GRU, b_u = 2     the same with the update gate's bias set to 2: the state starts close to kept
 * </pre>
 */
public enum Model {
    IRNN("irnn", "IRNN (ReLU, W = I)", false),
    RELU_UNIFORM("relu-uniform", "ReLU, uniform", false),
    TANH_IDENTITY("tanh-identity", "tanh, W = I", false),
    TANH_UNIFORM("tanh-uniform", "tanh, uniform", false),
    TANH_ORTHOGONAL("tanh-orthogonal", "tanh, orthogonal W", false),
    LSTM_BF0("lstm-bf0", "LSTM, b_f = 0", true),
    LSTM_BF1("lstm-bf1", "LSTM, b_f = 1", true),
    LSTM_BF3("lstm-bf3", "LSTM, b_f = 3", true),
    LSTM_CHRONO("lstm-chrono", "LSTM, chrono b_f", true),
    GRU_UNIFORM("gru-uniform", "GRU, uniform b_u", true),
    GRU_BU2("gru-bu2", "GRU, b_u = 2", true);

    private final String id;
    private final String label;
    private final boolean gated;

    Model(String id, String label, boolean gated) {
        this.id = id;
        this.label = label;
        this.gated = gated;
    }

    /** The name in recorded files, e.g. "tanh-uniform". */
    public String id() {
        return id;
    }

    /** The name in tables and legends, e.g. "tanh, uniform". */
    public String label() {
        return label;
    }

    /** True for the LSTMs and GRUs. */
    public boolean gated() {
        return gated;
    }

    /** The model called {@code id} in recorded files. */
    public static Model of(String id) {
        for (Model m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("id: expected a model such as irnn, tanh-uniform or lstm-chrono, got " + id);
    }

    /** A network with {@code hidden} units for a task of two inputs, one output and sequences of {@code steps}. */
    public Trainable<?> network(int hidden, int steps, long seed) {
        Check.atLeast("hidden", hidden, 1);
        Check.atLeast("steps", steps, 3);
        return switch (this) {
            case IRNN -> new Rnn(Init.identity(hidden, 2, 1, 1.0, seed), Activations.RELU);
            case RELU_UNIFORM -> new Rnn(Init.uniform(hidden, 2, 1, seed), Activations.RELU);
            case TANH_IDENTITY -> new Rnn(Init.identity(hidden, 2, 1, 1.0, seed), Activations.TANH);
            case TANH_UNIFORM -> new Rnn(Init.uniform(hidden, 2, 1, seed), Activations.TANH);
            case TANH_ORTHOGONAL -> new Rnn(Init.orthogonal(hidden, 2, 1, seed), Activations.TANH);
            case LSTM_BF0 -> new Lstm(Lstm.init(hidden, 2, 1, 0.0, seed));
            case LSTM_BF1 -> new Lstm(Lstm.init(hidden, 2, 1, 1.0, seed));
            case LSTM_BF3 -> new Lstm(Lstm.init(hidden, 2, 1, 3.0, seed));
            case LSTM_CHRONO -> new Lstm(chrono(Lstm.init(hidden, 2, 1, 0.0, seed), steps, seed));
            case GRU_UNIFORM -> new Gru(Gru.init(hidden, 2, 1, seed));
            case GRU_BU2 -> new Gru(Gru.init(hidden, 2, 1, 2.0, seed));
        };
    }

    /**
     * Chrono initialisation: b_f = log ℓ with ℓ ~ U(1, T_max − 1) for each unit, and b_i = −b_f, so
     * that at the start the memory forgets on a time scale between 1 and T_max − 1 steps (σ(b_f)
     * = 1 − 1/(ℓ + 1)), different for every unit.
     */
    public static Params chrono(Params lstm, int maxLag, long seed) {
        Check.notNull("lstm", lstm, "an LSTM's parameters (Lstm.init)");
        Check.atLeast("maxLag", maxLag, 3);
        double[][] forget = lstm.get("bf");
        double[][] input = lstm.get("bi");
        Random rng = new Random(seed ^ 0xC4B0L);
        for (int u = 0; u < forget[0].length; u++) {
            forget[0][u] = Math.log(1 + (maxLag - 2) * rng.nextDouble());
            input[0][u] = -forget[0][u];
        }
        return lstm.with("bf", forget).with("bi", input);
    }
}
