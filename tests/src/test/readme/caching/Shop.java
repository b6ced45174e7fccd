package readme.caching;

import dev.kiln.annotations.Cached;
import dev.kiln.annotations.Dao;
import dev.kiln.annotations.Sql;
import java.util.List;

/** The README's cached DAO methods. */
@Dao(Book.class)
interface Shop {
  @Cached List<Book> findByAuthorId(long authorId);
  @Cached @Sql("SELECT a.name, count(*) AS books FROM author a JOIN book b ON b.author_id = a.id"
      + " GROUP BY a.name") List<AuthorBooks> bookCounts();
}
