package dev.blastradius.pipeline;

import dev.blastradius.rules.Suppression;
import java.util.List;

/** Test access to the package-private suppression scanner. */
public final class SuppressionScanAccess {

  private SuppressionScanAccess() {}

  public static List<Suppression> scan(String path, String text) {
    return SuppressionScan.scan(path, text).suppressions();
  }
}
