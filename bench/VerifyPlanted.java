import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that a JSON report contains every access planted by GenerateRepo, so speed is never
 * bought with misses. Run with the shaded jar on the classpath (it carries Jackson):
 * java -cp analyzer/target/blastradius.jar bench/VerifyPlanted.java REPORT.json planted.tsv
 */
public final class VerifyPlanted {
  public static void main(String[] args) throws Exception {
    JsonNode report = new ObjectMapper().readTree(Path.of(args[0]).toFile());
    Set<String> found = new HashSet<>();
    for (JsonNode column : report.path("columns")) {
      String name = column.path("table").asText() + "." + column.path("column").asText();
      for (JsonNode access : column.path("accesses")) {
        found.add(access.path("path").asText() + "\t" + access.path("line").asInt() + "\t" + access.path("kind").asText() + "\t" + name);
      }
    }
    List<String> planted = Files.readAllLines(Path.of(args[1]));
    long missing = planted.stream().filter(p -> !found.contains(p)).count();
    System.out.println("planted " + planted.size() + ", found " + (planted.size() - missing) + ", missing " + missing
        + ", problems " + report.path("problems").size());
    if (missing > 0 || report.path("problems").size() > 0) {
      System.exit(1);
    }
  }
}
