package dev.kiln.bench.lean;

import dev.kiln.Database;
import dev.kiln.DatabaseBuilder;
import dev.kiln.bench.contenders.Pool;
import java.nio.file.Path;
import java.util.List;

/** Kiln on the lean data set, as its README shows it. */
public final class KilnLean implements LeanContender {

  private final Database db;
  private final WriterRepository writers;
  private final NoteRepository notes;

  /** On a SQLite file. */
  public KilnLean(Path file) {
    this(Database.builder(file));
  }

  /** On PostgreSQL, with as many connections as hand-written JDBC's pool there. */
  public KilnLean(String url) {
    this(Database.builder(url).poolSize(Pool.size()));
  }

  private KilnLean(DatabaseBuilder builder) {
    this.db = builder.build();
    db.migrate();
    this.writers = new WriterRepository(db);
    this.notes = new NoteRepository(db);
  }

  @Override
  public Writer find(long id) {
    return writers.findById(id).orElse(null);
  }

  @Override
  public List<Writer> withNotes(long first, long last) {
    return writers.query().where(Writer_.ID.between(first, last)).fetch(Writer_.NOTES).list();
  }

  @Override
  public List<Writer> withNotesAndComments(long first, long last) {
    return writers.query().where(Writer_.ID.between(first, last))
        .fetch(Writer_.NOTES.then(Note_.COMMENTS)).list();
  }

  @Override
  public List<Note> notesWithTags(long first, long last) {
    return notes.query().where(Note_.WRITER_ID.between(first, last)).fetch(Note_.TAGS).list();
  }

  @Override
  public void close() {
    db.close();
  }
}
