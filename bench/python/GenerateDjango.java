import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates a deterministic Django project of about FILES Python files, shaped like a real one: most
 * files (helpers, formatting, constants, package markers) hold no database vocabulary; each app has
 * a model with a foreign key to the previous app's, its migration, an admin, a DRF serializer and
 * viewset on a router, Celery tasks on a beat schedule, a management command and a service module
 * using querysets and raw SQL. Every access the benchmark must find is recorded in planted.tsv (path,
 * line, kind, table.column).
 *
 * <p>Usage: java bench/python/GenerateDjango.java OUTPUT_DIR FILES
 */
public final class GenerateDjango {

  private static final int HELPERS = 8;

  private final Path out;
  private final List<String> planted = new ArrayList<>();
  private int files;

  private GenerateDjango(Path out) {
    this.out = out;
  }

  public static void main(String[] args) throws IOException {
    new GenerateDjango(Path.of(args[0])).generate(Integer.parseInt(args[1]));
  }

  private void generate(int target) throws IOException {
    int apps = Math.max(1, target / 24);
    List<String> settings = new ArrayList<>();
    settings.add("from celery.schedules import crontab");
    settings.add("");
    settings.add("INSTALLED_APPS = [");
    settings.add("    \"django.contrib.admin\",");
    settings.add("    \"rest_framework\",");
    for (int d = 0; d < apps; d++) {
      settings.add("    \"app" + d + "\",");
    }
    settings.add("]");
    settings.add("");
    settings.add("ROOT_URLCONF = \"proj.urls\"");
    settings.add("");
    settings.add("CELERY_BEAT_SCHEDULE = {");
    for (int d = 0; d < apps; d += 5) {
      settings.add("    \"nightly-" + d + "\": {");
      settings.add("        \"task\": \"app" + d + ".tasks.nightly\",");
      settings.add("        \"schedule\": crontab(hour=" + (d % 24) + ", minute=0),");
      settings.add("    },");
    }
    settings.add("}");
    write("proj/__init__.py", List.of());
    write("proj/settings.py", settings);
    List<String> urls = new ArrayList<>();
    urls.add("from django.contrib import admin");
    urls.add("from django.urls import include, path");
    urls.add("");
    urls.add("urlpatterns = [");
    urls.add("    path(\"admin/\", admin.site.urls),");
    for (int d = 0; d < apps; d++) {
      urls.add("    path(\"api/app" + d + "/\", include(\"app" + d + ".urls\")),");
    }
    urls.add("]");
    write("proj/urls.py", urls);
    write(
        "proj/celery.py",
        List.of("from celery import Celery", "", "app = Celery(\"proj\")", "app.autodiscover_tasks()"));
    for (int d = 0; d < apps; d++) {
      app(d);
    }
    Files.write(out.resolve("planted.tsv"), planted, StandardCharsets.UTF_8);
    System.out.println(
        "generated " + files + " files (" + apps + " apps), " + planted.size() + " planted accesses");
  }

  private static String model(int d) {
    return "Item" + d;
  }

  private static String table(int d) {
    return "app" + d + "_item" + d;
  }

  private void app(int d) throws IOException {
    String a = "app" + d;
    String m = model(d);
    write(a + "/__init__.py", List.of());
    List<String> models = new ArrayList<>();
    models.add("from django.db import models");
    if (d > 0) {
      models.add("from app" + (d - 1) + ".models import " + model(d - 1));
    }
    models.add("");
    models.add("");
    models.add("class " + m + "(models.Model):");
    models.add("    title = models.CharField(max_length=100)");
    models.add("    code = models.CharField(max_length=20, db_column=\"item_code\")");
    models.add("    amount = models.IntegerField(default=0)");
    models.add("    state = models.CharField(max_length=10)");
    models.add("    note = models.TextField(blank=True)");
    if (d > 0) {
      models.add("    parent = models.ForeignKey(" + model(d - 1) + ", on_delete=models.CASCADE)");
    }
    models.add("");
    models.add("    def __str__(self):");
    models.add("        return self.title");
    write(a + "/models.py", models);

    write(a + "/migrations/__init__.py", List.of());
    List<String> migration = new ArrayList<>();
    migration.add("from django.db import migrations, models");
    migration.add("");
    migration.add("");
    migration.add("class Migration(migrations.Migration):");
    migration.add("    initial = True");
    migration.add(
        "    dependencies = ["
            + (d > 0 ? "(\"app" + (d - 1) + "\", \"0001_initial\")" : "")
            + "]");
    migration.add("    operations = [");
    migration.add("        migrations.CreateModel(");
    migration.add("            name=\"" + m + "\",");
    migration.add("            fields=[");
    migration.add("                (\"id\", models.BigAutoField(primary_key=True, serialize=False)),");
    migration.add("                (\"title\", models.CharField(max_length=100)),");
    migration.add(
        "                (\"code\", models.CharField(max_length=20, db_column=\"item_code\")),");
    migration.add("                (\"amount\", models.IntegerField(default=0)),");
    migration.add("                (\"state\", models.CharField(max_length=10)),");
    migration.add("                (\"note\", models.TextField(blank=True)),");
    if (d > 0) {
      migration.add(
          "                (\"parent\", models.ForeignKey(on_delete=models.CASCADE, to=\"app"
              + (d - 1)
              + "."
              + model(d - 1).toLowerCase()
              + "\")),");
    }
    migration.add("            ],");
    migration.add("        ),");
    migration.add("    ]");
    write(a + "/migrations/0001_initial.py", migration);

    write(
        a + "/admin.py",
        List.of(
            "from django.contrib import admin",
            "",
            "from .models import " + m,
            "",
            "",
            "@admin.register(" + m + ")",
            "class " + m + "Admin(admin.ModelAdmin):",
            "    list_display = (\"title\", \"state\")",
            "    search_fields = [\"title\", \"code\"]"));
    write(
        a + "/serializers.py",
        List.of(
            "from rest_framework import serializers",
            "",
            "from .models import " + m,
            "",
            "",
            "class " + m + "Serializer(serializers.ModelSerializer):",
            "    class Meta:",
            "        model = " + m,
            "        fields = [\"id\", \"title\", \"amount\", \"state\"]",
            "        read_only_fields = [\"state\"]"));
    write(
        a + "/views.py",
        List.of(
            "from rest_framework import viewsets",
            "from rest_framework.decorators import action",
            "from rest_framework.response import Response",
            "",
            "from . import services",
            "from .models import " + m,
            "from .serializers import " + m + "Serializer",
            "",
            "",
            "class " + m + "ViewSet(viewsets.ModelViewSet):",
            "    queryset = " + m + ".objects.all()",
            "    serializer_class = " + m + "Serializer",
            "",
            "    @action(detail=False)",
            "    def titles(self, request):",
            "        return Response(list(services.titles(request.GET.get(\"state\"))))"));
    write(
        a + "/urls.py",
        List.of(
            "from rest_framework.routers import DefaultRouter",
            "",
            "from . import views",
            "",
            "router = DefaultRouter()",
            "router.register(r\"items\", views." + m + "ViewSet)",
            "",
            "urlpatterns = router.urls"));
    write(
        a + "/tasks.py",
        List.of(
            "from celery import shared_task",
            "",
            "from . import services",
            "",
            "",
            "@shared_task",
            "def nightly():",
            "    services.settle()",
            "",
            "",
            "@shared_task",
            "def audit(pk):",
            "    return services.raw_note(pk)"));

    List<String> services = new ArrayList<>();
    services.add("from django.db import connection");
    services.add("");
    services.add("from .formatting import clean");
    services.add("from .models import " + m);
    services.add("");
    services.add("");
    services.add("def titles(state):");
    plant(a + "/services.py", services, "read", "state");
    plant(a + "/services.py", services, "read", "title");
    services.add("    return " + m + ".objects.filter(state=state).values_list(\"title\", flat=True)");
    services.add("");
    services.add("");
    services.add("def settle():");
    plant(a + "/services.py", services, "read", "state");
    plant(a + "/services.py", services, "write", "amount");
    services.add("    " + m + ".objects.filter(state=\"open\").update(amount=0)");
    services.add("");
    services.add("");
    services.add("def raw_note(pk):");
    services.add("    with connection.cursor() as cursor:");
    plant(a + "/services.py", services, "read", "note");
    services.add(
        "        cursor.execute(\"SELECT note FROM " + table(d) + " WHERE id = %s\", [pk])");
    services.add("        row = cursor.fetchone()");
    services.add("    return clean(row[0]) if row else None");
    write(a + "/services.py", services);

    write(a + "/management/__init__.py", List.of());
    write(a + "/management/commands/__init__.py", List.of());
    List<String> command = new ArrayList<>();
    command.add("from django.core.management.base import BaseCommand");
    command.add("");
    command.add("from " + a + ".models import " + m);
    command.add("");
    command.add("");
    command.add("class Command(BaseCommand):");
    command.add("    def handle(self, *args, **options):");
    command.add("        for item in " + m + ".objects.filter(amount__gt=0):");
    plant(a + "/management/commands/recode_" + a + ".py", command, "write", "item_code");
    command.add("            " + m + ".objects.filter(pk=item.pk).update(code=item.code.upper())");
    write(a + "/management/commands/recode_" + a + ".py", command);

    for (int h = 0; h < HELPERS; h++) {
      List<String> helper = new ArrayList<>();
      helper.add("\"\"\"Helpers for " + a + " that never touch storage.\"\"\"");
      helper.add("import re");
      helper.add("");
      helper.add("PATTERN = re.compile(r\"\\s+\")");
      helper.add("");
      for (int f = 0; f < 6; f++) {
        helper.add("");
        helper.add("def helper_" + h + "_" + f + "(text, width=" + (40 + f) + "):");
        helper.add("    parts = PATTERN.split(text or \"\")");
        helper.add("    out = []");
        helper.add("    for part in parts:");
        helper.add("        if len(part) > width:");
        helper.add("            part = part[:width]");
        helper.add("        out.append(part.lower() if " + f + " % 2 else part.title())");
        helper.add("    return \" \".join(out)");
      }
      write(a + "/util/helpers_" + h + ".py", helper);
    }
    write(a + "/util/__init__.py", List.of());
    write(
        a + "/formatting.py",
        List.of(
            "def clean(value):",
            "    return (value or \"\").strip()",
            "",
            "",
            "def money(cents):",
            "    return f\"{cents / 100:.2f}\""));
    write(a + "/constants.py", List.of("PAGE_SIZE = 50", "STATES = (\"open\", \"closed\")"));
  }

  /** Records that the next line added to {@code lines} makes this access. */
  private void plant(String path, List<String> lines, String kind, String column) {
    String table = path.substring(0, path.indexOf('/'));
    int d = Integer.parseInt(table.substring(3));
    planted.add(path + "\t" + (lines.size() + 1) + "\t" + kind + "\t" + table(d) + "." + column);
  }

  private void write(String path, List<String> lines) throws IOException {
    Path file = out.resolve(path);
    Files.createDirectories(file.getParent());
    Files.write(file, lines, StandardCharsets.UTF_8);
    files++;
  }
}
