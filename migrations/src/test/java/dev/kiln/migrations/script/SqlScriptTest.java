package dev.kiln.migrations.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Splitting scripts, naming and checksumming migrations. */
class SqlScriptTest {

  @Test
  void splitsAtSemicolonsOutsideQuotesAndComments() {
    List<SqlScript.Statement> statements = SqlScript.split("""
        -- a header comment; with a semicolon
        CREATE TABLE "a;b" (x TEXT DEFAULT ';');

        /* block; comment */
        INSERT INTO "a;b" VALUES ('it''s; here');
        INSERT INTO [a;b] VALUES (`x;`)""");
    assertEquals(3, statements.size());
    assertEquals("CREATE TABLE \"a;b\" (x TEXT DEFAULT ';')", statements.get(0).sql());
    assertEquals(2, statements.get(0).line());
    assertEquals("INSERT INTO \"a;b\" VALUES ('it''s; here')", statements.get(1).sql());
    assertEquals(5, statements.get(1).line());
    assertEquals("INSERT INTO [a;b] VALUES (`x;`)", statements.get(2).sql());
  }

  @Test
  void postgresDollarQuotesKeepTheirSemicolons() {
    List<SqlScript.Statement> statements = SqlScript.split("""
        CREATE FUNCTION touch() RETURNS trigger AS $$
        BEGIN
          NEW.updated := now(); -- a comment; with a semicolon
          RETURN NEW;
        END;
        $$ LANGUAGE plpgsql;
        DO $body$ BEGIN PERFORM 1; RAISE NOTICE '$$;'; END $body$;
        PREPARE p AS SELECT $1::int;
        SELECT 'a$$b'; SELECT x$y FROM t;
        CREATE TRIGGER t BEFORE UPDATE ON a FOR EACH ROW EXECUTE FUNCTION touch();
        SELECT 2;""");
    assertEquals(7, statements.size(), statements.toString());
    assertTrue(statements.get(0).sql().endsWith("$$ LANGUAGE plpgsql"), statements.get(0).sql());
    assertEquals(7, statements.get(1).line());
    assertEquals("DO $body$ BEGIN PERFORM 1; RAISE NOTICE '$$;'; END $body$",
        statements.get(1).sql());
    assertEquals("PREPARE p AS SELECT $1::int", statements.get(2).sql());
    assertEquals("SELECT 'a$$b'", statements.get(3).sql());
    assertEquals("SELECT x$y FROM t", statements.get(4).sql());
    assertEquals("SELECT 2", statements.get(6).sql(), "a trigger without BEGIN ends at ;");
  }

  @Test
  void aTriggerBodyEndsOnlyAtEnd() {
    List<SqlScript.Statement> statements = SqlScript.split("""
        CREATE TEMP TRIGGER t AFTER INSERT ON a BEGIN
          UPDATE b SET n = CASE WHEN new.x > 0 THEN 1 ELSE 0 END;
          DELETE FROM c;
        END;
        SELECT 1;""");
    assertEquals(2, statements.size());
    assertTrue(statements.get(0).sql().endsWith("END"), statements.get(0).sql());
    assertEquals("SELECT 1", statements.get(1).sql());
    assertEquals(5, statements.get(1).line());
  }

  @Test
  void onlyCommentsMakeNoStatement() {
    assertEquals(List.of(), SqlScript.split("-- nothing\n/* at all */\n;\n"));
  }

  @Test
  void migrationNamesCarryVersionAndDescription() {
    Migration m = Migration.of("V12__add_column_author_bio.sql", "SELECT 1;", "here");
    assertEquals(12, m.version());
    assertEquals("add column author bio", m.description());
    assertEquals("V12__add_column_author_bio", m.name());
    for (String bad : List.of("V1_add.sql", "v1__add.sql", "V__add.sql", "V0__zero.sql",
        "V1__.sql", "V1__add.SQL.txt")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Migration.of(bad, "", "here"), bad);
      assertTrue(e.getMessage().contains("V<version>__<description>.sql"), e.getMessage());
    }
  }

  @Test
  void checksumsIgnoreLineEndingsOnly() {
    assertEquals(Checksum.of("a;\nb;\n"), Checksum.of("a;\r\nb;\r\n"));
    assertEquals(Checksum.of("a;\n"), Checksum.of("\uFEFFa;\n"));
    assertNotEquals(Checksum.of("a;\n"), Checksum.of("a; \n"));
    assertEquals(64, Checksum.of("").length());
  }
}
