package readme.engines;

import dev.kiln.annotations.AllowScan;
import dev.kiln.annotations.Dao;
import dev.kiln.annotations.Sql;
import org.jspecify.annotations.Nullable;

/** The README's snippet of an {@code @Sql} method with PostgreSQL's own text. */
@Dao(Author.class)
public interface Reports {

  @AllowScan("a count over every author")
  @Sql(value = "SELECT count(*) FROM author WHERE bio IS :bio",
      postgresql = "SELECT count(*) FROM author WHERE bio IS NOT DISTINCT FROM :bio")
  long withBio(@Nullable String bio);
}
