package dev.blastradius.lang.python.django;

import dev.blastradius.lang.python.PyClass;
import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.PyModule;
import dev.blastradius.lang.python.link.Project;
import dev.blastradius.lang.python.link.PyValue;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Django app labels: {@code Meta.app_label}, else the label of the app the model's module belongs
 * to — an {@code AppConfig}'s {@code label}, else the last part of the app's package ({@code shop}
 * for {@code myproject.shop.models} and for {@code shop.models.order}).
 */
final class DjangoApps {

  private static final Set<String> APP_CONFIG = Set.of("AppConfig");

  /** App package → label, from AppConfig subclasses that set one. */
  private final Map<String, String> labels = new HashMap<>();

  DjangoApps(Project project) {
    for (PyModule module : project.modules()) {
      if (!module.parsed() || !module.file().fileName().equals("apps.py")) {
        continue;
      }
      for (PyClass cls : module.classes().values()) {
        PyValue.ClassRef ref = new PyValue.ClassRef(module, cls);
        if (!project.resolver().derivesFrom(ref, "django", APP_CONFIG)) {
          continue;
        }
        String name = cls.value("name").flatMap(PyExpr::string).orElse(null);
        String label = cls.value("label").flatMap(PyExpr::string).orElse(null);
        if (name != null && label != null) {
          labels.put(name, label);
        }
      }
    }
  }

  /** The app label of a model class declared in {@code moduleName}. */
  String label(String moduleName, PyClass cls) {
    String explicit = cls.option("Meta", "app_label").flatMap(PyExpr::string).orElse(null);
    if (explicit != null) {
      return explicit;
    }
    String[] parts = moduleName.split("\\.");
    int app = parts.length >= 2 ? parts.length - 2 : 0;
    for (int i = parts.length - 1; i > 0; i--) {
      if (parts[i].equals("models")) {
        app = i - 1;
        break;
      }
    }
    String appPackage = String.join(".", java.util.Arrays.copyOfRange(parts, 0, app + 1));
    for (Map.Entry<String, String> configured : labels.entrySet()) {
      if (appPackage.equals(configured.getKey())
          || appPackage.endsWith("." + configured.getKey())) {
        return configured.getValue();
      }
    }
    return parts[app];
  }
}
