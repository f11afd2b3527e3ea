package io.github.rnnkit.data;

import io.github.rnnkit.rnn.Init;
import io.github.rnnkit.rnn.RnnParams;

/**
 * A deliberate arrow data → rnn, compiled with the tests only: data sits below the networks, so
 * PackageLayersTest must reject it.
 */
final class DataToRnnArrowFixture {

    private DataToRnnArrowFixture() {
    }

    static RnnParams upward() {
        return Init.uniform(2, 1, 1, 1);
    }
}
