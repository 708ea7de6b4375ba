package dev.personas.classify;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * The JSON setup of the model and validation files: sorted keys, objects indented with "\n"
 * line ends on every OS, arrays on one line, every double written by
 * {@link Numbers#format(double)}.
 */
final class Json {
  static final ObjectMapper MAPPER = mapper();
  static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n")));

  private Json() {}

  private static ObjectMapper mapper() {
    SimpleModule numbers = new SimpleModule("fixed-numbers");
    numbers.addSerializer(Double.class, new FixedDouble(Double.class));
    numbers.addSerializer(double.class, new FixedDouble(double.class));
    numbers.addSerializer(double[].class, new FixedDoubleArray());
    return JsonMapper.builder()
        .addModule(numbers)
        .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .build();
  }

  private static final class FixedDouble extends StdSerializer<Double> {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("unchecked")
    FixedDouble(Class<?> type) {
      super((Class<Double>) type);
    }

    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeNumber(Numbers.format(value));
    }
  }

  private static final class FixedDoubleArray extends StdSerializer<double[]> {
    private static final long serialVersionUID = 1L;

    FixedDoubleArray() {
      super(double[].class);
    }

    @Override
    public void serialize(double[] values, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartArray(values, values.length);
      for (double v : values) {
        gen.writeNumber(Numbers.format(v));
      }
      gen.writeEndArray();
    }
  }
}
