package dev.kiln.it.dao;

import dev.kiln.annotations.AllowScan;
import dev.kiln.annotations.Dao;
import dev.kiln.it.model.Note;
import java.util.List;

/** Every text operator of derived finders, for the text-search tests. */
@Dao
@AllowScan("searches scan by nature")
public interface NoteSearches {
  List<Note> findByBodyContaining(String part);

  List<Note> findByBodyStartingWith(String prefix);

  List<Note> findByBodyEndingWith(String suffix);

  List<Note> findByBodyLike(String pattern);

  List<Note> findByBodyNotLike(String pattern);

  List<Note> findByBodyContainingIgnoreCase(String part);

  List<Note> findByBodyEndingWithIgnoreCase(String suffix);
}
