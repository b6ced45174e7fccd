package dev.kiln.it.soft;

import dev.kiln.annotations.Dao;
import java.util.List;

/** Derived queries over members, which see live rows only. */
@Dao
public interface Members {
  List<Member> findByClubIdOrderByName(long clubId);

  long countByClubId(long clubId);

  int deleteByName(String name);
}
