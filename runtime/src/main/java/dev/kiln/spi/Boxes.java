package dev.kiln.spi;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Boxes the JIT can leave unmade. {@code Long.valueOf} returns a cached {@code Long} for small
 * values, and C2 on JDK 17 cannot drop an object that merges with a cached one, so every key
 * read for a record's {@code long} parameter was allocated only to be unwrapped at once. A plain
 * allocation that is only unwrapped, it drops. The constructors that make one are deprecated
 * for removal, so each is found once as a method handle (a constant the JIT inlines), and
 * {@code valueOf} stands in on a JDK that no longer has it. Where the box is kept (a list of
 * {@code Long}s) this costs an allocation for values {@code valueOf} would have shared: keep it
 * to values headed for a primitive.
 */
final class Boxes {

  private static final MethodHandle NEW_LONG = boxing(Long.class, long.class);
  private static final MethodHandle NEW_INTEGER = boxing(Integer.class, int.class);

  private Boxes() {}

  /** {@code value} boxed as a new {@code Long}. */
  static Long box(long value) {
    try {
      return (Long) NEW_LONG.invokeExact(value);
    } catch (Throwable e) {
      throw new IllegalStateException("cannot box " + value, e); // neither way throws
    }
  }

  /** {@code value} boxed as a new {@code Integer}. */
  static Integer box(int value) {
    try {
      return (Integer) NEW_INTEGER.invokeExact(value);
    } catch (Throwable e) {
      throw new IllegalStateException("cannot box " + value, e); // neither way throws
    }
  }

  /** {@code box}'s constructor taking a {@code primitive}, or its {@code valueOf}. */
  private static MethodHandle boxing(Class<?> box, Class<?> primitive) {
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    try {
      return lookup.findConstructor(box, MethodType.methodType(void.class, primitive));
    } catch (NoSuchMethodException | IllegalAccessException gone) {
      try {
        return lookup.findStatic(box, "valueOf", MethodType.methodType(box, primitive));
      } catch (NoSuchMethodException | IllegalAccessException e) {
        throw new ExceptionInInitializerError(e);
      }
    }
  }
}
