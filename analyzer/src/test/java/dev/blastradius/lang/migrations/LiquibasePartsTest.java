package dev.blastradius.lang.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blastradius.schema.SqlDialect;
import org.junit.jupiter.api.Test;

/** The small pieces of Liquibase support: dbms filters, path lookup, text layout, parsers. */
class LiquibasePartsTest {

  @Test
  void dbmsFilters() {
    assertThat(LiquibaseDbms.runsOn(null, SqlDialect.POSTGRES)).isTrue();
    assertThat(LiquibaseDbms.runsOn("postgresql, h2", SqlDialect.POSTGRES)).isTrue();
    assertThat(LiquibaseDbms.runsOn("all", SqlDialect.MYSQL)).isTrue();
    assertThat(LiquibaseDbms.runsOn("mariadb", SqlDialect.MYSQL)).isTrue();
    assertThat(LiquibaseDbms.runsOn("mysql", SqlDialect.POSTGRES)).isFalse();
    assertThat(LiquibaseDbms.runsOn("!postgresql", SqlDialect.POSTGRES)).isFalse();
    assertThat(LiquibaseDbms.runsOn("!oracle", SqlDialect.POSTGRES)).isTrue();
    assertThat(LiquibaseDbms.runsOn("none", SqlDialect.POSTGRES)).isFalse();
  }

  @Test
  void pathsRelativeToTheChangelogOrTheClasspathRoot() {
    String from = "app/src/main/resources/db/changelog/master.yaml";
    assertThat(ChangelogPaths.candidates(from, "../x.sql", true))
        .containsExactly("app/src/main/resources/db/x.sql");
    assertThat(ChangelogPaths.candidates(from, "classpath:/db/x.sql", false))
        .startsWith("app/src/main/resources/db/x.sql", "db/x.sql")
        .endsWith("app/src/main/resources/db/changelog/db/x.sql");
    assertThat(ChangelogPaths.candidates("master.yaml", "../../x.sql", true)).isEmpty();
  }

  @Test
  void laidOutTextWithAPrefixKeepsItsLines() {
    TextValue value = new TextValue("SELECT 1", 3, "\n\n      SELECT 1");
    assertThat(value.laidOutWithPrefix("AS ")).isEqualTo("\n\n   AS SELECT 1");
    assertThat(value.laidOutWithPrefix("CREATE VIEW v AS "))
        .isEqualTo("\n\n      CREATE VIEW v AS SELECT 1")
        .doesNotContain("      SELECT");
    assertThat(TextValue.atLine("x", 2).laidOutWithPrefix("p")).isNull();
  }

  @Test
  void xmlElementsKeepTheLineOfTheirStartTag() {
    ChangelogElement root =
        ChangelogXmlParser.parse(
            "<?xml version=\"1.0\"?>\n<r>\n  <a\n     x=\"1\"\n  >t&lt;u</a>\n</r>\n");
    ChangelogElement a = root.child("a").orElseThrow();
    assertThat(a.line()).isEqualTo(3);
    assertThat(a.attribute("x")).isEqualTo("1");
    assertThat(a.text().text()).isEqualTo("t<u");
    assertThat(a.text().line()).isEqualTo(5);
  }

  @Test
  void xmlWithAnExternalEntityIsRejectedNotLoaded() {
    assertThatThrownBy(
            () ->
                ChangelogXmlParser.parse(
                    "<!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><r>&e;</r>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not well-formed XML");
  }

  @Test
  void treeParserMakesListItemsElements() {
    ChangelogElement root =
        ChangelogTreeParser.parseYaml(
            "databaseChangeLog:\n  - changeSet:\n      id: 1\n      changes:\n        - sql: SELECT 1\n");
    ChangelogElement changeSet = root.child("databaseChangeLog").orElseThrow().children().get(0);
    assertThat(changeSet.name()).isEqualTo("changeSet");
    assertThat(changeSet.line()).isEqualTo(2);
    ChangelogElement sql = changeSet.child("changes").orElseThrow().children().get(0);
    assertThat(sql.name()).isEqualTo("sql");
    assertThat(sql.line()).isEqualTo(5);
    assertThat(sql.text().laidOut()).isEqualTo("\n\n\n\n               SELECT 1");
  }

  @Test
  void hostilyDeepXmlIsRejectedNotAStackOverflow() {
    String deep = "<a>".repeat(10_000) + "</a>".repeat(10_000);
    assertThatThrownBy(() -> ChangelogXmlParser.parse(deep))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nested deeper than");
  }
}
