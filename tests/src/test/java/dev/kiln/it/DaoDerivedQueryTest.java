package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Database;
import dev.kiln.KilnException;
import dev.kiln.it.dao.CustomerCounts;
import dev.kiln.it.dao.CustomerCounts_Impl;
import dev.kiln.it.dao.GadgetQueries;
import dev.kiln.it.dao.GadgetQueries_Impl;
import dev.kiln.it.model.Gadget;
import dev.kiln.it.model.GadgetRepository;
import dev.kiln.it.model.Genre;
import dev.kiln.it.model.Money;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Derived {@code @Dao} finders on a real database file: every operator of the name grammar
 * (with {@code IgnoreCase} on text, decimals compared as numbers and date-time values
 * chronologically, as typed queries compare them), {@code And} binding tighter than {@code Or},
 * multi-property {@code OrderBy}, {@code findFirst}/{@code findTop<N>}, and each return type:
 * an entity (null when absent), {@code Optional}, {@code List}, a closed {@code Stream},
 * {@code long}/{@code int} counts, {@code exists}, and {@code deleteBy} returning
 * {@code int}/{@code long}/{@code void}. A derived method refuses a null argument, naming it, and a
 * single-row finder that meets two rows fails instead of picking one. A subject such as
 * {@code countCustomersBy…} names the entity whose properties the name fits when two entities
 * share that simple name.
 *
 * <p>The five gadgets are chosen so that each wrong reading gives a different answer: prices
 * whose text order differs from their numeric order ({@code "10" < "100.25" < "2.75" < "9.5"}),
 * instants whose fractions differ in length, offset date-times whose local text order differs from
 * the order of their instants, and names with the {@code LIKE} wildcards {@code _} and {@code %}.
 */
@Tag("engines")
class DaoDerivedQueryTest {

  private static final Instant T0 = Instant.parse("2024-01-01T10:00:00Z");

  @TempDir Path dir;
  Database db;
  GadgetQueries gadgets;

  @BeforeEach
  void open() {
    db = TestDatabase.open(Database.builder(dir.resolve("gadgets.db")).readPoolSize(1));
    gadgets = new GadgetQueries_Impl(db);
    new GadgetRepository(db).insertAll(List.of(
        new Gadget(1, "Anvil", "a@x.org", "anvil", true, 5, new BigDecimal("9.5"), Genre.NOVEL,
            T0, LocalDate.parse("2023-12-31"),
            OffsetDateTime.parse("2024-03-01T10:00:00+02:00")), // 08:00Z
        new Gadget(2, "bellows", "shared@x.org", null, true, 12, new BigDecimal("10"),
            Genre.POETRY, Instant.parse("2024-01-01T10:00:00.5Z"), LocalDate.parse("2024-01-15"),
            OffsetDateTime.parse("2024-03-01T09:00:00Z")),
        new Gadget(3, "Chisel", "shared@x.org", "chip", false, 0, new BigDecimal("100.25"),
            Genre.ESSAY, Instant.parse("2023-12-31T23:59:59.999999999Z"),
            LocalDate.parse("2024-01-15"), null),
        new Gadget(4, "Drill_50%", "d@x.org", null, true, 30, new BigDecimal("10.00"),
            Genre.NOVEL, Instant.parse("2024-06-01T00:00:00Z"), LocalDate.parse("2024-05-30"),
            OffsetDateTime.parse("2024-02-29T23:30:00-05:00")), // 2024-03-01T04:30Z
        new Gadget(5, "Elbow", "e@x.org", "el", false, 12, new BigDecimal("2.75"), Genre.POETRY,
            Instant.parse("2024-01-01T10:00:00.05Z"), LocalDate.parse("2021-01-01"),
            OffsetDateTime.parse("2024-03-01T08:00:00Z"))));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static List<Long> ids(List<Gadget> rows) {
    return rows.stream().map(Gadget::id).toList();
  }

  // ---- return types -----------------------------------------------------------------------------

  @Test
  void anEntityReturnIsTheRowOrNull() {
    Gadget anvil = gadgets.findByName("Anvil");
    assertEquals(1, anvil.id());
    assertEquals(new BigDecimal("9.5"), anvil.price());
    assertEquals(OffsetDateTime.parse("2024-03-01T10:00:00+02:00"), anvil.shippedAt());
    assertNull(gadgets.findByName("anvil"), "equality on text is exact without IgnoreCase");
    assertNull(gadgets.findByName("Hammer"));
  }

  @Test
  void optionalIsTheRowOrEmpty() {
    assertEquals(1, gadgets.findByEmail("a@x.org").orElseThrow().id());
    assertTrue(gadgets.findByEmail("nobody@x.org").isEmpty());
  }

  @Test
  void aSingleRowFinderMeetingTwoRowsFails() {
    KilnException e = assertThrows(KilnException.class,
        () -> gadgets.findByEmail("shared@x.org"));
    assertTrue(e.getMessage().contains("findByEmail"), e.getMessage());
    assertTrue(e.getMessage().contains("more than one row"), e.getMessage());
  }

  @Test
  void listHoldsEveryMatchInKeyOrder() {
    assertEquals(List.of(2L, 5L), ids(gadgets.findByGenre(Genre.POETRY)));
    assertEquals(List.of(3L), ids(gadgets.findByGenre(Genre.ESSAY)));
  }

  @Test
  void streamReturnsTheRowsAndReleasesItsReaderWhenClosed() {
    // One reader in the pool: a stream that kept it after close would starve the next read.
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      for (int i = 0; i < 3; i++) {
        try (Stream<Gadget> rows = gadgets.findByStockGreaterThanEqual(12)) {
          assertEquals(List.of(2L, 4L, 5L), rows.map(Gadget::id).toList());
        }
        try (Stream<Gadget> rows = gadgets.findByStockGreaterThanEqual(0)) {
          assertEquals(1L, rows.findFirst().orElseThrow().id()); // closed half-read
        }
      }
      assertEquals(List.of(1L, 3L), ids(gadgets.findByStockLessThan(12)));
    });
  }

  @Test
  void findFirstAndTopTakeTheFirstRowsOfTheOrder() {
    // Active prices 9.5, 10, 10.00: the tie at 10 is broken by the key.
    assertEquals(2, gadgets.findFirstByActiveTrueOrderByPriceDesc().orElseThrow().id());
    assertEquals(List.of(2L, 4L, 1L), ids(gadgets.findTop3ByActiveTrueOrderByPriceDesc()));
    assertEquals(List.of(4L, 2L, 5L), ids(gadgets.findTop3ByOrderByStockDescIdAsc()));
    assertEquals(1, gadgets.findFirstByGenreOrderByAddedAtAsc(Genre.NOVEL).id());
    // 10:00:00.05 is before 10:00:00.5
    assertEquals(5, gadgets.findFirstByGenreOrderByAddedAtAsc(Genre.POETRY).id());
    gadgets.deleteByActiveFalse();
    assertNull(gadgets.findFirstByGenreOrderByAddedAtAsc(Genre.ESSAY));
  }

  @Test
  void countsReturnLongOrInt() {
    long active = gadgets.countByActiveTrue();
    int fewerThanTwelve = gadgets.countByStockLessThan(12);
    assertEquals(3L, active);
    assertEquals(2, fewerThanTwelve);
    assertEquals(2L, gadgets.countGadgetsByGenre(Genre.NOVEL));
    assertEquals(0, gadgets.countByStockLessThan(0));
  }

  @Test
  void existsSaysWhetherAnyRowMatches() {
    assertTrue(gadgets.existsByEmail("shared@x.org"));
    assertFalse(gadgets.existsByEmail("nobody@x.org"));
    assertEquals(Boolean.TRUE, gadgets.existsByNameIgnoreCase("CHISEL"));
    assertEquals(Boolean.FALSE, gadgets.existsByNameIgnoreCase("CHISELS"));
  }

  @Test
  void deletesReturnTheRowsDeletedAsIntOrLongOrNothing() {
    int fewerThanSix = gadgets.deleteByStockLessThan(6);
    assertEquals(2, fewerThanSix); // 1 and 3
    long inactive = gadgets.deleteByActiveFalse();
    assertEquals(1L, inactive); // 5; 3 is gone already
    assertEquals(0, gadgets.deleteByStockLessThan(6));
    gadgets.deleteByName("bellows");
    assertEquals(List.of(4L), ids(gadgets.findByStockGreaterThan(-1)));
  }

  @Test
  void aNullArgumentIsRefusedNamingTheParameter() {
    KilnException name = assertThrows(KilnException.class, () -> gadgets.findByName(null));
    assertTrue(name.getMessage().contains("GadgetQueries.findByName"), name.getMessage());
    assertTrue(name.getMessage().contains("parameter name "), name.getMessage());
    KilnException names = assertThrows(KilnException.class, () -> gadgets.findByNameIn(null));
    assertTrue(names.getMessage().contains("parameter names "), names.getMessage());
    KilnException to = assertThrows(KilnException.class,
        () -> gadgets.findByPriceBetween(BigDecimal.ONE, null));
    assertTrue(to.getMessage().contains("parameter to "), to.getMessage());
    KilnException deleted = assertThrows(KilnException.class, () -> gadgets.deleteByName(null));
    assertTrue(deleted.getMessage().contains("parameter name "), deleted.getMessage());
    assertEquals(5, gadgets.findByStockGreaterThan(-1).size(), "nothing was deleted");
  }

  @Test
  void aSubjectSharedByTwoEntitiesMeansTheOneWhosePropertiesTheNameFits() {
    var classCustomers = new dev.kiln.it.model.CustomerRepository(db);
    classCustomers.insert(new dev.kiln.it.model.Customer(0, "Ann", new Money(1, "EUR"), null));
    classCustomers.insert(new dev.kiln.it.model.Customer(0, "Ann", new Money(2, "EUR"), null));
    new dev.kiln.it.chinook.CustomerRepository(db).insert(new dev.kiln.it.chinook.Customer(1,
        "Ann", "Ng", null, "Norway", "ann@x.org", null, null, null));
    CustomerCounts counts = new CustomerCounts_Impl(db);
    assertEquals(2L, counts.countCustomersByName("Ann"));
    assertEquals(1L, counts.countCustomersByCountry("Norway"));
  }

  // ---- operators --------------------------------------------------------------------------------

  @Test
  void equalsIsAndNot() {
    assertEquals(List.of(2L), ids(gadgets.findByNameIs("bellows")));
    assertEquals(List.of(2L), ids(gadgets.findByNameEquals("bellows")));
    assertEquals(List.of(), ids(gadgets.findByNameEquals("Bellows")));
    assertEquals(List.of(2L, 3L, 4L, 5L), ids(gadgets.findByNameNot("Anvil")));
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ids(gadgets.findByNameNot("ANVIL")));
  }

  @Test
  void ignoreCaseOnText() {
    assertEquals(List.of(1L), ids(gadgets.findByNameIgnoreCase("aNVIL")));
    assertEquals(List.of(2L), ids(gadgets.findByNameIgnoreCase("BELLOWS")));
    assertEquals(List.of(2L, 3L, 4L, 5L), ids(gadgets.findByNameNotIgnoreCase("ANVIL")));
    assertEquals(List.of(2L), ids(gadgets.findByNameStartingWithIgnoreCase("BELL")));
    assertEquals(List.of(1L, 3L),
        ids(gadgets.findByNameInIgnoreCase(List.of("ANVIL", "chisel", "hammer"))));
    assertEquals(List.of(3L), ids(gadgets.findByNameIn(List.of("ANVIL", "Chisel"))),
        "without IgnoreCase, In is exact");
  }

  @Test
  void integerComparisons() {
    assertEquals(List.of(1L, 3L), ids(gadgets.findByStockLessThan(12)));
    assertEquals(List.of(1L, 2L, 3L, 5L), ids(gadgets.findByStockLessThanEqual(12)));
    assertEquals(List.of(4L), ids(gadgets.findByStockGreaterThan(12)));
    assertEquals(List.of(1L, 2L, 5L), ids(gadgets.findByStockBetween(5, 12)));
  }

  @Test
  void decimalsCompareAsNumbers() {
    assertEquals(List.of(1L, 5L), ids(gadgets.findByPriceLessThan(new BigDecimal("10"))));
    assertEquals(List.of(1L, 2L, 4L, 5L),
        ids(gadgets.findByPriceLessThanEqual(new BigDecimal("10.000"))));
    assertEquals(List.of(2L, 3L, 4L), ids(gadgets.findByPriceGreaterThan(new BigDecimal("9.99"))));
    assertEquals(List.of(2L, 3L, 4L),
        ids(gadgets.findByPriceGreaterThanEqual(new BigDecimal("1E+1"))));
    assertEquals(List.of(3L), ids(gadgets.findByPriceGreaterThan(new BigDecimal("10"))));
    assertEquals(List.of(1L, 2L, 4L, 5L),
        ids(gadgets.findByPriceBetween(new BigDecimal("2.75"), new BigDecimal("10"))));
    assertEquals(List.of(2L, 4L), ids(gadgets.findByPrice(new BigDecimal("10.0"))));
    assertEquals(new BigDecimal("10.00"), gadgets.findByPrice(new BigDecimal("10")).get(1).price(),
        "a decimal reads back with its own scale");
  }

  @Test
  void instantsCompareChronologically() {
    assertEquals(List.of(1L, 3L),
        ids(gadgets.findByAddedAtBefore(Instant.parse("2024-01-01T10:00:00.05Z"))));
    assertEquals(List.of(2L, 4L, 5L), ids(gadgets.findByAddedAtAfter(T0)));
    assertEquals(List.of(1L, 2L, 5L),
        ids(gadgets.findByAddedAtBetween(T0, Instant.parse("2024-01-01T10:00:00.5Z"))));
    assertEquals(List.of(3L), ids(gadgets.findByAddedAtBefore(T0)));
  }

  @Test
  void localDatesCompareChronologically() {
    assertEquals(List.of(1L, 5L), ids(gadgets.findByReleasedOnBefore(LocalDate.parse("2024-01-15"))));
    assertEquals(List.of(4L), ids(gadgets.findByReleasedOnAfter(LocalDate.parse("2024-01-15"))));
  }

  @Test
  void offsetDateTimesCompareByTheirInstant() {
    // Local text order would be 4 (23:30-05:00), 5 (08:00Z), 2 (09:00Z), 1 (10:00+02:00);
    // the instants are 4 (04:30Z), 1 and 5 (08:00Z), 2 (09:00Z).
    OffsetDateTime halfPastEight = OffsetDateTime.parse("2024-03-01T08:30:00Z");
    assertEquals(List.of(2L), ids(gadgets.findByShippedAtAfter(halfPastEight)));
    assertEquals(List.of(1L, 4L, 5L), ids(gadgets.findByShippedAtBefore(halfPastEight)));
    assertEquals(List.of(1L, 5L),
        ids(gadgets.findByShippedAt(OffsetDateTime.parse("2024-03-01T09:00:00+01:00"))));
    assertEquals(List.of(1L, 2L, 5L),
        ids(gadgets.findByShippedAtAfter(OffsetDateTime.parse("2024-02-29T23:30:00-05:00"))));
  }

  @Test
  void inMatchesAnyOfTheValuesAndNothingWhenEmpty() {
    assertEquals(List.of(1L, 3L), ids(gadgets.findByNameIn(List.of("Chisel", "Anvil", "Hammer"))));
    assertEquals(List.of(), ids(gadgets.findByNameIn(List.of())));
    assertEquals(List.of(2L, 3L, 5L), ids(gadgets.findByGenreIn(Set.of(Genre.POETRY,
        Genre.ESSAY))));
    assertEquals(List.of(), ids(gadgets.findByGenreIn(Set.of())));
    // decimals are in the list by value, whatever their scale
    assertEquals(List.of(2L, 4L, 5L),
        ids(gadgets.findByPriceIn(List.of(new BigDecimal("1E+1"), new BigDecimal("2.750")))));
    assertEquals(List.of(), ids(gadgets.findByPriceIn(List.of())));
  }

  @Test
  void notInExcludesTheValuesAndMatchesEveryRowWhenEmpty() {
    assertEquals(List.of(1L, 3L), ids(gadgets.findByStockNotIn(List.of(12, 30))));
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ids(gadgets.findByStockNotIn(List.of())));
    // An empty list excludes nothing, not even a row whose value is null...
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ids(gadgets.findByNicknameNotIn(List.of())));
    // ...while, as in SQL, a null is neither in nor not in a list that has values.
    assertEquals(List.of(1L, 5L), ids(gadgets.findByNicknameNotIn(List.of("chip"))));
  }

  @Test
  void isNullAndIsNotNull() {
    assertEquals(List.of(2L, 4L), ids(gadgets.findByNicknameIsNull()));
    assertEquals(List.of(1L, 3L, 5L), ids(gadgets.findByNicknameIsNotNull()));
  }

  @Test
  void likeAndNotLikeTakeAPattern() {
    // As PostgreSQL's LIKE and the typed queries' like(…), matching is case-sensitive.
    assertEquals(List.of(2L, 3L), ids(gadgets.findByNameLike("%el%")));
    assertEquals(List.of(5L), ids(gadgets.findByNameLike("%El%")));
    assertEquals(List.of(1L), ids(gadgets.findByNameLike("_n%")));
    assertEquals(List.of(4L), ids(gadgets.findByNameLike("%\\_50\\%")));
    assertEquals(List.of(1L, 4L, 5L), ids(gadgets.findByNameNotLike("%el%")));
  }

  @Test
  void startingEndingAndContainingMatchTheirArgumentLiterally() {
    assertEquals(List.of(4L), ids(gadgets.findByNameStartingWith("Drill_5")));
    assertEquals(List.of(), ids(gadgets.findByNameStartingWith("Dril_")), "_ is not a wildcard");
    assertEquals(List.of(), ids(gadgets.findByNameStartingWith("Drill_%0")), "% is not either");
    assertEquals(List.of(4L), ids(gadgets.findByNameEndingWith("50%")));
    assertEquals(List.of(4L), ids(gadgets.findByNameEndingWith("%")));
    assertEquals(List.of(2L), ids(gadgets.findByNameEndingWith("ows")));
    assertEquals(List.of(4L), ids(gadgets.findByNameContaining("_")));
    assertEquals(List.of(3L), ids(gadgets.findByNameContaining("ise")));
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ids(gadgets.findByNameContaining("")));
  }

  @Test
  void trueAndFalse() {
    assertEquals(List.of(1L, 2L, 4L), ids(gadgets.findByActiveTrue()));
    assertEquals(List.of(3L, 5L), ids(gadgets.findByActiveFalse()));
  }

  // ---- And/Or and ordering ----------------------------------------------------------------------

  @Test
  void andBindsTighterThanOr() {
    // (active AND stock > 10) OR name = 'Chisel': 2 and 4, and inactive 3 by name.
    // Read as active AND (stock > 10 OR name = 'Chisel') it would be 2 and 4 only.
    assertEquals(List.of(2L, 3L, 4L),
        ids(gadgets.findByActiveTrueAndStockGreaterThanOrName(10, "Chisel")));
    // name = 'Elbow' OR (active AND genre = NOVEL): inactive 5 by name, and 1 and 4.
    // Read as (name = 'Elbow' OR active) AND genre = NOVEL it would be 1 and 4 only.
    assertEquals(List.of(1L, 4L, 5L),
        ids(gadgets.findByNameOrActiveTrueAndGenre("Elbow", Genre.NOVEL)));
  }

  @Test
  void orderByTakesSeveralPropertiesEachAscOrDesc() {
    // NOVEL before POETRY (enum names as text); within NOVEL, 10.00 before 9.5 (numerically).
    assertEquals(List.of(4L, 1L, 2L), ids(gadgets.findByActiveTrueOrderByGenreAscPriceDesc()));
    // 2.75 < 9.5 < 10 = 10.00 < 100.25; the tie at 10 by name descending: bellows, Drill_50%.
    assertEquals(List.of(5L, 1L, 2L, 4L, 3L),
        ids(gadgets.findByStockGreaterThanOrderByPriceAscNameDesc(-1)));
    assertEquals(List.of(4L, 2L, 5L, 1L, 3L),
        ids(gadgets.findByStockGreaterThanOrderByAddedAtDesc(-1)));
    // 2 and 3 share a release date; the second term (no Asc/Desc: ascending) puts 3 (stock 0)
    // before 2 (stock 12).
    assertEquals(List.of(5L, 1L, 3L, 2L, 4L),
        ids(gadgets.findByStockGreaterThanOrderByReleasedOnAscStock(-1)));
  }
}
