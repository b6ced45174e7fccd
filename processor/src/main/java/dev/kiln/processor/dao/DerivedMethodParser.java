package dev.kiln.processor.dao;

import static dev.kiln.migrations.schema.SqliteDdl.quote;

import com.palantir.javapoet.TypeName;
import dev.kiln.migrations.dialect.SqlDialect;
import dev.kiln.migrations.schema.Ordering;
import dev.kiln.migrations.schema.TextMatch;
import dev.kiln.processor.dao.DerivedName.Condition;
import dev.kiln.processor.dao.DerivedName.Operator;
import dev.kiln.processor.dao.DerivedName.Verb;
import dev.kiln.processor.diag.Messages.Code;
import dev.kiln.processor.model.Binding;
import dev.kiln.processor.model.DaoMethod;
import dev.kiln.processor.model.SqlVariant;
import dev.kiln.processor.model.EntityModel;
import dev.kiln.processor.model.PropertyModel;
import dev.kiln.processor.model.ResultShape;
import dev.kiln.processor.model.ResultShape.ColumnRead;
import dev.kiln.processor.model.ResultShape.Kind;
import dev.kiln.processor.model.ResultShape.Wrapper;
import dev.kiln.processor.model.Value;
import dev.kiln.processor.model.ValueKind;
import dev.kiln.processor.sql.EntitySql;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Turns a derived finder ({@code findByNameStartingWithOrderByCreatedAtDesc}) into its SQL,
 * bindings and result, checking the name against the entity's properties and the parameters
 * against the properties they compare with.
 */
final class DerivedMethodParser {

  /** A verb naming its entity: {@code countBooksBy…}, {@code deleteAuthorBy…}. */
  private static final Pattern SUBJECT =
      Pattern.compile("^(find|count|exists|delete)(First|Top\\d+)?([A-Z][A-Za-z0-9]*?)By(.*)$");

  private final DaoContext context;

  DerivedMethodParser(DaoContext context) {
    this.context = context;
  }

  /** The method, or null after reporting what is wrong with it. */
  DaoMethod parse(String dao, ExecutableElement method, EntityModel defaultEntity,
      List<EntityModel> mentioned, boolean allowScan) {
    String name = method.getSimpleName().toString();
    String label = dao + "." + name;
    ReturnType returns = ReturnType.of(method.getReturnType());
    // The name as the grammar reads it: without the entity it may mention (countBooksBy…).
    String grammar = name;
    List<EntityModel> named = List.of();
    Matcher subject = SUBJECT.matcher(name);
    if (subject.matches()) {
      named = entitiesNamed(subject.group(3));
      if (!named.isEmpty()) {
        grammar = subject.group(1) + (subject.group(2) == null ? "" : subject.group(2)) + "By"
            + subject.group(4);
      }
    }
    if (!DerivedName.looksDerived(grammar)) {
      error(method, Code.DERIVED_NAME, name, DerivedName.NOT_DERIVED);
      return null;
    }
    boolean finds = grammar.startsWith("find");
    EntityModel entity = finds ? context.entity(returns.row()).orElse(null)
        : named.isEmpty() ? inferredEntity(defaultEntity, mentioned, grammar)
        : subjectEntity(named, defaultEntity, grammar);
    if (entity == null) {
      if (finds) {
        error(method, Code.RETURN_TYPE, name, TypeName.get(returns.declared()),
            "a find method returns an entity, Optional, List or Stream of one");
      } else {
        error(method, Code.DAO_ENTITY_UNKNOWN, name, grammar.replaceFirst("By", "<Entity>By"));
      }
      return null;
    }
    List<String> properties = entity.columns().stream().map(PropertyModel::name).toList();
    DerivedName parsed;
    try {
      parsed = DerivedName.parse(grammar, entity.simpleName(), properties);
    } catch (DerivedName.Failure failure) {
      error(method, Code.DERIVED_NAME, name, failure.getMessage());
      return null;
    }
    ResultShape result = result(method, parsed, returns, entity);
    if (result == null) {
      return null;
    }
    Map<Condition, List<Binding>> bound = bindings(method, parsed, entity, label);
    if (bound == null) {
      return null;
    }
    SqlVariant sqlite = render(SqlDialect.SQLITE, parsed, entity, result, bound);
    SqlVariant postgresql = render(SqlDialect.POSTGRESQL, parsed, entity, result, bound);
    String sql = sqlite.sql();
    try {
      context.shadow.prepare(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("derived SQL does not prepare: " + sql, e);
    }
    PropertyModel first = parsed.groups().isEmpty() ? null
        : entity.column(parsed.groups().get(0).get(0).property()).orElse(null);
    context.checkPlan(method, label, sql, allowScan, first);
    context.logPostgresql(label, sql, postgresql);
    List<String> written = parsed.verb() == Verb.DELETE ? List.of(entity.table()) : List.of();
    if (parsed.verb() == Verb.DELETE) {
      try {
        written = context.shadow.writtenTables(sql);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    return new DaoMethod(method, sql, sqlite.bindings(), result, parsed.verb() == Verb.DELETE,
        written, "derived", postgresql, null);
  }

  /** The entities called {@code subject}, in the singular or with a plural -s or -es. */
  private List<EntityModel> entitiesNamed(String subject) {
    return context.byType.values().stream()
        .filter(e -> subject.equals(e.simpleName()) || subject.equals(e.simpleName() + "s")
            || subject.equals(e.simpleName() + "es"))
        .toList();
  }

  /**
   * The entity a subject names when entities in different packages share its simple name: the
   * DAO's own entity if it is one of them, otherwise the one whose properties the rest of the
   * name fits; null (so an error) when that still leaves more than one.
   */
  private static EntityModel subjectEntity(List<EntityModel> named, EntityModel defaultEntity,
      String name) {
    if (named.size() == 1) {
      return named.get(0);
    }
    if (named.contains(defaultEntity)) {
      return defaultEntity;
    }
    List<EntityModel> fitting = fitting(named, name);
    return fitting.size() == 1 ? fitting.get(0) : null;
  }

  /**
   * The entity of a {@code count}, {@code exists} or {@code delete} method that names none
   * ({@code countByCity}): the DAO's entity if there is one, otherwise the one entity the DAO's
   * methods return whose properties the name fits, as Spring Data users expect. Null (so
   * KILN-048) when that leaves none or several. Entities the DAO does not mention are not
   * candidates: a new entity elsewhere must not change what an existing method means.
   */
  private EntityModel inferredEntity(EntityModel defaultEntity, List<EntityModel> mentioned,
      String name) {
    if (defaultEntity != null) {
      return defaultEntity;
    }
    List<EntityModel> fitting = fitting(mentioned, name);
    return fitting.size() == 1 ? fitting.get(0) : null;
  }

  /** The entities whose properties {@code name} fits. */
  private static List<EntityModel> fitting(List<EntityModel> entities, String name) {
    return entities.stream().filter(e -> {
      try {
        DerivedName.parse(name, e.simpleName(),
            e.columns().stream().map(PropertyModel::name).toList());
        return true;
      } catch (DerivedName.Failure failure) {
        return false;
      }
    }).toList();
  }

  private ResultShape result(ExecutableElement method, DerivedName parsed, ReturnType returns,
      EntityModel entity) {
    String name = method.getSimpleName().toString();
    TypeName declared = TypeName.get(returns.declared());
    switch (parsed.verb()) {
      case FIND:
        if (parsed.limit() > 1 && (returns.wrapper() == Wrapper.ONE
            || returns.wrapper() == Wrapper.OPTIONAL)) {
          error(method, Code.RETURN_TYPE, name, declared,
              "Top" + parsed.limit() + " finds several rows: return a List or a Stream");
          return null;
        }
        return new ResultShape(Kind.ENTITY, returns.wrapper(), entity.type(), entity, List.of(),
            declared);
      case COUNT:
        if (!returns.isCount()) {
          error(method, Code.RETURN_TYPE, name, declared, "a count returns long or int");
          return null;
        }
        return scalar(ValueKind.LONG, returns, declared);
      case EXISTS:
        if (!returns.isBoolean()) {
          error(method, Code.RETURN_TYPE, name, declared, "an exists query returns boolean");
          return null;
        }
        return scalar(ValueKind.BOOLEAN, returns, declared);
      default:
        if (returns.isVoid()) {
          return new ResultShape(Kind.NOTHING, Wrapper.ONE, null, null, List.of(), declared);
        }
        if (!returns.isCount()) {
          error(method, Code.RETURN_TYPE, name, declared,
              "a delete returns the number of rows deleted (int or long), or void");
          return null;
        }
        return new ResultShape(Kind.ROWS_CHANGED, Wrapper.ONE, declared, null, List.of(),
            declared);
    }
  }

  private static ResultShape scalar(ValueKind kind, ReturnType returns, TypeName declared) {
    ValueKind read = declared.unbox().equals(TypeName.INT) ? ValueKind.INT : kind;
    return new ResultShape(Kind.SCALAR, Wrapper.ONE, declared, null,
        List.of(new ColumnRead("value", 1, new Value(read, declared, null))), declared);
  }

  /**
   * The parameters of each condition, checked against the properties they compare with: one for
   * most operators, two for {@code Between}, none for {@code IsNull}.
   */
  private Map<Condition, List<Binding>> bindings(ExecutableElement method, DerivedName parsed,
      EntityModel entity, String label) {
    List<? extends VariableElement> parameters = method.getParameters();
    int needed = parsed.groups().stream().flatMap(List::stream)
        .mapToInt(c -> c.operator().parameters).sum();
    if (needed != parameters.size()) {
      List<String> wanted = new ArrayList<>();
      for (Condition condition : parsed.groups().stream().flatMap(List::stream).toList()) {
        for (int i = 0; i < condition.operator().parameters; i++) {
          wanted.add(condition.property());
        }
      }
      error(method, Code.DERIVED_PARAMETER, label, "the name asks for " + needed
          + " parameter(s)" + (wanted.isEmpty() ? "" : " (" + String.join(", ", wanted) + ")")
          + " but the method has " + parameters.size() + ": declare one for each value the"
          + " conditions compare with, in the order of the name");
      return null;
    }
    Map<Condition, List<Binding>> bound = new IdentityHashMap<>();
    int next = 0;
    for (Condition condition : parsed.groups().stream().flatMap(List::stream).toList()) {
      List<Binding> bindings = new ArrayList<>();
      bound.put(condition, bindings);
      PropertyModel property = entity.column(condition.property()).orElseThrow();
      String problem = operatorProblem(condition, entity, property);
      if (problem != null) {
        error(method, Code.DERIVED_PARAMETER, label, problem);
        return null;
      }
      for (int i = 0; i < condition.operator().parameters; i++) {
        VariableElement parameter = parameters.get(next++);
        boolean collection = condition.operator() == Operator.IN
            || condition.operator() == Operator.NOT_IN;
        TypeMirror type = collection ? elementOf(parameter.asType()) : parameter.asType();
        if (type == null || !sameType(type, property)) {
          String compared = entity.simpleName() + "." + property.name();
          error(parameter, Code.DERIVED_PARAMETER, label, "parameter '"
              + parameter.getSimpleName() + "' is " + TypeName.get(parameter.asType())
              + (collection
                  ? " but " + condition.operator().word() + " takes a collection of " + compared
                      + " values: declare it as Collection<" + property.boxedType() + ">"
                  : " but " + compared + " is " + property.javaType() + ": declare it as "
                      + property.javaType()));
          return null;
        }
        bindings.add(new Binding(parameter.getSimpleName().toString(),
            Value.of(entity, property), collection, null));
      }
    }
    return bound;
  }

  /**
   * The statement in {@code dialect}'s SQL and its bindings in placeholder order. A condition
   * may use its parameter more than once (an offset date-time, an exact decimal, an ending do):
   * each {@code ?} gets the same value, and {@code Between}'s first half takes the low bound.
   */
  private static SqlVariant render(SqlDialect dialect, DerivedName parsed, EntityModel entity,
      ResultShape result, Map<Condition, List<Binding>> bound) {
    List<Binding> bindings = new ArrayList<>();
    String where = "";
    if (!parsed.groups().isEmpty()) {
      List<String> groups = new ArrayList<>();
      for (List<Condition> group : parsed.groups()) {
        List<String> parts = new ArrayList<>();
        for (Condition c : group) {
          PropertyModel p = entity.column(c.property()).orElseThrow();
          String sql = dialect == SqlDialect.SQLITE ? condition(c, p)
              : PostgresConditions.condition(dialect, c, p);
          parts.add(sql);
          List<Binding> parameters = bound.get(c);
          if (parameters.isEmpty()) {
            continue;
          }
          if (parameters.get(0).collection()) {
            bindings.add(transformed(parameters.get(0), dialect, c.operator(), 0));
            continue;
          }
          int uses = SqlDialect.uses(sql);
          for (int use = 0; use < uses; use++) {
            int which = use * parameters.size() / uses;
            Binding binding = transformed(parameters.get(which), dialect, c.operator(), which);
            if (rangeEnd(dialect, c, use)) {
              binding = new Binding(binding.parameter(), binding.value(), false,
                  "dev.kiln.spi.TextBounds.prefixEnd");
            }
            bindings.add(binding);
          }
        }
        groups.add(String.join(" AND ", parts));
      }
      where = groups.size() == 1 ? groups.get(0)
          : groups.stream().map(g -> "(" + g + ")").collect(Collectors.joining(" OR "));
    }
    // An entity with @SoftDelete: live rows only; a delete marks them (with now, bound first).
    String live = entity.liveCondition(c -> quote(c));
    if (live != null) {
      where = where.isEmpty() ? live : live + " AND (" + where + ")";
      entity.softDelete().filter(p -> p.kind() == ValueKind.INSTANT
          && parsed.verb() == DerivedName.Verb.DELETE)
          .ifPresent(p -> bindings.add(0, new Binding("support.now()", Value.of(entity, p),
              false, null)));
    }
    where = where.isEmpty() ? "" : " WHERE " + where;
    return new SqlVariant(sql(dialect, parsed, entity, result, where), bindings);
  }

  /** What is wrong with the operator on {@code property}, and how to fix it, or null. */
  private static String operatorProblem(Condition condition, EntityModel entity,
      PropertyModel property) {
    boolean text = property.kind() == ValueKind.STRING && property.converter() == null;
    String word = condition.operator().word();
    String compared = entity.simpleName() + "." + property.name();
    switch (condition.operator()) {
      case LIKE, NOT_LIKE, STARTING_WITH, ENDING_WITH, CONTAINING:
        return text ? null : word + " matches text, but " + compared + " is "
            + property.javaType() + ": use it on a String property, or compare "
            + property.name() + " with Is, LessThan, GreaterThan or Between";
      case TRUE, FALSE:
        return property.kind() == ValueKind.BOOLEAN ? null : word + " needs a boolean"
            + " property, but " + compared + " is " + property.javaType() + ": compare "
            + property.name() + " with Is and a parameter instead";
      case IS_NULL, IS_NOT_NULL:
        return property.nullable() ? null : compared + " is never null, so " + word
            + " would always be " + (condition.operator() == Operator.IS_NOT_NULL)
            + ": remove the condition, or mark " + property.name() + " @Nullable if it may"
            + " be absent";
      default:
        if (condition.ignoreCase() && !text) {
          return "IgnoreCase needs a String property, but " + compared + " is "
              + property.javaType() + ": remove IgnoreCase";
        }
        return null;
    }
  }

  /**
   * {@code parameter} with the static method that turns its argument into what {@code dialect}
   * binds, if any: SQLite's {@code LIKE} runs as a glob; PostgreSQL keeps time to the
   * microsecond, so a time with nanoseconds is compared through the microsecond bound that means
   * the same ({@code dev.kiln.spi.Times}). {@code which} is the parameter's place in the condition
   * ({@code Between}: 0 low, 1 high).
   */
  private static Binding transformed(Binding parameter, SqlDialect dialect, Operator operator,
      int which) {
    String transform = null;
    if (dialect == SqlDialect.SQLITE) {
      if (operator == Operator.LIKE || operator == Operator.NOT_LIKE) {
        transform = "dev.kiln.migrations.dialect.sqlite.SqliteDialect.glob";
      }
    } else if (finerOnPostgres(parameter.value().kind())) {
      transform = "dev.kiln.spi.Times." + switch (operator) {
        case LESS_THAN, GREATER_THAN_EQUAL -> "ceil";
        case LESS_THAN_EQUAL, GREATER_THAN -> "floor";
        case BETWEEN -> which == 0 ? "ceil" : "floor";
        default -> "exactOrNever";
      };
    }
    return transform == null ? parameter : new Binding(parameter.parameter(), parameter.value(),
        parameter.collection(), transform);
  }

  /** Whether placeholder {@code use} of {@code condition} is the end of a prefix's range. */
  private static boolean rangeEnd(SqlDialect dialect, Condition condition, int use) {
    TextMatch match = textMatch(condition.operator());
    return match != null && !condition.ignoreCase() && dialect.takesPrefixEnd(match, use);
  }

  /** The kinds PostgreSQL keeps to the microsecond, where Java has nanoseconds. */
  private static boolean finerOnPostgres(ValueKind kind) {
    return kind == ValueKind.INSTANT || kind == ValueKind.LOCAL_DATE_TIME
        || kind == ValueKind.LOCAL_TIME;
  }

  /** How a text operator matches, or null for the other operators. */
  static TextMatch textMatch(Operator operator) {
    return switch (operator) {
      case STARTING_WITH -> TextMatch.STARTS_WITH;
      case ENDING_WITH -> TextMatch.ENDS_WITH;
      case CONTAINING -> TextMatch.CONTAINS;
      case LIKE -> TextMatch.LIKE;
      case NOT_LIKE -> TextMatch.NOT_LIKE;
      default -> null;
    };
  }

  private boolean sameType(TypeMirror parameter, PropertyModel property) {
    TypeName given = TypeName.get(parameter).withoutAnnotations();
    return given.box().equals(property.javaType().box());
  }

  private TypeMirror elementOf(TypeMirror type) {
    TypeElement collection = context.env.getElementUtils().getTypeElement("java.util.Collection");
    if (!(type instanceof DeclaredType declared)
        || !context.types.isAssignable(context.types.erasure(type),
            context.types.erasure(collection.asType()))
        || declared.getTypeArguments().size() != 1) {
      return null;
    }
    TypeMirror argument = declared.getTypeArguments().get(0);
    return argument instanceof javax.lang.model.type.WildcardType wildcard
        && wildcard.getExtendsBound() != null ? wildcard.getExtendsBound() : argument;
  }

  /** The statement: the verb's head, the conditions, the order and the limit. */
  private static String sql(SqlDialect dialect, DerivedName parsed, EntityModel entity,
      ResultShape result, String where) {
    String table = quote(entity.table());
    switch (parsed.verb()) {
      case COUNT:
        return "SELECT count(*) FROM " + table + where;
      case EXISTS:
        return "SELECT EXISTS (SELECT 1 FROM " + table + where + ")";
      case DELETE:
        return entity.softDelete().isEmpty() ? "DELETE FROM " + table + where
            : new EntitySql(entity).softDelete() + where;
      default:
        StringBuilder sql = new StringBuilder("SELECT ").append(new EntitySql(entity).columns())
            .append(" FROM ").append(table).append(where).append(" ORDER BY ");
        for (DerivedName.Order order : parsed.orders()) {
          PropertyModel p = entity.column(order.property()).orElseThrow();
          sql.append(dialect.orderBy(p.kind().ordering(), quote(p.column()), order.descending(),
              p.nullable()))
              .append(", ");
        }
        sql.append(entity.keys().stream().map(k -> quote(k.column()))
            .collect(Collectors.joining(", ")));
        int limit = parsed.limit() > 0 ? parsed.limit()
            : result.wrapper() == Wrapper.ONE || result.wrapper() == Wrapper.OPTIONAL ? 2 : -1;
        if (limit > 0) {
          sql.append(" LIMIT ").append(limit);
        }
        return sql.toString();
    }
  }

  /** A condition in SQLite's SQL. */
  private static String condition(Condition condition, PropertyModel p) {
    String column = quote(p.column());
    // IgnoreCase puts the collation on the left operand, where every comparison (IN and
    // BETWEEN included) takes it from.
    String nocase = condition.ignoreCase() ? " COLLATE NOCASE" : "";
    Ordering ordering = p.kind().ordering();
    return switch (condition.operator()) {
      case EQUALS, NOT, LESS_THAN, LESS_THAN_EQUAL, GREATER_THAN, GREATER_THAN_EQUAL ->
          SqlDialect.SQLITE.compare(ordering, column + nocase, comparison(condition.operator()));
      case BETWEEN -> SqlDialect.SQLITE.between(ordering, column + nocase);
      case IN -> listOperand(p, column) + nocase + " IN (" + Placeholders.LIST_MARKER + ")";
      case NOT_IN -> listOperand(p, column) + nocase + " NOT IN (" + Placeholders.LIST_MARKER
          + ")";
      case IS_NULL -> column + " IS NULL";
      case IS_NOT_NULL -> column + " IS NOT NULL";
      case LIKE, NOT_LIKE, STARTING_WITH, ENDING_WITH, CONTAINING ->
          SqlDialect.SQLITE.textMatch(textMatch(condition.operator()), column,
              condition.ignoreCase());
      case TRUE -> column + " = 1";
      case FALSE -> column + " = 0";
    };
  }

  /**
   * The SQL operator of a comparison ({@code BETWEEN}'s bounds compare as {@code >=} and
   * {@code <=}, and use their parameters as often), or null for the other operators.
   */
  static String comparison(Operator operator) {
    return switch (operator) {
      case EQUALS -> "=";
      case NOT -> "<>";
      case LESS_THAN -> "<";
      case LESS_THAN_EQUAL -> "<=";
      case GREATER_THAN -> ">";
      case GREATER_THAN_EQUAL, BETWEEN -> ">=";
      default -> null;
    };
  }

  /**
   * The left side of {@code IN}: decimal text compares as a number (the cast gives it numeric
   * affinity, which SQLite applies to the bound values); everything else by stored value.
   */
  private static String listOperand(PropertyModel p, String column) {
    return p.kind().ordering() == Ordering.NUMERIC_TEXT
        ? SqlDialect.SQLITE.wrap(p.kind().ordering(), column)
        : column;
  }

  private void error(javax.lang.model.element.Element element, Code code, Object... args) {
    context.diagnostics.error(element, code, args);
  }
}
