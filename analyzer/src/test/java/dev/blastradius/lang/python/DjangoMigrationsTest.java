package dev.blastradius.lang.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.TableRef;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.testing.ExtractorTestHelper;
import dev.blastradius.testing.RuleTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Django migrations as a migration tool: dependency order, the model state behind table and column
 * names, RunSQL and RunPython, and a proposed migration judged by the rules.
 */
class DjangoMigrationsTest {

  static final String INITIAL =
      """
      import django.db.models.deletion
      from django.db import migrations, models


      class Migration(migrations.Migration):
          initial = True
          dependencies = [("auth", "0012_alter_user_first_name_max_length")]

          operations = [
              # expect: ddl customers.id, ddl customers.email_address, ddl customers.name
              migrations.CreateModel(
                  name="Customer",
                  fields=[
                      ("id", models.BigAutoField(auto_created=True, primary_key=True)),
                      ("email", models.EmailField(db_column="email_address", max_length=254)),
                      ("name", models.CharField(max_length=100)),
                  ],
                  options={"db_table": "customers"},
              ),
              # expect: ddl shop_order.id, ddl shop_order.total, ddl shop_order.customer_id
              migrations.CreateModel(
                  name="Order",
                  fields=[
                      ("id", models.BigAutoField(auto_created=True, primary_key=True)),
                      ("total", models.DecimalField(decimal_places=2, max_digits=10)),
                      (
                          "customer",
                          models.ForeignKey(
                              on_delete=django.db.models.deletion.CASCADE, to="shop.customer"
                          ),
                      ),
                  ],
              ),
          ]
      """;

  /** Sorts after its dependent by name: only the dependency graph puts it first. */
  static final String ADD_STATUS =
      """
      from django.db import migrations, models


      class Migration(migrations.Migration):
          dependencies = [("shop", "0001_initial")]

          operations = [
              # expect: ddl shop_order.status
              migrations.AddField(
                  model_name="order",
                  name="status",
                  field=models.CharField(max_length=10, null=True),
              ),
          ]
      """;

  static final String RENAME_TOTAL =
      """
      from django.db import migrations, models


      class Migration(migrations.Migration):
          dependencies = [("shop", "0002_zz_add_status")]

          operations = [
              # expect: ddl shop_order.total, ddl shop_order.amount
              migrations.RenameField(model_name="order", old_name="total", new_name="amount"),
              # expect: ddl shop_order.status
              migrations.AlterField(
                  model_name="order", name="status", field=models.CharField(max_length=20)
              ),
              # expect: none
              migrations.RenameField(model_name="customer", old_name="email", new_name="mail"),
          ]
      """;

  static final String DATA =
      """
      from django.db import migrations


      def forwards(apps, schema_editor):
          Order = apps.get_model("shop", "Order")
          # expect: write shop_order.status @migration, read shop_order.status @migration
          Order.objects.filter(status="new").update(status="open")


      class Migration(migrations.Migration):
          dependencies = [("shop", "0002_aa_rename_total")]

          operations = [
              # expect: write shop_order.status @migration, read shop_order.status @migration
              migrations.RunSQL("UPDATE shop_order SET status = 'new' WHERE status IS NULL"),
              migrations.RunPython(forwards, migrations.RunPython.noop),
          ]
      """;

  static final String MODELS =
      """
      from django.db import models


      class Customer(models.Model):
          mail = models.EmailField(db_column="email_address")
          name = models.CharField(max_length=100)

          class Meta:
              db_table = "customers"


      class Order(models.Model):
          customer = models.ForeignKey(Customer, on_delete=models.CASCADE)
          amount = models.DecimalField(max_digits=10, decimal_places=2)
          status = models.CharField(max_length=20)
      """;

  static ExtractorTestHelper shop() {
    return ExtractorTestHelper.create()
        .source("shop/__init__.py", "")
        .source("shop/models.py", MODELS)
        .source("shop/migrations/__init__.py", "")
        .source("shop/migrations/0001_initial.py", INITIAL)
        .source("shop/migrations/0002_zz_add_status.py", ADD_STATUS)
        .source("shop/migrations/0002_aa_rename_total.py", RENAME_TOTAL)
        .source("shop/migrations/0003_data.py", DATA);
  }

  @Test
  void positive_migrationsReplayInDependencyOrderThroughTheModelState() {
    AnalysisResult result =
        shop()
            .source(
                "shop/views.py",
                """
                from .models import Order


                def totals():
                    # expect: read shop_order.amount @none
                    return list(Order.objects.values_list("amount", flat=True))
                """)
            .doTest();
    Catalog.Table order =
        result.catalog().table(new TableRef("public", "shop_order")).orElseThrow();
    assertThat(order.columns())
        .extracting(Catalog.Column::name)
        .containsExactly("id", "amount", "customer_id", "status");
    assertThat(order.column("status").orElseThrow())
        .satisfies(
            c -> {
              assertThat(c.type()).isEqualTo("varchar(20)");
              assertThat(c.notNull()).isTrue();
            });
    assertThat(result.catalog().table(new TableRef("public", "customers")).orElseThrow().columns())
        .extracting(Catalog.Column::name)
        .containsExactly("id", "email_address", "name");
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void negative_unknownOperationsAndRuntimeSqlAreProblems() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .source("shop/migrations/0001_initial.py", INITIAL)
            .source(
                "shop/migrations/0002_custom.py",
                """
                from django.db import migrations
                from shop.operations import CopyColumn


                def statement():
                    return "UPDATE shop_order SET total = 0"


                class Migration(migrations.Migration):
                    dependencies = [("shop", "0001_initial")]

                    operations = [
                        # expect: none
                        CopyColumn("order", "total", "amount"),
                        # expect: none
                        migrations.RunSQL(statement()),
                        # expect: none
                        migrations.AddIndex(model_name="order", index=None),
                    ]
                """)
            .doTest();
    assertThat(result.problems())
        .extracting(AnalysisProblem::describe)
        .containsExactly(
            "shop/migrations/0002_custom.py:14: replay: Django operation CopyColumn at line 14 is"
                + " not replayed; its schema effects are missing",
            "shop/migrations/0002_custom.py:16: replay: RunSQL at line 16 is built at run time; it"
                + " is not replayed");
  }

  @Test
  void positive_proposedDjangoMigrationIsJudgedWithItsAppsState() {
    RuleTestHelper.forRule("rename-column-still-referenced")
        .source("shop/__init__.py", "")
        .source("shop/models.py", MODELS)
        .source("shop/migrations/0001_initial.py", INITIAL)
        .source("shop/migrations/0002_zz_add_status.py", ADD_STATUS)
        .source("shop/migrations/0002_aa_rename_total.py", RENAME_TOTAL)
        .source("shop/migrations/0003_data.py", DATA)
        .source(
            "shop/views.py",
            """
            from .models import Customer, Order


            def open_orders():
                # expect: related rename-column-still-referenced
                return Order.objects.filter(status="open").values_list("id", flat=True)


            def mails():
                return Customer.objects.values_list("mail", flat=True)
            """)
        .proposedAt(
            "shop/migrations/0004_rename_status.py",
            """
            from django.db import migrations


            class Migration(migrations.Migration):
                dependencies = [("shop", "0003_data")]

                operations = [
                    # expect: finding rename-column-still-referenced ~ "shop_order.status"
                    migrations.RenameField(model_name="order", old_name="status", new_name="state"),
                ]
            """)
        .doTest();
  }
}
