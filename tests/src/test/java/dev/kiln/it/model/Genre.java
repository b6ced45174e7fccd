package dev.kiln.it.model;

/** An enum stored by name. */
public enum Genre {
  NOVEL,
  POETRY,
  ESSAY
}
