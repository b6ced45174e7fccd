package dev.kiln.processor.parse;

/**
 * Thrown when an entity mentions a type that does not exist yet (one another processor will
 * generate in a later round); the entity is parsed again next round instead of being reported.
 */
public final class Deferral extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** {@code typeName}: the missing type, as the source names it, for the final report. */
  public Deferral(String typeName) {
    super(typeName, null, false, false);
  }

  /** The missing type, as the source names it. */
  public String typeName() {
    return getMessage();
  }
}
