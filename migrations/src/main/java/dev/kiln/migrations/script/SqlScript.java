package dev.kiln.migrations.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a migration file into its statements, the way SQLite's {@code sqlite3_complete()} decides
 * where a statement ends: at a semicolon outside quotes and comments, except inside
 * {@code CREATE TRIGGER}, whose body ends only at {@code ; END ;}. PostgreSQL's dollar quotes
 * ({@code $$ … $$}, {@code $body$ … $body$}), in which functions and {@code DO} blocks carry
 * their semicolons, are quotes too.
 *
 * <p>Running the statements one by one, rather than handing the whole file to the driver, lets an
 * error name the statement and line that failed, and lets the runner refuse transaction control
 * that would break the migration's own transaction.
 */
public final class SqlScript {

  /**
   * One statement of a script.
   *
   * @param sql the statement without its terminating semicolon, comments before it removed
   * @param line the line of the script on which it starts, from 1
   */
  public record Statement(String sql, int line) {

    /** The first word, upper case: {@code CREATE}, {@code INSERT}, {@code PRAGMA}… */
    public String keyword() {
      return words(sql, 1).stream().findFirst().orElse("");
    }
  }

  private SqlScript() {}

  /** The statements of {@code script}, in order; comments and blank text between them dropped. */
  public static List<Statement> split(String script) {
    return new Splitter(script).run();
  }

  /** The first {@code n} words of {@code sql}, upper case, skipping comments. */
  static List<String> words(String sql, int n) {
    List<String> words = new ArrayList<>();
    int i = 0;
    while (i < sql.length() && words.size() < n) {
      char c = sql.charAt(i);
      if (c == '-' && sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? sql.length() : end + 1;
      } else if (c == '/' && sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? sql.length() : end + 2;
      } else if (isWordChar(c)) {
        int start = i;
        while (i < sql.length() && isWordChar(sql.charAt(i))) {
          i++;
        }
        words.add(sql.substring(start, i).toUpperCase(Locale.ROOT));
      } else if (Character.isWhitespace(c)) {
        i++;
      } else {
        break;
      }
    }
    return words;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  /** One pass over the script; a small state machine over quotes, comments and trigger bodies. */
  private static final class Splitter {

    private final String text;
    private final List<Statement> statements = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private int line = 1;
    private int startLine = -1;
    /** The last two significant tokens: a word upper-cased, or ";". */
    private String previous = "";
    private String beforePrevious = "";
    /** Whether the current statement has had the word BEGIN outside quotes. */
    private boolean begun;

    Splitter(String text) {
      this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    List<Statement> run() {
      int i = 0;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (c == '-' && text.startsWith("--", i)) {
          int end = text.indexOf('\n', i);
          i = skipComment(i, end < 0 ? text.length() : end);
        } else if (c == '/' && text.startsWith("/*", i)) {
          int end = text.indexOf("*/", i + 2);
          i = skipComment(i, end < 0 ? text.length() : end + 2);
        } else if (c == '\'' || c == '"' || c == '`') {
          i = quoted(i, c);
        } else if (c == '[') {
          i = quoted(i, ']');
        } else if (c == '$' && dollarTag(i) != null) {
          i = dollarQuoted(i, dollarTag(i));
        } else if (c == ';') {
          i = semicolon(i);
        } else if (isWordChar(c)) {
          int start = i;
          while (i < text.length() && isWordChar(text.charAt(i))) {
            i++;
          }
          token(text.substring(start, i).toUpperCase(Locale.ROOT));
          append(start, i);
        } else if (Character.isWhitespace(c)) {
          if (startLine >= 0) {
            append(i, i + 1);
          } else {
            countLines(i, i + 1);
          }
          i++;
        } else {
          token(String.valueOf(c));
          append(i, i + 1);
          i++;
        }
      }
      finish();
      return statements;
    }

    /** Comments inside a statement are kept (they may be hints); those between are dropped. */
    private int skipComment(int start, int end) {
      if (startLine >= 0) {
        append(start, end);
      } else {
        countLines(start, end);
      }
      return end;
    }

    private int quoted(int start, char close) {
      int i = start + 1;
      while (i < text.length()) {
        if (text.charAt(i) == close) {
          // A doubled quote is an escaped quote, not the end.
          if (close != ']' && i + 1 < text.length() && text.charAt(i + 1) == close) {
            i += 2;
            continue;
          }
          i++;
          break;
        }
        i++;
      }
      token("'");
      append(start, i);
      return i;
    }

    /**
     * The opening tag of a dollar quote at {@code start} ({@code $$} or {@code $name$}), or null:
     * {@code $1} is a parameter, not a quote.
     */
    private String dollarTag(int start) {
      int i = start + 1;
      while (i < text.length() && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '_'
          || (i > start + 1 && Character.isDigit(text.charAt(i))))) {
        i++;
      }
      return i < text.length() && text.charAt(i) == '$' ? text.substring(start, i + 1) : null;
    }

    /** A dollar-quoted string: everything up to the same tag, which nothing inside escapes. */
    private int dollarQuoted(int start, String tag) {
      int close = text.indexOf(tag, start + tag.length());
      int end = close < 0 ? text.length() : close + tag.length();
      token("'");
      append(start, end);
      return end;
    }

    private int semicolon(int i) {
      // SQLite's trigger bodies are BEGIN … END; PostgreSQL's CREATE TRIGGER has none.
      boolean inTrigger = begun && isTrigger();
      boolean endsTrigger = "END".equals(previous) && ";".equals(beforePrevious);
      token(";");
      if (inTrigger && !endsTrigger) {
        append(i, i + 1);
        return i + 1;
      }
      countLines(i, i + 1);
      finish();
      return i + 1;
    }

    private boolean isTrigger() {
      List<String> first = words(current.toString(), 3);
      return first.size() >= 2 && first.get(0).equals("CREATE")
          && (first.get(1).equals("TRIGGER") || (first.size() == 3
              && (first.get(1).equals("TEMP") || first.get(1).equals("TEMPORARY"))
              && first.get(2).equals("TRIGGER")));
    }

    private void token(String token) {
      begun |= token.equals("BEGIN");
      beforePrevious = previous;
      previous = token;
    }

    private void append(int start, int end) {
      if (startLine < 0) {
        startLine = line;
      }
      current.append(text, start, end);
      countLines(start, end);
    }

    private void countLines(int start, int end) {
      for (int i = start; i < end; i++) {
        if (text.charAt(i) == '\n') {
          line++;
        }
      }
    }

    private void finish() {
      begun = false;
      String sql = current.toString().strip();
      if (!sql.isEmpty()) {
        statements.add(new Statement(sql, startLine));
      }
      current.setLength(0);
      startLine = -1;
      previous = "";
      beforePrevious = "";
    }
  }
}
