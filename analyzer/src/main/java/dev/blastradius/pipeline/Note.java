package dev.blastradius.pipeline;

/** Something a user should know about how the analysis was done (an assumption, a skip). */
public record Note(String path, String message) implements Comparable<Note> {

  @Override
  public int compareTo(Note other) {
    int byPath = path.compareTo(other.path);
    return byPath != 0 ? byPath : message.compareTo(other.message);
  }
}
