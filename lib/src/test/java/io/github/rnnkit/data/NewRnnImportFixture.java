package io.github.rnnkit.data;

import io.github.rnnkit.rnn.Softmax;

/**
 * A deliberate new arrow data → rnn.Softmax, compiled with the tests only: the layers allow it (Softmax is
 * shared), the frozen list of PackageLayersTest does not.
 */
final class NewRnnImportFixture {

    private NewRnnImportFixture() {
    }

    static double[] upward(double[] o) {
        return Softmax.of(o);
    }
}
