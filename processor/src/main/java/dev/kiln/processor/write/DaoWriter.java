package dev.kiln.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.kiln.processor.model.Binding;
import dev.kiln.processor.model.DaoMethod;
import dev.kiln.processor.model.DaoModel;
import dev.kiln.processor.model.Names;
import dev.kiln.processor.model.ResultShape;
import dev.kiln.processor.model.SqlVariant;
import dev.kiln.processor.model.ResultShape.ColumnRead;
import dev.kiln.processor.model.ResultShape.Kind;
import dev.kiln.processor.model.Value;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code ShopQueries_Impl}: each method's SQL as a constant, binding by parameter, and
 * rows read by the column positions the shadow database reported at compile time.
 */
public final class DaoWriter {

  private static final ClassName DAO_SUPPORT = ClassName.get(Spi.SPI, "DaoSupport");

  private final Filer filer;

  public DaoWriter(Filer filer) {
    this.filer = filer;
  }

  public void write(DaoModel dao) {
    TypeSpec.Builder type = GeneratedFiles.newClass(dao.implementationName(), dao.element())
        .addSuperinterface(dao.type())
        .addJavadoc("The implementation of {@link $T}, written at compile time from its method"
            + " names and {@code @Sql}.\n", dao.type())
        .addField(FieldSpec.builder(DAO_SUPPORT, "support", Modifier.PRIVATE, Modifier.FINAL)
            .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addParameter(Spi.DATABASE, "db")
            .addStatement("this.support = new $T(db.engine(), $S)", DAO_SUPPORT,
                dao.type().simpleName())
            .build());
    Set<String> constants = new HashSet<>();
    for (DaoMethod method : dao.methods()) {
      String constant = Names.upperSnake(method.name());
      for (int i = 2; !constants.add(constant); i++) {
        constant = Names.upperSnake(method.name()) + "_" + i;
      }
      type.addField(FieldSpec.builder(String.class, constant, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("The SQL of {@link #$L}, $L.\n", method.name(),
              method.description().equals("derived") ? "derived from its name"
                  : "from its @Sql, verified against the schema")
          .initializer("$S", method.sql()).build());
      String postgresConstant = null;
      if (method.postgresql() != null && !method.postgresql().equals(method.variant("sqlite"))) {
        postgresConstant = constant + "_POSTGRESQL";
        type.addField(FieldSpec.builder(String.class, postgresConstant, Modifier.STATIC,
                Modifier.FINAL)
            .addJavadoc("The SQL of {@link #$L} on PostgreSQL, $L.\n", method.name(),
                method.description().equals("derived") ? "derived from its name"
                    : "from its @Sql, prepared on the live database by migrate()")
            .initializer("$S", method.postgresql().sql()).build());
      }
      new MethodWriting(dao, method, constant, postgresConstant, type).write();
    }
    GeneratedFiles.write(filer, dao.type().packageName(), type.build());
  }

  /** The writing of one method. */
  private static final class MethodWriting {
    private final DaoModel dao;
    private final DaoMethod method;
    private final String constant;
    private final String postgresConstant;
    private final TypeSpec.Builder type;
    private final ResultShape result;

    MethodWriting(DaoModel dao, DaoMethod method, String constant, String postgresConstant,
        TypeSpec.Builder type) {
      this.dao = dao;
      this.method = method;
      this.constant = constant;
      this.postgresConstant = postgresConstant;
      this.type = type;
      this.result = method.result();
    }

    private SqlVariant sqlite() {
      return method.variant("sqlite");
    }

    private SqlVariant postgresql() {
      return method.variant("postgresql");
    }

    /** Whether PostgreSQL binds differently from SQLite (not only the SQL text differs). */
    private boolean bindsDifferently() {
      return postgresConstant != null && !postgresql().bindings().equals(sqlite().bindings());
    }

    /** The SQL of {@code variant} in {@code constant}, collections expanded. */
    private CodeBlock sqlOf(SqlVariant variant, String constant) {
      if (!method.expands()) {
        return CodeBlock.of("$L", constant);
      }
      return CodeBlock.of("support.expand($L, $L)", constant,
          variant.bindings().stream().filter(Binding::collection)
              .map(b -> CodeBlock.of("$L.size()", b.parameter()))
              .collect(CodeBlock.joining(", ")));
    }

    void write() {
      MethodSpec.Builder code = MethodSpec.overriding(method.element());
      // Derived conditions and collections cannot take null (= NULL is never true, and a null
      // collection has no size); an @Sql parameter binds null as SQL NULL, as written.
      Set<String> checked = new HashSet<>();
      for (Binding binding : method.bindings()) {
        boolean refuseNull = binding.collection() || method.description().equals("derived");
        if (refuseNull && !binding.value().javaType().isPrimitive()
            && checked.add(binding.parameter())) {
          code.addStatement("$T.parameter($L, $S, $S)", Spi.CHECKS, binding.parameter(),
              dao.type().simpleName() + "." + method.name(), binding.parameter());
        }
      }
      CodeBlock sql = sqlOf(sqlite(), constant);
      if (postgresConstant != null) {
        code.addStatement("String sql = support.postgresql()\n$>$>? $L\n: $L$<$<",
            sqlOf(postgresql(), postgresConstant), sql);
        sql = CodeBlock.of("sql");
      } else if (method.expands()) {
        code.addStatement("String sql = $L", sql);
        sql = CodeBlock.of("sql");
      }
      switch (result.kind()) {
        case ROWS_CHANGED, NOTHING -> writeUpdate(code, sql);
        default -> writeQuery(code, sql);
      }
      type.addMethod(code.build());
    }

    private void writeUpdate(MethodSpec.Builder code, CodeBlock sql) {
      code.addCode(CodeBlock.builder()
          .add("int changed = support.write($S, conn -> {\n$>", method.name())
          .addStatement("$T ps = conn.prepare($L)", Spi.PREPARED_STATEMENT, sql)
          .add(bindingsOfEachEngine("ps"))
          .addStatement("return conn.update(ps)")
          .add("$<});\n").build());
      if (!method.writtenTables().isEmpty()) {
        code.addStatement("support.evictTables($T.of($L))", List.class,
            method.writtenTables().stream().map(t -> CodeBlock.of("$S", t))
                .collect(CodeBlock.joining(", ")));
      }
      if (result.kind() == Kind.ROWS_CHANGED) {
        code.addStatement(result.returnType().unbox().equals(TypeName.LONG)
            ? "return (long) changed" : "return changed");
      }
    }

    private void writeQuery(MethodSpec.Builder code, CodeBlock sql) {
      CodeBlock binder = binder();
      CodeBlock reader = reader();
      TypeName rowType = result.rowType().box();
      if (result.wrapper() == ResultShape.Wrapper.STREAM) {
        code.addStatement("return support.stream($L,\n$>$L,\n$L)$<", sql, binder, reader);
        return;
      }
      if (method.cachedTables() != null) {
        writeCachedRead(code, sql, binder, reader, rowType);
      } else {
        code.addStatement(
            "$T<$T> rows = support.$L($S, conn -> $T.readAll(conn, $L,\n$>$L,\n$L))$<",
            List.class, rowType, method.write() ? "write" : "read", method.name(), Spi.ENGINE,
            sql, binder, reader);
      }
      if (method.write() && !method.writtenTables().isEmpty()) {
        // INSERT/UPDATE/DELETE … RETURNING: evict what it changed once it has run.
        code.addStatement("support.evictTables($T.of($L))", List.class,
            method.writtenTables().stream().map(t -> CodeBlock.of("$S", t))
                .collect(CodeBlock.joining(", ")));
      }
      switch (result.wrapper()) {
        case LIST -> code.addStatement("return rows");
        case OPTIONAL -> code.addStatement("return support.single($S, rows)", method.name());
        default -> {
          if (result.rowType().isPrimitive()) {
            code.addStatement("return support.required($S, support.single($S, rows))",
                method.name(), method.name());
          } else {
            code.addStatement("return support.single($S, rows).orElse(null)", method.name());
          }
        }
      }
    }

    /**
     * The rows of a {@code @Cached} method: from the query cache by the SQL run and the
     * arguments, dropped when a write to one of the tables the build found it reads commits.
     */
    private void writeCachedRead(MethodSpec.Builder code, CodeBlock sql, CodeBlock binder,
        CodeBlock reader, TypeName rowType) {
      String tables = constant + "_TABLES";
      type.addField(FieldSpec.builder(ParameterizedTypeName.get(List.class, String.class),
              tables, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("The tables {@link #$L} reads: a write to one of them drops its cached"
              + " rows.\n", method.name())
          .initializer("$T.of($L)", List.class, method.cachedTables().stream()
              .map(t -> CodeBlock.of("$S", t)).collect(CodeBlock.joining(", ")))
          .build());
      CodeBlock arguments = method.element().getParameters().stream()
          .map(p -> CodeBlock.of("$L", p.getSimpleName())).collect(CodeBlock.joining(", "));
      code.addStatement("$T<$T> rows = support.cached($L, $L, $T.arguments($L),\n$>"
              + "() -> support.read($S, conn -> $T.readAll(conn, $L,\n$>$L,\n$L)),\n$L)$<$<",
          List.class, rowType, sql, tables, DAO_SUPPORT, arguments, method.name(), Spi.ENGINE,
          sql, binder, reader, copier());
    }

    /** How a caller gets its own copy of a cached row: null for immutable rows. */
    private CodeBlock copier() {
      if (result.kind() == Kind.ENTITY) {
        return CodeBlock.of("$T.MAPPING::copy", result.entity().repositoryName());
      }
      if (result.rowType().equals(com.palantir.javapoet.ArrayTypeName.of(TypeName.BYTE))) {
        return CodeBlock.of("bytes -> bytes.clone()");
      }
      return CodeBlock.of("null");
    }

    /** {@code ps -> …} binding every parameter, for the engine at hand. */
    private CodeBlock binder() {
      if (!bindsDifferently()) {
        return binder(sqlite());
      }
      return CodeBlock.of("support.postgresql()\n$>$>? $L\n: $L$<$<", binder(postgresql()),
          binder(sqlite()));
    }

    /** {@code ps -> …} binding every parameter; a one-liner when there is one binding. */
    private CodeBlock binder(SqlVariant variant) {
      if (variant.bindings().isEmpty()) {
        return CodeBlock.of("$T.Binder.NONE", Spi.ENGINE);
      }
      if (variant.bindings().size() == 1 && !method.expands()) {
        Binding only = variant.bindings().get(0);
        return CodeBlock.of("ps -> $L", ValueCode.bind(only.value(), "ps", CodeBlock.of("1"),
            value(only)));
      }
      return CodeBlock.of("ps -> {\n$>$L$<}", bindings("ps", variant));
    }

    /** The binding statements, as an {@code if} on the engine when the engines differ. */
    private CodeBlock bindingsOfEachEngine(String ps) {
      if (!bindsDifferently()) {
        return bindings(ps, sqlite());
      }
      return CodeBlock.builder().beginControlFlow("if (support.postgresql())")
          .add(bindings(ps, postgresql())).nextControlFlow("else")
          .add(bindings(ps, sqlite())).endControlFlow().build();
    }

    /** {@code argument} through the binding's transform, if it has one. */
    private static CodeBlock transformed(Binding binding, CodeBlock argument) {
      if (binding.transform() == null) {
        return argument;
      }
      String transform = binding.transform();
      int method = transform.lastIndexOf('.');
      int type = transform.lastIndexOf('.', method - 1);
      return CodeBlock.of("$T.$L($L)", ClassName.get(transform.substring(0, type),
          transform.substring(type + 1, method)), transform.substring(method + 1), argument);
    }

    private static CodeBlock value(Binding binding) {
      return transformed(binding, CodeBlock.of("$L", binding.parameter()));
    }

    /**
     * The statements that bind every parameter, in placeholder order, as plain lines: they go
     * inside a lambda that is itself part of a statement.
     */
    private CodeBlock bindings(String ps, SqlVariant variant) {
      CodeBlock.Builder code = CodeBlock.builder();
      if (method.expands()) {
        code.add("int index = 1;\n");
      }
      int index = 1;
      for (Binding binding : variant.bindings()) {
        CodeBlock value = value(binding);
        if (binding.collection()) {
          code.beginControlFlow("for ($T item : $L)", binding.value().javaType().box(),
              binding.parameter());
          code.add("$L;\n", ValueCode.bind(binding.value(), ps, CodeBlock.of("index++"),
              transformed(binding, CodeBlock.of("item"))));
          code.endControlFlow();
        } else {
          CodeBlock at = method.expands() ? CodeBlock.of("index++") : CodeBlock.of("$L", index++);
          code.add("$L;\n", ValueCode.bind(binding.value(), ps, at, value));
        }
      }
      return code.build();
    }

    /**
     * Reads a column of a scalar result ({@code where} is {@code Dao.method()}) or of a
     * projection ({@code where} is {@code Row.component}). A primitive of an {@code @Sql} method
     * goes through its boxed reader and {@code JdbcValues.present}, which refuses SQL NULL with
     * a message that says what to declare instead, rather than reading it as 0: a query, unlike
     * an entity's NOT NULL column, can compute NULL (a {@code max} over no rows, a
     * {@code LEFT JOIN}). A derived query's count or exists is never NULL.
     */
    private CodeBlock readResult(ColumnRead read, String where) {
      CodeBlock index = CodeBlock.of("$L", read.index());
      Value value = read.value();
      TypeName type = value.javaType();
      if (value.property() != null || !type.isPrimitive() || method.derived()) {
        return ValueCode.read(value, "rs", index);
      }
      String boxed = ((ClassName) type.box()).simpleName();
      String article = (type.equals(TypeName.INT) ? "an " : "a ") + type;
      String fix = result.kind() == Kind.SCALAR
          ? where + " cannot return as " + article + "; return " + boxed + " (null) or Optional<"
              + boxed + "> to receive it"
          : where + ", " + article + ", cannot hold; declare it " + boxed + " to receive it";
      return CodeBlock.of("$T.present($L, rs, $L, $S)", Spi.JDBC_VALUES,
          ValueCode.read(new Value(value.kind(), type.box(), null), "rs", index), index, fix);
    }

    /** The lambda or method reference that turns the current row into a value. */
    private CodeBlock reader() {
      if (result.kind() == Kind.ENTITY && result.columns().isEmpty()) {
        return CodeBlock.of("rs -> $T.MAPPING.read(rs, 1)", result.entity().repositoryName());
      }
      if (result.kind() == Kind.SCALAR) {
        return CodeBlock.of("rs -> $L", readResult(result.columns().get(0),
            String.join(".", dao.type().simpleNames()) + "." + method.name() + "()"));
      }
      String rowMethod = method.name() + "Row";
      MethodSpec.Builder row = MethodSpec.methodBuilder(rowMethod)
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(result.rowType())
          .addException(Spi.SQL_EXCEPTION).addParameter(Spi.RESULT_SET, "rs");
      if (result.kind() == Kind.ENTITY) {
        row.addCode(Construction.returnNew(result.entity(), slot -> {
          for (ColumnRead read : result.columns()) {
            if (slot.column() != null && read.name().equals(slot.column().name())) {
              return ValueCode.read(read.value(), "rs", CodeBlock.of("$L", read.index()));
            }
          }
          return ValueCode.defaultValue(slot.type());
        }));
      } else {
        String owner = result.rowType() instanceof ClassName named
            ? String.join(".", named.simpleNames()) : result.rowType().toString();
        row.addStatement("return new $T(\n$>$>$L$<$<)", result.rowType(),
            result.columns().stream().map(read -> readResult(read, owner + "." + read.name()))
                .collect(CodeBlock.joining(",\n")));
      }
      type.addMethod(row.build());
      return CodeBlock.of("$T::$L", dao.implementationName(), rowMethod);
    }
  }
}
