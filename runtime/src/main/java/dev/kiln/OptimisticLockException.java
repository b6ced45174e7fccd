package dev.kiln;

/**
 * An update or delete of a {@code @Version}ed entity found that another writer changed or removed
 * the row since it was read. Reload the entity, apply the change again and retry.
 */
public class OptimisticLockException extends KilnException {

  private static final long serialVersionUID = 1L;

  public OptimisticLockException(String message) {
    super(message);
  }
}
