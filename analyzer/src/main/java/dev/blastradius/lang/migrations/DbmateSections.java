package dev.blastradius.lang.migrations;

/**
 * dbmate's file format: {@code -- migrate:up} starts the statements that apply, {@code --
 * migrate:down} the rollback. The down section is blanked out line by line, so line numbers of the
 * up section stay exact.
 */
public final class DbmateSections {

  private static final String UP = "-- migrate:up";
  private static final String DOWN = "-- migrate:down";

  private DbmateSections() {}

  /** True when the text has dbmate section markers. */
  public static boolean isDbmate(String text) {
    for (String line : text.split("\n", -1)) {
      if (line.strip().startsWith(UP)) {
        return true;
      }
    }
    return false;
  }

  /** True when the up marker says {@code transaction:false}. */
  public static boolean upMarkerDisablesTransaction(String text) {
    for (String line : text.split("\n", -1)) {
      String marker = line.strip();
      if (marker.startsWith(UP)) {
        return marker.substring(UP.length()).replace(" ", "").contains("transaction:false");
      }
    }
    return false;
  }

  /** The text with everything outside the up section replaced by empty lines. */
  public static String upSection(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean up = false;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String marker = lines[i].strip();
      if (marker.startsWith(UP)) {
        up = true;
      } else if (marker.startsWith(DOWN)) {
        up = false;
      } else if (up) {
        out.append(lines[i]);
      }
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }
}
