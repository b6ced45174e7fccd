package dev.kiln;

/**
 * A transaction was rolled back because it conflicted with a concurrent one: PostgreSQL found
 * that it could not be serialised with another ({@code SQLSTATE 40001}) or that the two waited
 * for each other ({@code 40P01}, a deadlock). Nothing of the transaction was kept, and running the
 * same work again, from its start, is safe and will usually succeed.
 */
public class TransactionConflictException extends KilnException {

  private static final long serialVersionUID = 1L;

  /** A conflict described by {@code message}, reported by the engine as {@code cause}. */
  public TransactionConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
