package dev.kiln.migrations.dialect.postgresql;

import dev.kiln.migrations.schema.Column;
import dev.kiln.migrations.schema.ForeignKey;
import dev.kiln.migrations.schema.Index;
import dev.kiln.migrations.schema.LogicalType;
import dev.kiln.migrations.schema.Schema;
import dev.kiln.migrations.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema the PostgreSQL migrations produce, as text: the build writes it beside them
 * ({@code postgresql/schema.snapshot}) and reads it to write the next one. The build has no
 * PostgreSQL server to replay the migrations on, as it replays SQLite's, and SQLite's schema
 * cannot tell a {@code timestamptz} from a {@code text}: both are {@code TEXT} there.
 *
 * <pre>
 * version 3
 * table "author" key ("id")
 *   column "id" BIGINT not-null
 *   column "rating" INTEGER not-null default 0
 *   index "ux_author_email" unique ("email")
 *   index "ix_review_good" ("book_id") where stars &gt;= 4
 *   foreign-key ("author_id") references "author" ("id") on-delete CASCADE on-update NO ACTION
 * </pre>
 *
 * <p>Identifiers are quoted as in SQL; a default or a condition runs to the end of its line,
 * with {@code \n} and {@code \\} for a line break and a backslash.
 *
 * @param version the migration version the schema is the result of
 * @param schema the schema
 */
public record SchemaSnapshot(int version, Schema schema) {

  /** The file's name in the PostgreSQL migrations folder. */
  public static final String FILE = "schema.snapshot";

  /** The text of the snapshot. */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("# The schema Kiln's PostgreSQL migrations produce, written by the build after each"
        + " migration it writes.\n# Commit it with them; the next migration is written from it."
        + " Do not edit it.\n");
    out.append("version ").append(version).append('\n');
    for (Table t : schema.tables()) {
      out.append("table ").append(q(t.name())).append(" key ").append(list(t.primaryKey()))
          .append('\n');
      for (Column c : t.columns()) {
        out.append("  column ").append(q(c.name())).append(' ').append(c.logical().name())
            .append(c.notNull() ? " not-null" : " null");
        if (c.defaultValue() != null) {
          out.append(" default ").append(escape(c.defaultValue()));
        }
        out.append('\n');
      }
      for (Index i : t.indexes()) {
        out.append("  index ").append(q(i.name())).append(i.unique() ? " unique " : " ")
            .append(list(i.columns()));
        if (i.modifiers().stream().anyMatch(m -> !m.isEmpty())) {
          out.append(" order ").append(list(i.modifiers().stream()
              .map(m -> m.isEmpty() ? "ASC" : m).toList()));
        }
        if (i.where() != null) {
          out.append(" where ").append(escape(i.where()));
        }
        out.append('\n');
      }
      for (ForeignKey fk : t.foreignKeys()) {
        out.append("  foreign-key ").append(list(fk.columns())).append(" references ")
            .append(q(fk.targetTable())).append(' ').append(list(fk.targetColumns()))
            .append(" on-delete ").append(fk.onDelete()).append(" on-update ")
            .append(fk.onUpdate()).append('\n');
      }
    }
    return out.toString();
  }

  /**
   * Reads a snapshot.
   *
   * @throws IllegalArgumentException naming the line that does not read
   */
  public static SchemaSnapshot parse(String text) {
    int version = -1;
    List<Table> tables = new ArrayList<>();
    Builder table = null;
    int number = 0;
    for (String line : text.split("\n")) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Reader r = new Reader(line.strip(), number);
      String word = r.word();
      switch (word) {
        case "version" -> version = Integer.parseInt(r.word());
        case "table" -> {
          if (table != null) {
            tables.add(table.build());
          }
          String name = r.identifier();
          r.expect("key");
          table = new Builder(name, r.list());
        }
        case "column" -> {
          String name = r.identifier();
          LogicalType type = LogicalType.valueOf(r.word());
          boolean notNull = r.word().equals("not-null");
          String dflt = r.rest("default");
          r.requireTable(table).columns.add(
              new Column(name, type.sqliteType(), notNull, dflt, type));
        }
        case "index" -> {
          String name = r.identifier();
          boolean unique = r.peek("unique");
          List<String> columns = r.list();
          List<String> modifiers = r.peek("order")
              ? r.list().stream().map(m -> m.equals("ASC") ? "" : m).toList() : null;
          String where = r.rest("where");
          Builder owner = r.requireTable(table);
          owner.indexes.add(new Index(name, owner.name, columns, unique, where, modifiers));
        }
        case "foreign-key" -> {
          List<String> columns = r.list();
          r.expect("references");
          String target = r.identifier();
          List<String> targetColumns = r.list();
          r.expect("on-delete");
          String onDelete = r.until("on-update");
          String onUpdate = r.remainder();
          r.requireTable(table).foreignKeys.add(
              new ForeignKey(columns, target, targetColumns, onDelete, onUpdate));
        }
        default -> throw r.error("unknown line");
      }
    }
    if (table != null) {
      tables.add(table.build());
    }
    if (version < 0) {
      throw new IllegalArgumentException("the snapshot has no version line");
    }
    return new SchemaSnapshot(version, new Schema(tables));
  }

  private static String q(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  private static String list(List<String> identifiers) {
    return "(" + String.join(", ", identifiers.stream().map(SchemaSnapshot::q).toList()) + ")";
  }

  private static String escape(String sql) {
    return sql.replace("\\", "\\\\").replace("\n", "\\n");
  }

  private static String unescape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        out.append(next == 'n' ? '\n' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static final class Builder {
    final String name;
    final List<String> key;
    final List<Column> columns = new ArrayList<>();
    final List<Index> indexes = new ArrayList<>();
    final List<ForeignKey> foreignKeys = new ArrayList<>();

    Builder(String name, List<String> key) {
      this.name = name;
      this.key = key;
    }

    Table build() {
      return new Table(name, columns, key, true, indexes, foreignKeys);
    }
  }

  /** Reads one line, token by token. */
  private static final class Reader {
    private final String line;
    private final int number;
    private int at;

    Reader(String line, int number) {
      this.line = line;
      this.number = number;
    }

    IllegalArgumentException error(String problem) {
      return new IllegalArgumentException(FILE + ", line " + number + ": " + problem + ": "
          + line);
    }

    private void skipSpaces() {
      while (at < line.length() && line.charAt(at) == ' ') {
        at++;
      }
    }

    String word() {
      skipSpaces();
      int start = at;
      while (at < line.length() && line.charAt(at) != ' ') {
        at++;
      }
      if (start == at) {
        throw error("a word is missing");
      }
      return line.substring(start, at);
    }

    void expect(String word) {
      if (!word().equals(word)) {
        throw error("'" + word + "' expected");
      }
    }

    boolean peek(String word) {
      skipSpaces();
      if (line.startsWith(word + " ", at)) {
        at += word.length() + 1;
        return true;
      }
      return false;
    }

    String identifier() {
      skipSpaces();
      if (at >= line.length() || line.charAt(at) != '"') {
        throw error("a quoted name expected");
      }
      StringBuilder name = new StringBuilder();
      at++;
      while (at < line.length()) {
        char c = line.charAt(at++);
        if (c == '"') {
          if (at < line.length() && line.charAt(at) == '"') {
            name.append('"');
            at++;
          } else {
            return name.toString();
          }
        } else {
          name.append(c);
        }
      }
      throw error("an unclosed quoted name");
    }

    List<String> list() {
      skipSpaces();
      if (at >= line.length() || line.charAt(at) != '(') {
        throw error("a list of names expected");
      }
      at++;
      List<String> names = new ArrayList<>();
      while (true) {
        names.add(identifier());
        skipSpaces();
        char c = at < line.length() ? line.charAt(at++) : ')';
        if (c == ')') {
          return names;
        }
        if (c != ',') {
          throw error("',' or ')' expected");
        }
      }
    }

    /** The rest of the line after {@code keyword}, unescaped, or null when it is not next. */
    String rest(String keyword) {
      skipSpaces();
      if (!line.startsWith(keyword + " ", at)) {
        return null;
      }
      at += keyword.length() + 1;
      return unescape(remainder());
    }

    String until(String keyword) {
      skipSpaces();
      int end = line.indexOf(" " + keyword + " ", at);
      if (end < 0) {
        throw error("'" + keyword + "' expected");
      }
      String text = line.substring(at, end);
      at = end + keyword.length() + 2;
      return text;
    }

    String remainder() {
      skipSpaces();
      String text = line.substring(at);
      at = line.length();
      return text;
    }

    Builder requireTable(Builder table) {
      if (table == null) {
        throw error("a table line must come first");
      }
      return table;
    }
  }
}
