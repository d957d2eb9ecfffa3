package dev.blastradius.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MarkerCheckerTest {

  private static final String PATH = "q.sql";
  private final MarkerChecker all = new MarkerChecker(f -> true, false);

  private static ActualFact read(int line, String column, String... kinds) {
    return new ActualFact(PATH, line, "read", column, Set.of(kinds), null);
  }

  @Test
  void matchingFactsPass() {
    List<Marker> markers =
        MarkerParser.parse("-- expect: read t.a @cron\nSELECT a FROM t;\n", "--");
    assertThat(all.check(PATH, markers, List.of(read(2, "t.a", "cron")))).isEmpty();
  }

  @Test
  void aMissingFactFailsWithWhatTheLineHas() {
    List<Marker> markers = MarkerParser.parse("-- expect: read t.b\nSELECT a FROM t;\n", "--");
    assertThat(all.check(PATH, markers, List.of(read(2, "t.a"))))
        .anySatisfy(
            f -> assertThat(f).contains("expected 'read t.b', but the line has: read t.a @none"));
  }

  @Test
  void anUnclaimedFactFailsWithTheMarkerToWrite() {
    List<Marker> markers = MarkerParser.parse("-- expect: read t.a\nSELECT a, b FROM t;\n", "--");
    assertThat(all.check(PATH, markers, List.of(read(2, "t.a"), read(2, "t.b", "http"))))
        .anySatisfy(
            f ->
                assertThat(f)
                    .contains("unclaimed fact; add '-- expect: read t.b @http' above line 2"));
  }

  @Test
  void entryKindsMustMatchExactlyWhenGiven() {
    List<Marker> markers =
        MarkerParser.parse("-- expect: read t.a @cron\nSELECT a FROM t;\n", "--");
    assertThat(all.check(PATH, markers, List.of(read(2, "t.a", "cron", "http")))).isNotEmpty();
  }

  @Test
  void todoPassesWhileAbsentAndAsksForPromotionWhenPresent() {
    List<Marker> markers = MarkerParser.parse("-- todo-expect: read t.a\nSELECT a FROM t;\n", "--");
    assertThat(all.check(PATH, markers, List.of())).isEmpty();
    assertThat(all.check(PATH, markers, List.of(read(2, "t.a"))))
        .anySatisfy(f -> assertThat(f).contains("promote 'todo-expect:' to 'expect:'"));
  }

  @Test
  void findingsMatchOnMessageText() {
    List<Marker> markers =
        MarkerParser.parse("-- expect: finding r ~ \"users.name\"\nDROP;\n", "--");
    ActualFact finding =
        new ActualFact(PATH, 2, "finding", "r", null, "Dropping users.email breaks …");
    assertThat(all.check(PATH, markers, List.of(finding))).isNotEmpty();
  }

  @Test
  void noneFailsWhenTheLineHasFacts() {
    List<Marker> markers = MarkerParser.parse("-- expect: none\nSELECT a FROM t;\n", "--");
    assertThat(all.check(PATH, markers, List.of(read(2, "t.a")))).isNotEmpty();
  }

  @Test
  void samplesRequireEntryKinds() {
    MarkerChecker samples = new MarkerChecker(f -> true, true);
    List<Marker> markers = MarkerParser.parse("-- expect: read t.a\nSELECT a FROM t;\n", "--");
    assertThat(samples.check(PATH, markers, List.of(read(2, "t.a"))))
        .anySatisfy(f -> assertThat(f).contains("samples must give entry-point kinds"));
  }
}
