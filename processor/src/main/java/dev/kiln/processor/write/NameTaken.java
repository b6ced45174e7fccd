package dev.kiln.processor.write;

/**
 * Thrown when a type Kiln would generate already exists in the compilation: written by hand, or
 * generated for another entity of the same simple name in the same package. javac's
 * {@code Filer} refuses to create it a second time.
 */
public final class NameTaken extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** {@code typeName}: the qualified name of the type that could not be generated. */
  NameTaken(String typeName, Throwable cause) {
    super(typeName, cause, false, false);
  }

  /** The qualified name of the type that could not be generated. */
  public String typeName() {
    return getMessage();
  }
}
