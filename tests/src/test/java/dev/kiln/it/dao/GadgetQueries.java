package dev.kiln.it.dao;

import dev.kiln.annotations.Dao;
import dev.kiln.it.model.Gadget;
import dev.kiln.it.model.Genre;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Derived finders over {@link Gadget}: one method per operator, return type and ordering form of
 * the derived-name grammar, each implemented by the processor from its name alone.
 */
@Dao
public interface GadgetQueries {

  // ---- return types ---------------------------------------------------------------------------

  /** An entity: null when no row matches. */
  Gadget findByName(String name);

  Optional<Gadget> findByEmail(String email);

  List<Gadget> findByGenre(Genre genre);

  Stream<Gadget> findByStockGreaterThanEqual(int min);

  Optional<Gadget> findFirstByActiveTrueOrderByPriceDesc();

  Gadget findFirstByGenreOrderByAddedAtAsc(Genre genre);

  List<Gadget> findTop3ByActiveTrueOrderByPriceDesc();

  List<Gadget> findTop3ByOrderByStockDescIdAsc();

  long countByActiveTrue();

  int countByStockLessThan(int max);

  long countGadgetsByGenre(Genre genre);

  boolean existsByEmail(String email);

  Boolean existsByNameIgnoreCase(String name);

  int deleteByStockLessThan(int max);

  long deleteByActiveFalse();

  void deleteByName(String name);

  // ---- operators ------------------------------------------------------------------------------

  List<Gadget> findByNameIs(String name);

  List<Gadget> findByNameEquals(String name);

  List<Gadget> findByNameNot(String name);

  List<Gadget> findByNameIgnoreCase(String name);

  List<Gadget> findByNameNotIgnoreCase(String name);

  List<Gadget> findByStockLessThan(int max);

  List<Gadget> findByStockLessThanEqual(int max);

  List<Gadget> findByStockGreaterThan(int min);

  List<Gadget> findByStockBetween(int from, int to);

  List<Gadget> findByPriceLessThan(BigDecimal max);

  List<Gadget> findByPriceLessThanEqual(BigDecimal max);

  List<Gadget> findByPriceGreaterThan(BigDecimal min);

  List<Gadget> findByPriceGreaterThanEqual(BigDecimal min);

  List<Gadget> findByPriceBetween(BigDecimal from, BigDecimal to);

  List<Gadget> findByPrice(BigDecimal price);

  List<Gadget> findByPriceIn(Collection<BigDecimal> prices);

  List<Gadget> findByAddedAtBefore(Instant instant);

  List<Gadget> findByAddedAtAfter(Instant instant);

  List<Gadget> findByAddedAtBetween(Instant from, Instant to);

  List<Gadget> findByReleasedOnBefore(LocalDate date);

  List<Gadget> findByReleasedOnAfter(LocalDate date);

  List<Gadget> findByShippedAtAfter(OffsetDateTime instant);

  List<Gadget> findByShippedAtBefore(OffsetDateTime instant);

  List<Gadget> findByShippedAt(OffsetDateTime instant);

  List<Gadget> findByNameIn(Collection<String> names);

  List<Gadget> findByNameInIgnoreCase(Collection<String> names);

  List<Gadget> findByGenreIn(Set<Genre> genres);

  List<Gadget> findByStockNotIn(List<Integer> stocks);

  List<Gadget> findByNicknameNotIn(Collection<String> nicknames);

  List<Gadget> findByNicknameIsNull();

  List<Gadget> findByNicknameIsNotNull();

  List<Gadget> findByNameLike(String pattern);

  List<Gadget> findByNameNotLike(String pattern);

  List<Gadget> findByNameStartingWith(String prefix);

  List<Gadget> findByNameStartingWithIgnoreCase(String prefix);

  List<Gadget> findByNameEndingWith(String suffix);

  List<Gadget> findByNameContaining(String part);

  List<Gadget> findByActiveTrue();

  List<Gadget> findByActiveFalse();

  // ---- And/Or and ordering --------------------------------------------------------------------

  /** {@code (active AND stock > min) OR name = name}: And binds tighter than Or. */
  List<Gadget> findByActiveTrueAndStockGreaterThanOrName(int min, String name);

  /** {@code name = a OR (active AND genre = g)}. */
  List<Gadget> findByNameOrActiveTrueAndGenre(String name, Genre genre);

  List<Gadget> findByActiveTrueOrderByGenreAscPriceDesc();

  List<Gadget> findByStockGreaterThanOrderByPriceAscNameDesc(int min);

  List<Gadget> findByStockGreaterThanOrderByAddedAtDesc(int min);

  List<Gadget> findByStockGreaterThanOrderByReleasedOnAscStock(int min);
}
