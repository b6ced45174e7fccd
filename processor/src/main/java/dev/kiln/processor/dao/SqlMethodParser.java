package dev.kiln.processor.dao;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.kiln.migrations.dialect.postgresql.PostgresDdl;
import dev.kiln.migrations.schema.Column;
import dev.kiln.migrations.schema.SqliteMessages;
import dev.kiln.migrations.schema.Table;
import dev.kiln.processor.diag.Messages.Code;
import dev.kiln.processor.model.Binding;
import dev.kiln.processor.model.DaoMethod;
import dev.kiln.processor.model.SqlVariant;
import dev.kiln.processor.model.ResultShape;
import dev.kiln.processor.model.ResultShape.Kind;
import dev.kiln.processor.model.ResultShape.Wrapper;
import dev.kiln.processor.model.Value;
import dev.kiln.processor.model.ValueKind;
import dev.kiln.processor.parse.PropertyTypes;
import dev.kiln.migrations.plan.SqlText;
import dev.kiln.processor.validate.Spelling;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Checks an {@code @Sql} method against the shadow database: the SQL prepares, every
 * {@code :name} has a parameter and every parameter is used, the result columns fit the return
 * type; then records which tables a write may change.
 */
final class SqlMethodParser {

  /** SQLite's complaint about an unknown name: {@code no such column: a.nmae}. */
  private static final Pattern NO_SUCH =
      Pattern.compile("no such (table|column): (?:[^.\\s]+\\.)?(\\S+)");

  /** {@code sum(x)}, {@code avg(t.x)}, {@code total("x")}: an aggregate over a bare column. */
  private static final Pattern DOUBLE_AGGREGATE = Pattern.compile(
      "\\b(sum|avg|total)\\s*\\(\\s*(?:distinct\\s+)?(?:\"?\\w+\"?\\.)?\"?(\\w+)\"?\\s*\\)",
      Pattern.CASE_INSENSITIVE);

  private final DaoContext context;
  private final ResultColumns resultColumns;

  SqlMethodParser(DaoContext context) {
    this.context = context;
    this.resultColumns = new ResultColumns(context);
  }

  /** The method, or null after reporting what is wrong with it. */
  DaoMethod parse(String dao, ExecutableElement method, String text, String postgresText,
      boolean allowScan) {
    String name = method.getSimpleName().toString();
    String label = dao + "." + name;
    if (SqlText.isEmpty(text)) {
      context.diagnostics.error(method, Code.SQL_EMPTY, name);
      return null;
    }
    int second = SqlText.secondStatement(text);
    if (second >= 0) {
      String next = text.substring(second).strip();
      context.diagnostics.error(method, Code.SQL_SEVERAL, name,
          next.length() > 40 ? next.substring(0, 40) + "…" : next);
      return null;
    }
    Map<String, Binding> parameters = parameters(method, label);
    if (parameters == null) {
      return null;
    }
    Map<String, String> collections = new LinkedHashMap<>();
    parameters.values().stream().filter(Binding::collection)
        .forEach(b -> collections.put(b.parameter(),
            PostgresDdl.bareType(b.value().kind().logicalType())));
    Placeholders placeholders = Placeholders.parse(text, collections);
    List<Binding> bindings = new ArrayList<>();
    for (String placeholder : placeholders.names()) {
      Binding binding = parameters.get(placeholder);
      if (binding == null) {
        String guess = Spelling.closest(placeholder, List.copyOf(parameters.keySet()));
        context.diagnostics.error(method, Code.SQL_PARAMETER, name, ":" + placeholder
            + " has no parameter of that name" + (guess == null ? ""
                : "; did you mean :" + guess + "?") + " (placeholders bind to the method's"
            + " parameters by name)");
        return null;
      }
      bindings.add(binding);
    }
    for (String parameter : parameters.keySet()) {
      if (!placeholders.names().contains(parameter)) {
        context.diagnostics.error(method, Code.SQL_PARAMETER, name, "parameter '" + parameter
            + "' is not used: refer to it as :" + parameter + " in the SQL, or remove it");
        return null;
      }
    }
    ShadowPrepared prepared = prepare(method, name, placeholders.sql());
    if (prepared == null) {
      return null;
    }
    ReturnType returns = ReturnType.of(method.getReturnType());
    ResultShape result = prepared.columns().isEmpty()
        ? rowsChanged(method, returns, name)
        : resultColumns.shape(method, returns, prepared.columns(), name);
    if (result == null) {
      return null;
    }
    boolean write = prepared.columns().isEmpty() || !prepared.written().isEmpty();
    warnOfDoubleArithmetic(method, name, text);
    context.checkPlan(method, label, placeholders.sql(), allowScan, null);
    SqlVariant postgresql = postgresVariant(method, postgresText, parameters, collections);
    if (postgresql == NOT_VALID) {
      return null;
    }
    context.logPostgresql(label, placeholders.sql(), postgresql);
    return new DaoMethod(method, placeholders.sql(), bindings, result, write,
        prepared.written(), "@Sql", postgresql, null);
  }

  /** Marks a {@code postgresql} text that was reported as wrong. */
  private static final SqlVariant NOT_VALID = new SqlVariant("", List.of());

  /**
   * The statement of {@code @Sql(postgresql = …)}, with its placeholders bound to the same
   * parameters; null when there is none. PostgreSQL's text is checked for its placeholders here
   * and prepared on the live database by {@code Database.migrate()}.
   */
  private SqlVariant postgresVariant(ExecutableElement method, String text,
      Map<String, Binding> parameters, Map<String, String> collections) {
    if (text.isBlank()) {
      return null;
    }
    String name = method.getSimpleName().toString();
    if (SqlText.secondStatement(text) >= 0) {
      context.diagnostics.error(method, Code.SQL_SEVERAL, name, "(in postgresql) "
          + text.substring(SqlText.secondStatement(text)).strip());
      return NOT_VALID;
    }
    Placeholders placeholders = Placeholders.parse(text, collections, false);
    List<Binding> bindings = new ArrayList<>();
    for (String placeholder : placeholders.names()) {
      Binding binding = parameters.get(placeholder);
      if (binding == null) {
        context.diagnostics.error(method, Code.SQL_PARAMETER, name, ":" + placeholder
            + " in the postgresql text has no parameter of that name (placeholders bind to the"
            + " method's parameters by name)");
        return NOT_VALID;
      }
      bindings.add(binding);
    }
    return new SqlVariant(placeholders.sql(), bindings);
  }

  /**
   * Warns where the SQL adds or averages a decimal column with SQLite's own aggregates, which
   * compute in doubles ({@code sum} of 10.50 and 12.00 is 22.5): Kiln cannot change what
   * hand-written SQL means, but it can say so, and name the exact alternative.
   */
  private void warnOfDoubleArithmetic(ExecutableElement method, String name, String text) {
    Matcher m = DOUBLE_AGGREGATE.matcher(SqlText.withoutLiteralsAndComments(text));
    while (m.find()) {
      String column = m.group(2);
      boolean decimal = context.byType.values().stream()
          .flatMap(e -> e.columns().stream())
          .anyMatch(p -> p.column().equalsIgnoreCase(column) && p.converter() == null
              && p.kind().ordering() == dev.kiln.migrations.schema.Ordering.NUMERIC_TEXT);
      if (decimal) {
        context.diagnostics.warning(method, Code.DOUBLE_AGGREGATE, name, m.group(1), column,
            column);
      }
    }
  }

  private record ShadowPrepared(List<String> columns, List<String> written) {}

  private ShadowPrepared prepare(ExecutableElement method, String name, String sql) {
    try {
      List<String> columns = context.shadow.prepare(sql).columns();
      return new ShadowPrepared(columns, context.shadow.writtenTables(sql));
    } catch (SQLException e) {
      String message = SqliteMessages.of(e);
      context.diagnostics.error(method, Code.SQL_INVALID, name, message, fix(message));
      return null;
    }
  }

  private ResultShape rowsChanged(ExecutableElement method, ReturnType returns, String name) {
    TypeName declared = TypeName.get(returns.declared());
    if (returns.isVoid()) {
      return new ResultShape(Kind.NOTHING, Wrapper.ONE, null, null, List.of(), declared);
    }
    if (returns.isCount()) {
      return new ResultShape(Kind.ROWS_CHANGED, Wrapper.ONE, declared, null, List.of(),
          declared);
    }
    context.diagnostics.error(method, Code.RETURN_TYPE, name, declared,
        "the statement returns no rows; return int or long (the rows changed) or void");
    return null;
  }

  /** Each parameter and how it binds, by name; null after reporting one Kiln cannot bind. */
  private Map<String, Binding> parameters(ExecutableElement method, String label) {
    Map<String, Binding> parameters = new LinkedHashMap<>();
    for (VariableElement parameter : method.getParameters()) {
      String name = parameter.getSimpleName().toString();
      TypeMirror type = parameter.asType();
      TypeMirror element = collectionElement(type);
      Value value = value(element != null ? element : type);
      if (value == null) {
        context.diagnostics.error(parameter, Code.PARAMETER_TYPE, label, name,
            TypeName.get(type));
        return null;
      }
      parameters.put(name, new Binding(name, value, element != null, null));
    }
    return parameters;
  }

  /** How a value of {@code type} is bound or read, or null when Kiln has no mapping for it. */
  static Value value(TypeMirror type) {
    ValueKind kind = PropertyTypes.kindOf(type);
    if (kind == null) {
      return null;
    }
    ClassName enumType = kind == ValueKind.ENUM
        ? ClassName.get((TypeElement) ((DeclaredType) type).asElement()) : null;
    return new Value(kind, TypeName.get(type).withoutAnnotations(), enumType);
  }

  private TypeMirror collectionElement(TypeMirror type) {
    TypeElement collection = context.env.getElementUtils().getTypeElement("java.util.Collection");
    if (type instanceof DeclaredType declared && declared.getTypeArguments().size() == 1
        && context.types.isAssignable(context.types.erasure(type),
            context.types.erasure(collection.asType()))) {
      TypeMirror argument = declared.getTypeArguments().get(0);
      return argument instanceof javax.lang.model.type.WildcardType wildcard
          && wildcard.getExtendsBound() != null ? wildcard.getExtendsBound() : argument;
    }
    return null;
  }

  /** How to correct SQL that SQLite refused: the nearest name to an unknown one, if any. */
  private String fix(String message) {
    Matcher unknown = NO_SUCH.matcher(message);
    if (unknown.matches()) {
      List<Table> tables = context.shadow.schema().tables();
      List<String> names = unknown.group(1).equals("table")
          ? tables.stream().map(Table::name).toList()
          : tables.stream().flatMap(t -> t.columns().stream()).map(Column::name).distinct()
              .toList();
      String guess = Spelling.closest(unknown.group(2), names);
      if (guess != null) {
        return "did you mean " + guess + "?";
      }
    }
    return "correct the statement: it runs on the tables the entities create, so it names"
        + " tables and columns (author_id), not entities and properties (authorId)";
  }
}
