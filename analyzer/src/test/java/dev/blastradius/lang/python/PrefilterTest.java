package dev.blastradius.lang.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PrefilterTest {

  @Test
  void positive_vocabularyWordsInAnyCaseAndPlace() {
    assertThat(Prefilter.mentionsDatabase("cur.execute(q)\n")).isTrue();
    assertThat(Prefilter.mentionsDatabase("# SELECT it later\n")).isTrue();
    assertThat(Prefilter.mentionsDatabase("x = 'Objects'\n")).isTrue();
    assertThat(Prefilter.mentionsDatabase("from django.db import x")).isTrue();
    assertThat(Prefilter.mentionsDatabase("é = 1\nupdate")).isTrue();
  }

  @Test
  void negative_wordsThatOnlyContainOrPrefixVocabulary() {
    assertThat(Prefilter.mentionsDatabase("")).isFalse();
    assertThat(Prefilter.mentionsDatabase("selected = updates + objectsx\n")).isFalse();
    assertThat(Prefilter.mentionsDatabase("def helper_1(value):\n    return value * 2\n"))
        .isFalse();
    // A non-ASCII word is compared after lower-casing it whole: the dotted capital I is not "i".
    assertThat(Prefilter.mentionsDatabase("\u0130NSERT = 1\n")).isFalse();
    assertThat(Prefilter.mentionsDatabase("inserté = 1\n")).isFalse();
  }

  @Test
  void positive_wordsAreFoundExactly() {
    Prefilter.Words words = new Prefilter.Words(Set.of("load_orders", "Report"));
    assertThat(words.anyIn("from app.services import load_orders\n")).isTrue();
    assertThat(words.anyIn("x = Report()\n")).isTrue();
  }

  @Test
  void negative_wordsAreCaseSensitiveAndWhole() {
    Prefilter.Words words = new Prefilter.Words(Set.of("load_orders", "Report"));
    assertThat(words.anyIn("report = load_orders_later()\n")).isFalse();
    assertThat(new Prefilter.Words(Set.of()).anyIn("anything at all")).isFalse();
  }
}
