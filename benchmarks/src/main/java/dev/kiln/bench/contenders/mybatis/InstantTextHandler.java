package dev.kiln.bench.contenders.mybatis;

import dev.kiln.bench.data.Values;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/** {@code created_at} is text in SQLite's date-time form; see {@link Values}. */
public class InstantTextHandler extends BaseTypeHandler<Instant> {

  @Override
  public void setNonNullParameter(PreparedStatement ps, int i, Instant value, JdbcType type)
      throws SQLException {
    ps.setString(i, Values.text(value));
  }

  @Override
  public Instant getNullableResult(ResultSet rs, String column) throws SQLException {
    return Values.instant(rs.getString(column));
  }

  @Override
  public Instant getNullableResult(ResultSet rs, int column) throws SQLException {
    return Values.instant(rs.getString(column));
  }

  @Override
  public Instant getNullableResult(CallableStatement cs, int column) throws SQLException {
    return Values.instant(cs.getString(column));
  }
}
