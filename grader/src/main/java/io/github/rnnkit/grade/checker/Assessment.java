package io.github.rnnkit.grade.checker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the checker found about one exercise before anything of the student's runs: whether its
 * check can run (and the class that holds it), or why it scores 0, with notes on what was left
 * out of the solution cell.
 */
public record Assessment(String id, Status status, String message, List<String> notes, String checkClass) {

    /** Why an exercise scores 0 before it runs, or that it can run. */
    public enum Status {
        RUNNABLE("runnable"), MISSING("missing"), DOES_NOT_COMPILE("does-not-compile"), FORBIDDEN("forbidden");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** The status as the gradebook writes it. */
        public String label() {
            return label;
        }
    }

    public Assessment {
        notes = List.copyOf(notes);
    }

    /** The assessment as one line of JSON. */
    String json() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("status", status.label());
        fields.put("message", message);
        fields.put("notes", notes);
        fields.put("check", checkClass);
        return Json.object(fields);
    }
}
