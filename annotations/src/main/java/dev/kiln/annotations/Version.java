package dev.kiln.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code long} or {@code int} property as the optimistic-locking counter; at most one
 * per entity.
 *
 * <p>The repository's {@code update} only changes the row if its stored version still equals the
 * entity's, and bumps it by one in the same statement; it returns the entity with the new
 * version. If another writer got there first the row does not match, and {@code update} throws
 * an optimistic-lock {@code KilnException} instead of overwriting that writer's change. Keep using
 * the entity {@code update} returns, since the one passed in now carries a stale version.
 *
 * <pre>{@code
 * @Table
 * public record Account(@Id long id, BigDecimal balance, @Version long version) {}
 *
 * Account a = accounts.findById(7).orElseThrow();
 * a = accounts.update(new Account(a.id(), a.balance().add(amount), a.version()));
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Version {}
