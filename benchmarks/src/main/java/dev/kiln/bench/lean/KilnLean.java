package dev.kiln.bench.lean;

import dev.kiln.Database;
import java.nio.file.Path;
import java.util.List;

/** Kiln on the lean data set, as its README shows it. */
public final class KilnLean implements LeanContender {

  private final Database db;
  private final WriterRepository writers;

  public KilnLean(Path file) {
    this.db = Database.open(file);
    db.migrate();
    this.writers = new WriterRepository(db);
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
  public void close() {
    db.close();
  }
}
