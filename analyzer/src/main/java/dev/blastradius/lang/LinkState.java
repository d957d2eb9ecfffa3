package dev.blastradius.lang;

/**
 * What a frontend keeps about a file between reading it and linking all files of its language:
 * declarations other files refer to (entities, repositories, constants) and uses that need them.
 */
public interface LinkState {}
