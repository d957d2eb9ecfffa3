package dev.blastradius.lang.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.testing.ExtractorTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Django index and constraint operations touch the columns they name: {@code AddIndex} (fields and
 * the columns of its condition), {@code AddConstraint}, and {@code AlterField} adding or removing
 * {@code db_index}; an {@code AlterField} that changes nothing in the database touches nothing.
 */
class DjangoIndexMigrationsTest {

  static final String INITIAL =
      """
      from django.db import migrations, models


      class Migration(migrations.Migration):
          initial = True

          operations = [
              # expect: ddl shop_flip.id, ddl shop_flip.created, ddl shop_flip.processed, ddl shop_flip.status
              migrations.CreateModel(
                  name="Flip",
                  fields=[
                      ("id", models.AutoField(primary_key=True)),
                      ("created", models.DateTimeField()),
                      ("processed", models.DateTimeField(db_index=True, null=True)),
                      ("status", models.CharField(max_length=8)),
                  ],
              ),
          ]
      """;

  static final String INDEXES =
      """
      from django.db import migrations, models


      class Migration(migrations.Migration):
          dependencies = [("shop", "0001_initial")]

          operations = [
              # expect: ddl shop_flip.processed
              migrations.AlterField(
                  model_name="flip",
                  name="processed",
                  field=models.DateTimeField(blank=True, null=True),
              ),
              # expect: none
              migrations.AlterField(
                  model_name="flip",
                  name="status",
                  field=models.CharField(blank=True, max_length=8),
              ),
              # expect: ddl shop_flip.created, ddl shop_flip.processed
              migrations.AddIndex(
                  model_name="flip",
                  index=models.Index(
                      condition=models.Q(processed=None),
                      fields=["-created"],
                      name="shop_flip_not_processed",
                  ),
              ),
              # expect: ddl shop_flip.status, ddl shop_flip.processed
              migrations.AddConstraint(
                  model_name="flip",
                  constraint=models.UniqueConstraint(
                      fields=["status"],
                      condition=models.Q(processed__isnull=True),
                      name="one_unprocessed_status",
                  ),
              ),
              # expect: ddl shop_flip.status
              migrations.AddConstraint(
                  model_name="flip",
                  constraint=models.CheckConstraint(
                      check=models.Q(status__in=["up", "down"]), name="known_status"
                  ),
              ),
              # expect: none
              migrations.RemoveIndex(model_name="flip", name="shop_flip_not_processed"),
              # expect: ddl shop_flip.status
              migrations.AlterField(
                  model_name="flip",
                  name="status",
                  field=models.CharField(db_index=True, max_length=8),
              ),
          ]
      """;

  @Test
  void positive_indexesConstraintsAndDbIndexChangesTouchTheirColumns() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .source("shop/__init__.py", "")
            .source("shop/migrations/__init__.py", "")
            .source("shop/migrations/0001_initial.py", INITIAL)
            .source("shop/migrations/0002_indexes.py", INDEXES)
            .doTest();
    assertThat(result.problems()).isEmpty();
  }
}
