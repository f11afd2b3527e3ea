/**
 * The check runner: the JVM in which a submission's checks run. A named module of its own, exporting nothing: the
 * student's code, on the class path, can neither reflect into it nor reach the verdict channel it holds. The grader
 * opens {@code java.io} to this module alone, so only it can turn the inherited descriptor into a stream.
 */
module io.github.rnnkit.grader.runner {
}
