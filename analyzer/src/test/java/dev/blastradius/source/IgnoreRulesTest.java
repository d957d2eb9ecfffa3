package dev.blastradius.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IgnoreRulesTest {

  private final IgnoreRules rules =
      IgnoreRules.parse(
          """
          # comment
          *.log
          /generated/
          docs/**/draft*.sql
          build
          !keep.log
          tmp?/
          """);

  @Test
  void unanchoredPatternsMatchAtAnyDepth() {
    assertThat(rules.decide("a/b/app.log", false)).isTrue();
    assertThat(rules.decide("build", true)).isTrue();
    assertThat(rules.decide("x/build", true)).isTrue();
  }

  @Test
  void negationReincludes() {
    assertThat(rules.decide("keep.log", false)).isFalse();
  }

  @Test
  void leadingSlashAnchorsAndTrailingSlashMeansDirectory() {
    assertThat(rules.decide("generated", true)).isTrue();
    assertThat(rules.decide("generated", false)).isNull();
    assertThat(rules.decide("src/generated", true)).isNull();
    assertThat(rules.decide("tmp1", true)).isTrue();
  }

  @Test
  void doubleStarCrossesDirectories() {
    assertThat(rules.decide("docs/draft1.sql", false)).isTrue();
    assertThat(rules.decide("docs/a/b/draft2.sql", false)).isTrue();
    assertThat(rules.decide("docs/a/final.sql", false)).isNull();
  }

  @Test
  void unmentionedPathsAreUndecided() {
    assertThat(rules.decide("src/Main.java", false)).isNull();
  }
}
