package dev.kiln.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.mapping.UnreadableValueException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ValueType#present()}: the reads of a column that is never NULL give the same values as
 * the type's own reads, and a NULL there is an error naming the column, never a zero.
 */
class PresentValuesTest {

  Connection sqlite;

  @BeforeEach
  void open() throws SQLException {
    sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
  }

  @AfterEach
  void close() throws SQLException {
    sqlite.close();
  }

  @Test
  void longsAndIntegersReadAsTheTypeReadsThem() throws SQLException {
    try (Statement st = sqlite.createStatement();
        ResultSet rs = st.executeQuery("SELECT 0, 7, -128, 4000000000, -9223372036854775808,"
            + " 9223372036854775807, 2147483647")) {
      assertTrue(rs.next());
      for (int i = 1; i <= 6; i++) {
        assertEquals(ValueTypes.LONG.read(rs, i), ValueTypes.LONG.present().read(rs, i));
      }
      for (int i : new int[] {1, 2, 3, 7}) {
        assertEquals(ValueTypes.INTEGER.read(rs, i), ValueTypes.INTEGER.present().read(rs, i));
      }
      assertEquals(0L, ValueTypes.LONG.present().read(rs, 1), "a zero that is not NULL");
    }
  }

  @Test
  void aNullWhereNoneCanBeIsAnErrorNotAZero() throws SQLException {
    try (Statement st = sqlite.createStatement();
        ResultSet rs = st.executeQuery("SELECT 1, NULL AS visits")) {
      assertTrue(rs.next());
      assertNull(ValueTypes.LONG.read(rs, 2));
      UnreadableValueException e = assertThrows(UnreadableValueException.class,
          () -> ValueTypes.LONG.present().read(rs, 2));
      assertEquals("visits", e.column());
      assertTrue(e.getMessage().startsWith("column visits is NULL"), e.getMessage());
      assertThrows(SQLException.class, () -> ValueTypes.INTEGER.present().read(rs, 2));
    }
  }

  @Test
  void typesWithoutAPresentReadAreThemselves() {
    assertSame(ValueTypes.STRING, ValueTypes.STRING.present());
    assertSame(ValueTypes.BIG_DECIMAL, ValueTypes.BIG_DECIMAL.present());
  }
}
