package dev.kiln.bench.model;

import dev.kiln.annotations.Dao;
import java.util.List;

/** The query an application that loads books one author at a time (N+1) would write. */
@Dao
public interface BookQueries {
  List<Book> findByAuthorIdOrderByIdAsc(long authorId);
}
