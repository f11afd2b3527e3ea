package io.github.rnnkit.grade.checker;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonTest {

    @Test
    void stringsEscapeQuotesBackslashesAndControlCharacters() {
        assertEquals("\"a\\\"b\\\\c\\u000ad\\u0000\"", Json.string("a\"b\\c\nd\u0000"));
    }

    @Test
    void aLoneSurrogateBecomesAReplacementCharacterAndAPairStays() {
        assertEquals("\"\ufffdx\uD83D\uDE00\"", Json.string("\uD800x\uD83D\uDE00"));
    }

    @Test
    void anObjectKeepsItsFieldsInOrder() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", "a");
        fields.put("notes", List.of("x", "y"));
        fields.put("check", null);
        fields.put("ok", true);
        assertEquals("{\"id\": \"a\", \"notes\": [\"x\", \"y\"], \"check\": null, \"ok\": true}", Json.object(fields));
    }
}
