package dev.blastradius.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MarkerParserTest {

  @Test
  void parsesEveryFactKindAndAppliesToTheNextCodeLine() {
    List<Marker> markers =
        MarkerParser.parse(
            """
            -- expect: read users.email, write users.name @cron @worker, ddl users.name
            -- expect: finding drop-column-still-read ~ "users.email, still", related drop-column-still-read

            ALTER TABLE users DROP COLUMN email;
            -- todo-expect: read orders.total
            SELECT 1;
            """,
            "--");
    assertThat(markers).hasSize(3);
    assertThat(markers.get(0).targetLine()).isEqualTo(4);
    assertThat(markers.get(1).targetLine()).isEqualTo(4);
    assertThat(markers.get(0).facts())
        .containsExactly(
            new Marker.Fact("read", "users.email", null, null),
            new Marker.Fact("write", "users.name", Set.of("cron", "worker"), null),
            new Marker.Fact("ddl", "users.name", null, null));
    assertThat(markers.get(1).facts())
        .containsExactly(
            new Marker.Fact("finding", "drop-column-still-read", null, "users.email, still"),
            new Marker.Fact("related", "drop-column-still-read", null, null));
    assertThat(markers.get(2).todo()).isTrue();
    assertThat(markers.get(2).targetLine()).isEqualTo(6);
  }

  @Test
  void atNoneMeansNoEntryPoints() {
    List<Marker> markers = MarkerParser.parse("// expect: read t.c @none\nx();\n", "//");
    assertThat(markers.get(0).facts().get(0).entryKinds()).isEmpty();
  }

  @Test
  void htmlCommentsAreMarkersInAnyFile() {
    List<Marker> markers = MarkerParser.parse("<!-- expect: none -->\n<p/>\n", "#");
    assertThat(markers).hasSize(1);
  }

  @Test
  void ordinaryCommentsAreNotMarkers() {
    assertThat(MarkerParser.parse("// we expect: nothing here\nx();\n", "//")).isEmpty();
  }

  @Test
  void malformedMarkersFailWithTheirLine() {
    assertThatThrownBy(() -> MarkerParser.parse("\n-- expect: reed users.email\nx;\n", "--"))
        .hasMessageContaining("line 2")
        .hasMessageContaining("unknown fact 'reed'");
    assertThatThrownBy(() -> MarkerParser.parse("-- expect: read users\nx;\n", "--"))
        .hasMessageContaining("not TABLE.COLUMN");
    assertThatThrownBy(() -> MarkerParser.parse("-- expect: read users.a @cronjob\nx;\n", "--"))
        .hasMessageContaining("unknown entry-point kind '@cronjob'");
    assertThatThrownBy(() -> MarkerParser.parse("-- expect: finding r ~ oops\nx;\n", "--"))
        .hasMessageContaining("must be followed by \"text\"");
    assertThatThrownBy(() -> MarkerParser.parse("-- expect: read a.b,, read c.d\nx;\n", "--"))
        .hasMessageContaining("empty fact");
    assertThatThrownBy(() -> MarkerParser.parse("x;\n-- expect: read a.b\n\n", "--"))
        .hasMessageContaining("not followed by a line");
  }

  @Test
  void sidecarLinesMarkTheLinesTheyName() {
    List<Marker> markers =
        MarkerParser.parseSidecar(
            """
            # markers for changelog.json
            3: ddl users.email @migration, ddl users.name
            7: todo-expect: read users.id
            """);
    assertThat(markers).hasSize(2);
    assertThat(markers.get(0).markerLine()).isEqualTo(2);
    assertThat(markers.get(0).targetLine()).isEqualTo(3);
    assertThat(markers.get(0).facts())
        .containsExactly(
            new Marker.Fact("ddl", "users.email", Set.of("migration"), null),
            new Marker.Fact("ddl", "users.name", null, null));
    assertThat(markers.get(1).todo()).isTrue();
    assertThat(markers.get(1).targetLine()).isEqualTo(7);
  }

  @Test
  void malformedSidecarLinesFailWithTheirLine() {
    assertThatThrownBy(() -> MarkerParser.parseSidecar("\nddl users.email\n"))
        .hasMessageContaining("line 2")
        .hasMessageContaining("<line>: <facts>");
    assertThatThrownBy(() -> MarkerParser.parseSidecar("0: ddl users.email\n"))
        .hasMessageContaining("line 1");
    assertThatThrownBy(() -> MarkerParser.parseSidecar("4: reed users.email\n"))
        .hasMessageContaining("unknown fact 'reed'");
  }
}
