package dev.kiln.processor.write;

import com.palantir.javapoet.ClassName;

/** The runtime types that generated code refers to, named in one place. */
final class Spi {

  static final String SPI = "dev.kiln.spi";
  /** The types generated code is made of: how an entity maps to rows and statements. */
  static final String MAPPING = "dev.kiln.mapping";
  static final ClassName DATABASE = ClassName.get("dev.kiln", "Database");
  static final ClassName DIALECT = ClassName.get("dev.kiln", "Dialect");
  static final ClassName KILN_EXCEPTION = ClassName.get("dev.kiln", "KilnException");
  static final ClassName CONN = ClassName.get(MAPPING, "Conn");
  static final ClassName CHILD_ROWS = ClassName.get(MAPPING, "ChildRows");
  static final ClassName ENGINE = ClassName.get(SPI, "Engine");
  static final ClassName CHECKS = ClassName.get(SPI, "Checks");
  static final ClassName ENTITY_INFO = ClassName.get(MAPPING, "EntityInfo");
  static final ClassName ENTITY_MAPPING = ClassName.get(MAPPING, "EntityMapping");
  static final ClassName ENTITY_QUERY = ClassName.get("dev.kiln.query", "EntityQuery");
  static final ClassName JDBC_VALUES = ClassName.get(SPI, "JdbcValues");
  static final ClassName REPOSITORY_SUPPORT = ClassName.get(SPI, "RepositorySupport");
  static final ClassName SCHEMA_PROVIDER = ClassName.get(MAPPING, "SchemaProvider");
  static final ClassName VALUE_TYPE = ClassName.get(SPI, "ValueType");
  static final ClassName VALUE_TYPES = ClassName.get(SPI, "ValueTypes");
  static final String QUERY = "dev.kiln.query";
  static final ClassName COLUMN = ClassName.get(QUERY, "Column");
  static final ClassName COMPARABLE_COLUMN = ClassName.get(QUERY, "ComparableColumn");
  static final ClassName TEXT_COLUMN = ClassName.get(QUERY, "TextColumn");
  static final ClassName NUMBER_COLUMN = ClassName.get(QUERY, "NumberColumn");
  static final ClassName DECIMAL_COLUMN = ClassName.get(QUERY, "DecimalColumn");
  static final ClassName PREPARED_STATEMENT = ClassName.get("java.sql", "PreparedStatement");
  static final ClassName RESULT_SET = ClassName.get("java.sql", "ResultSet");
  static final ClassName SQL_EXCEPTION = ClassName.get("java.sql", "SQLException");

  private Spi() {}
}
