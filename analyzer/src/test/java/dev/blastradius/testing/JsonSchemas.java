package dev.blastradius.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Validates JSON documents against our committed schemas and the SARIF 2.1.0 schema. */
public final class JsonSchemas {

  /** The JSON report schema, as shipped in the jar. */
  public static final String REPORT = "/schemas/report.schema.json";

  /** The SARIF 2.1.0 schema, copied from ../shared/schemas into test resources. */
  public static final String SARIF = "/schemas/sarif-schema-2.1.0.json";

  private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

  private JsonSchemas() {}

  /** Fails with every violation when {@code json} does not match the schema at {@code resource}. */
  public static void assertValid(String json, String resource) {
    Schema schema = CACHE.computeIfAbsent(resource, JsonSchemas::load);
    List<Error> errors = schema.validate(json, InputFormat.JSON);
    assertThat(errors)
        .as(
            "JSON must match %s; violations:\n%s",
            resource, errors.stream().map(Error::toString).reduce("", (a, b) -> a + b + "\n"))
        .isEmpty();
  }

  /** The schema of {@code blastradius.yaml}, as shipped in the jar. */
  public static final String CONFIG = "/schemas/blastradius.schema.json";

  /** The violations of {@code json} against the schema at {@code resource}, as text. */
  public static List<String> errors(String json, String resource) {
    Schema schema = CACHE.computeIfAbsent(resource, JsonSchemas::load);
    return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
  }

  private static Schema load(String resource) {
    try (InputStream in = JsonSchemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing schema resource " + resource);
      }
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(in, InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
