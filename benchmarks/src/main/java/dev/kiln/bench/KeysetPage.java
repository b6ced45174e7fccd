package dev.kiln.bench;

import static dev.kiln.bench.contenders.Contenders.JDBC;
import static dev.kiln.bench.contenders.Contenders.JDBC_PG;
import static dev.kiln.bench.contenders.Contenders.KILN;
import static dev.kiln.bench.contenders.Contenders.KILN_PG;

import dev.kiln.bench.data.DataSet;
import dev.kiln.bench.model.Author;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * A keyset page of 100 authors by descending email (a unique, indexed column) after a random
 * author: Kiln's {@code orderBy(Author_.EMAIL.desc()).after(last).limit(100)} against
 * hand-written {@code WHERE email < ? ORDER BY email DESC LIMIT 100}, which knows the email is
 * unique and so needs no tie-break by key.
 */
public class KeysetPage extends Trial {

  static final int SIZE = 100;

  @Param({JDBC, KILN, JDBC_PG, KILN_PG})
  public String contender;

  /** Every author key, in descending email order. */
  private static final long[] BY_EMAIL = byEmail();

  @Override
  protected String contender() {
    return contender;
  }

  private static long[] byEmail() {
    List<Long> ids = new ArrayList<>();
    for (long id = 1; id <= DataSet.AUTHORS; id++) {
      ids.add(id);
    }
    ids.sort(Comparator.comparing(DataSet::email).reversed());
    return ids.stream().mapToLong(Long::longValue).toArray();
  }

  @Benchmark
  public List<Object> keysetPage() {
    int at = ThreadLocalRandom.current().nextInt(0, BY_EMAIL.length - SIZE);
    long id = BY_EMAIL[at];
    Author last = new Author(id, DataSet.name(id), DataSet.email(id), DataSet.createdAt(id));
    List<Object> page = c.authorsByEmailAfter(last, SIZE);
    if (page.size() != SIZE) {
      throw new AssertionError("expected " + SIZE + " authors, read " + page.size());
    }
    for (int i = 0; i < SIZE; i++) {
      Check.author(c, page.get(i), BY_EMAIL[at + 1 + i]);
    }
    return page;
  }
}
