package io.github.rnnkit.grade.checker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the grader hands the checker for one submission of one lesson, as a folder of plain files
 * (no format to parse, nothing to escape):
 *
 * <pre>
 * imports.jsh              the lesson's first code cell (the instructor's), for its imports
 * cells/NN.id              a solution cell's grade_id, in the lesson's order
 * cells/NN.jsh             the student's source of that cell (absent: the cell is missing)
 * exercises/NN.id          an exercise's grade_id (its test cell)
 * exercises/NN.solution    the grade_id of its solution cell
 * exercises/NN.test.jsh    the instructor's test cell, hidden tests included
 * exercises/NN.forbidden   what its solution may not call, one qualified name a line
 * </pre>
 */
public record Job(String imports, List<Cell> cells, List<Task> exercises) {

    /** A solution cell; {@code source} is null when the submission does not have it. */
    public record Cell(String id, String source) {
    }

    /** An exercise: its id, its solution cell, the instructor's check and the forbidden calls. */
    public record Task(String id, String solution, String test, List<String> forbidden) {
    }

    public Job {
        cells = List.copyOf(cells);
        exercises = List.copyOf(exercises);
    }

    /** Reads a job folder. */
    public static Job read(Path folder) throws IOException {
        List<Cell> cells = new ArrayList<>();
        for (Path idFile : numbered(folder.resolve("cells"), ".id")) {
            Path source = sibling(idFile, ".jsh");
            cells.add(new Cell(text(idFile).strip(), Files.exists(source) ? text(source) : null));
        }
        List<Task> tasks = new ArrayList<>();
        for (Path idFile : numbered(folder.resolve("exercises"), ".id")) {
            Path forbidden = sibling(idFile, ".forbidden");
            List<String> entries = Files.exists(forbidden)
                    ? text(forbidden).lines().map(String::strip).filter(l -> !l.isEmpty()).toList() : List.of();
            tasks.add(new Task(text(idFile).strip(), text(sibling(idFile, ".solution")).strip(),
                    text(sibling(idFile, ".test.jsh")), entries));
        }
        return new Job(text(folder.resolve("imports.jsh")), cells, tasks);
    }

    private static List<Path> numbered(Path folder, String suffix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static Path sibling(Path idFile, String suffix) {
        String name = idFile.getFileName().toString();
        return idFile.resolveSibling(name.substring(0, name.length() - ".id".length()) + suffix);
    }

    private static String text(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
