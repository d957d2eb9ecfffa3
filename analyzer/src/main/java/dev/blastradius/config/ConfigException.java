package dev.blastradius.config;

/** A configuration file we cannot accept; the message names the file and line. Exit code 2. */
public final class ConfigException extends Exception {

  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
