package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.Database;
import dev.kiln.it.dao.NoteSearches;
import dev.kiln.it.dao.NoteSearches_Impl;
import dev.kiln.it.model.Note;
import dev.kiln.it.model.NoteRepository;
import dev.kiln.it.model.Note_;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text search means what Java's {@code String} methods mean: {@code contains},
 * {@code startsWith} and {@code endsWith} are exact and case-sensitive, see a NUL character and
 * what follows it, and take {@code %}, {@code _}, {@code *}, {@code ?} and {@code [} literally —
 * through the typed query and through derived finders alike, checked against Java on a corpus of
 * texts and searches — among them the edges of the index range a {@code startsWith} seeks: the
 * empty prefix, the last code point before the surrogates, and U+10FFFF. {@code IgnoreCase} folds
 * ASCII letters (SQLite's {@code lower()}), and a {@code LIKE} pattern is case-sensitive, as
 * PostgreSQL's is.
 */
@Tag("engines")
class TextSearchTest {

  private static final List<String> TEXTS = storable(List.of("abc", "ABC", "a\u0000b", "b\u0000",
      "x%y", "x_y", "xay", "é", "Élan", "élan", "", "b", "aab", "ab*c", "[x]", "a?c", "日本語",
      "emoji 😀 end", "tail \\", "\uD7FFz", "\uE000", "\uDBFF\uDFFF", "\uDBFF\uDFFFa",
      "a\uDBFF\uDFFF", "ac"));
  private static final List<String> SEARCHES = storable(List.of("b", "B", "\u0000", "\u0000b",
      "%", "_", "", "ab", "*", "[", "?", "c", "é", "本", "😀 end", "\\", "ABC", "abc", "\uD7FF",
      "\uDBFF\uDFFF", "a\uDBFF\uDFFF", "a"));

  /**
   * The texts the engine stores: PostgreSQL text cannot hold NUL, which Kiln refuses there
   * ({@code PostgresEngineTest}); every other text is searched the same on both engines.
   */
  private static List<String> storable(List<String> texts) {
    return TestDatabase.postgres()
        ? texts.stream().filter(t -> t.indexOf('\u0000') < 0).toList() : texts;
  }

  @TempDir Path dir;
  Database db;
  NoteRepository notes;
  NoteSearches searches;

  @BeforeEach
  void open() {
    db = TestDatabase.open(dir);
    notes = new NoteRepository(db);
    searches = new NoteSearches_Impl(db);
    List<Note> all = new ArrayList<>();
    for (int i = 0; i < TEXTS.size(); i++) {
      all.add(new Note(i + 1, TEXTS.get(i)));
    }
    notes.insertAll(all);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void containsStartsWithAndEndsWithAgreeWithJava() {
    for (String search : SEARCHES) {
      check("contains", search, String::contains,
          s -> notes.query().where(Note_.BODY.contains(s)).list(),
          searches::findByBodyContaining);
      check("startsWith", search, String::startsWith,
          s -> notes.query().where(Note_.BODY.startsWith(s)).list(),
          searches::findByBodyStartingWith);
      check("endsWith", search, String::endsWith,
          s -> notes.query().where(Note_.BODY.endsWith(s)).list(),
          searches::findByBodyEndingWith);
    }
  }

  @Test
  void ignoreCaseFoldsAsciiLetters() {
    for (String search : SEARCHES) {
      check("containsIgnoreCase", search, (text, s) -> ascii(text).contains(ascii(s)),
          null, searches::findByBodyContainingIgnoreCase);
      check("endsWithIgnoreCase", search, (text, s) -> ascii(text).endsWith(ascii(s)),
          null, searches::findByBodyEndingWithIgnoreCase);
    }
    // Not the other letters: SQLite's lower() folds ASCII only.
    assertEquals(List.of("élan"), bodies(searches.findByBodyContainingIgnoreCase("élan")));
  }

  @Test
  void likePatternsAreCaseSensitiveWithLiteralGlobCharacters() {
    // A pattern sees a text up to its first NUL: "a\0b" does not match, "b\0" does.
    assertEquals(storable(List.of("abc", "b\u0000", "b", "aab", "ab*c")),
        bodies(notes.query().where(Note_.BODY.like("%b%")).list()));
    assertEquals(List.of("x%y"), bodies(searches.findByBodyLike("x\\%y")));
    assertEquals(List.of("x%y", "x_y", "xay"), bodies(searches.findByBodyLike("x_y")));
    assertEquals(List.of("ab*c"), bodies(searches.findByBodyLike("ab*c")));
    assertEquals(List.of("[x]"), bodies(searches.findByBodyLike("[%")));
    assertEquals(List.of("a?c"), bodies(searches.findByBodyLike("a?c")));
    assertEquals(List.of("ABC"), bodies(searches.findByBodyLike("A%")));
    assertEquals(TEXTS.size() - 1, searches.findByBodyNotLike("A%").size());
  }

  private void check(String operation, String search, BiPredicate<String, String> java,
      Function<String, List<Note>> typed, Function<String, List<Note>> derived) {
    // typed is null where the typed query has no such operation (IgnoreCase)
    List<String> expected = TEXTS.stream().filter(text -> java.test(text, search)).toList();
    String what = operation + "(" + visible(search) + ")";
    if (typed != null) {
      assertEquals(visible(expected), visible(bodies(typed.apply(search))), what + ", typed");
    }
    assertEquals(visible(expected), visible(bodies(derived.apply(search))), what + ", derived");
  }

  private static String ascii(String text) {
    StringBuilder folded = new StringBuilder();
    text.chars().forEach(c -> folded.append(c < 128 ? Character.toLowerCase((char) c) : (char) c));
    return folded.toString();
  }

  private static List<String> bodies(List<Note> found) {
    return found.stream().sorted(java.util.Comparator.comparingLong(Note::id))
        .map(Note::body).toList();
  }

  private static List<String> visible(List<String> texts) {
    return texts.stream().map(TextSearchTest::visible).toList();
  }

  private static String visible(String text) {
    return text.replace("\u0000", "<NUL>");
  }
}
