package dev.kiln.bench.contenders.mybatis;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** The mapper; its SQL and result maps are in {@code BenchMapper.xml} next to it. */
public interface BenchMapper {

  MAuthor findAuthor(long id);

  List<MAuthor> authorsAfter(@Param("after") long afterId, @Param("count") int count);

  List<MAuthor> authorsWithBooks(@Param("first") long firstId, @Param("last") long lastId);

  int insertBook(MBook book);

  int updateBook(MBook book);
}
