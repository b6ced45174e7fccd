package dev.kiln.bench.contenders.hibernate;

import com.zaxxer.hikari.HikariDataSource;
import dev.kiln.bench.contenders.Contender;
import dev.kiln.bench.contenders.Pool;
import dev.kiln.bench.model.Book;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * Hibernate ORM 6 with the community SQLite dialect, on the shared {@link Pool}, as its guides
 * recommend for this kind of work: a {@link StatelessSession} per operation (no persistence
 * context to fill and flush, nothing served from a first-level cache across operations, no
 * second-level or query cache), the association fetched with {@code left join fetch}, JDBC
 * batching on, writes in a transaction. Keys are {@code IDENTITY} (SQLite's rowid), which is
 * what SQLite offers; Hibernate cannot batch inserts of such entities.
 */
public final class HibernateContender implements Contender<HAuthor, HBook> {

  static {
    System.setProperty("org.jboss.logging.provider", "slf4j");
  }

  private final HikariDataSource pool;
  private final StandardServiceRegistry registry;
  private final SessionFactory factory;

  public HibernateContender(Path file) {
    this.pool = Pool.open(file, "hibernate");
    Map<String, Object> settings = new HashMap<>();
    settings.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool);
    settings.put(AvailableSettings.DIALECT, "org.hibernate.community.dialect.SQLiteDialect");
    settings.put(AvailableSettings.STATEMENT_BATCH_SIZE, 100);
    settings.put(AvailableSettings.ORDER_INSERTS, true);
    settings.put(AvailableSettings.ORDER_UPDATES, true);
    settings.put(AvailableSettings.HBM2DDL_AUTO, "none");
    settings.put(AvailableSettings.USE_SECOND_LEVEL_CACHE, false);
    settings.put(AvailableSettings.USE_QUERY_CACHE, false);
    settings.put(AvailableSettings.GENERATE_STATISTICS, false);
    settings.put(AvailableSettings.SHOW_SQL, Boolean.getBoolean("kiln.bench.showSql"));
    this.registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
    this.factory = new MetadataSources(registry)
        .addAnnotatedClass(HAuthor.class)
        .addAnnotatedClass(HBook.class)
        .buildMetadata()
        .buildSessionFactory();
  }

  @Override
  public HAuthor findAuthor(long id) {
    try (StatelessSession session = factory.openStatelessSession()) {
      return session.get(HAuthor.class, id);
    }
  }

  @Override
  public List<HAuthor> authorsAfter(long afterId, int count) {
    try (StatelessSession session = factory.openStatelessSession()) {
      return session.createSelectionQuery(
              "from HAuthor a where a.id > :after order by a.id", HAuthor.class)
          .setParameter("after", afterId)
          .setMaxResults(count)
          .getResultList();
    }
  }

  @Override
  public List<HAuthor> authorsWithBooks(long firstId, long lastId) {
    try (StatelessSession session = factory.openStatelessSession()) {
      return session.createSelectionQuery(
              "from HAuthor a left join fetch a.books"
                  + " where a.id between :first and :last order by a.id", HAuthor.class)
          .setParameter("first", firstId)
          .setParameter("last", lastId)
          .getResultList();
    }
  }

  /** The authors, then each one's lazy books fetched in turn, as lazy loading does. */
  @Override
  public List<HAuthor> authorsWithBooksOneByOne(long firstId, long lastId) {
    try (StatelessSession session = factory.openStatelessSession()) {
      List<HAuthor> authors = session.createSelectionQuery(
              "from HAuthor a where a.id between :first and :last order by a.id", HAuthor.class)
          .setParameter("first", firstId)
          .setParameter("last", lastId)
          .getResultList();
      for (HAuthor author : authors) {
        session.fetch(author.getBooks());
      }
      return authors;
    }
  }

  @Override
  public int insertBooks(List<Book> books) {
    try (StatelessSession session = factory.openStatelessSession()) {
      Transaction tx = session.beginTransaction();
      try {
        for (Book book : books) {
          session.insert(new HBook(null, HAuthor.reference(book.authorId()), book.title(),
              book.price(), book.published()));
        }
        tx.commit();
      } catch (RuntimeException e) {
        tx.rollback();
        throw e;
      }
      return books.size(); // insert throws unless the row was added
    }
  }

  @Override
  public int updateBook(Book book) {
    try (StatelessSession session = factory.openStatelessSession()) {
      Transaction tx = session.beginTransaction();
      try {
        session.update(new HBook(book.id(), HAuthor.reference(book.authorId()), book.title(),
            book.price(), book.published()));
        tx.commit();
      } catch (RuntimeException e) {
        tx.rollback();
        throw e;
      }
      return 1; // update throws when no row has the key
    }
  }

  @Override
  public long authorId(HAuthor author) {
    return author.getId();
  }

  @Override
  public String authorEmail(HAuthor author) {
    return author.getEmail();
  }

  @Override
  public List<HBook> books(HAuthor author) {
    return author.getBooks();
  }

  @Override
  public long bookId(HBook book) {
    return book.getId();
  }

  @Override
  public long bookAuthorId(HBook book) {
    return book.getAuthor().getId();
  }

  @Override
  public void close() {
    factory.close();
    StandardServiceRegistryBuilder.destroy(registry);
    pool.close();
  }
}
