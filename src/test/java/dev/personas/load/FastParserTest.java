package dev.personas.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The byte-level shortcuts agree with Jackson on every string and leave the parser where Jackson would. */
class FastParserTest {
  private static final JsonFactory PLAIN = new JsonFactory();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String line(String text) throws IOException {
    return JSON.writeValueAsString(Map.of("a", text, "nested", Map.of("k", List.of(text, 1, Map.of("z", text))), "after", "end"));
  }

  @Property(tries = 500, seed = "20261126")
  void measuredLengthEqualsJacksonsAndParsingGoesOn(@ForAll String text) throws IOException {
    String json = line(text + "\u00e9\ud83d\ude00\"\\\n\t\u0001" + text);
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    int expected = -1;
    try (JsonParser p = PLAIN.createParser(bytes)) {
      while (p.nextToken() != null) {
        if ("a".equals(p.currentName()) && p.currentToken() == JsonToken.VALUE_STRING) {
          expected = p.getTextLength();
        }
      }
    }
    try (JsonParser p = JsonLines.factory().createParser(bytes, 0, bytes.length)) {
      assertTrue(p instanceof FastParser, "lines from the buffer get the fast parser");
      p.nextToken();
      int measured = -1;
      String after = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals("a")) {
          measured = JsonLines.textLength(p);
        } else if (name.equals("nested")) {
          JsonLines.skip(p);
        } else {
          after = p.getText();
        }
      }
      assertEquals(expected, measured);
      assertEquals("end", after);
      assertEquals(null, p.nextToken());
    }
  }
}
