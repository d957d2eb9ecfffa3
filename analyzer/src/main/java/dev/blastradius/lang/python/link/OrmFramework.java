package dev.blastradius.lang.python.link;

/** An ORM's models and what it adds to the meaning of names, one per framework. */
public interface OrmFramework extends ModelRegistry, ValueHooks {}
