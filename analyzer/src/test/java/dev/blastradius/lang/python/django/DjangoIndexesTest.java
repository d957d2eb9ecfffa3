package dev.blastradius.lang.python.django;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The names Django gives the index of a {@code db_index=True} field. */
class DjangoIndexesTest {

  @Test
  void positive_shortNamesAreTableColumnAndHash() {
    // Django 5: BaseDatabaseSchemaEditor._create_index_name("api_flip", ["processed"]).
    assertThat(DjangoIndexes.autoIndexName("api_flip", "processed"))
        .isEqualTo("api_flip_processed_9de21269");
  }

  @Test
  void positive_longNamesAreShortenedAroundTheHash() {
    String name = DjangoIndexes.autoIndexName("a".repeat(40), "b".repeat(40));
    assertThat(name).isEqualTo("a".repeat(26) + "_" + "b".repeat(26) + "_86039ef7").hasSize(62);
  }
}
