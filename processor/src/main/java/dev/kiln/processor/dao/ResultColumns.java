package dev.kiln.processor.dao;

import com.palantir.javapoet.TypeName;
import dev.kiln.processor.diag.Messages.Code;
import dev.kiln.processor.model.EntityModel;
import dev.kiln.processor.model.Names;
import dev.kiln.processor.model.PropertyModel;
import dev.kiln.processor.model.ResultShape;
import dev.kiln.processor.model.ResultShape.ColumnRead;
import dev.kiln.processor.model.ResultShape.Kind;
import dev.kiln.processor.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;

/**
 * Fits the result columns of an {@code @Sql} query to the method's row type, by name: an entity
 * (every column of it present), a record or class projection (each component or constructor
 * parameter matched to a column, {@code camelCase} ↔ {@code snake_case}), or a scalar (exactly one
 * column). The column positions are known at compile time, so generated code reads by index.
 */
final class ResultColumns {

  private final DaoContext context;

  ResultColumns(DaoContext context) {
    this.context = context;
  }

  /** The shape, or null after reporting why the columns do not fit. */
  ResultShape shape(ExecutableElement method, ReturnType returns, List<String> columns,
      String name) {
    TypeName declared = TypeName.get(returns.declared());
    TypeName row = TypeName.get(returns.row()).withoutAnnotations();
    Optional<EntityModel> entity = context.entity(returns.row());
    if (entity.isPresent()) {
      return entityShape(method, returns, columns, name, entity.get(), declared);
    }
    Value scalar = SqlMethodParser.value(returns.row());
    if (scalar != null) {
      if (columns.size() != 1) {
        error(method, name, columns, row, "a " + row + " is one value, so select exactly one"
            + " column (or return a record with a component per column)");
        return null;
      }
      return new ResultShape(Kind.SCALAR, returns.wrapper(), row, null,
          List.of(new ColumnRead("value", 1, scalar)), declared);
    }
    if (returns.row().getKind() != TypeKind.DECLARED || returns.isVoid()) {
      context.diagnostics.error(method, Code.RETURN_TYPE, name, declared,
          "the query returns rows: return an entity, a record projection or a scalar, alone or"
              + " in Optional, List or Stream");
      return null;
    }
    return projectionShape(method, returns, columns, name, declared, row);
  }

  private ResultShape entityShape(ExecutableElement method, ReturnType returns,
      List<String> columns, String name, EntityModel entity, TypeName declared) {
    List<ColumnRead> reads = new ArrayList<>();
    boolean inOrder = columns.size() >= entity.columns().size();
    for (int i = 0; i < entity.columns().size(); i++) {
      PropertyModel p = entity.columns().get(i);
      int at = indexOf(columns, p.column(), p.name());
      if (at < 0) {
        error(method, name, columns, entity.type(), "it has no column '" + p.column() + "' for "
            + entity.simpleName() + "." + p.name() + "; select every column of "
            + entity.table() + " (for example " + entity.table() + ".*)");
        return null;
      }
      inOrder &= at == i;
      reads.add(new ColumnRead(p.name(), at + 1, Value.of(entity, p)));
    }
    return new ResultShape(Kind.ENTITY, returns.wrapper(), entity.type(), entity,
        inOrder ? List.of() : reads, declared);
  }

  private ResultShape projectionShape(ExecutableElement method, ReturnType returns,
      List<String> columns, String name, TypeName declared, TypeName row) {
    TypeElement type = (TypeElement) ((DeclaredType) returns.row()).asElement();
    List<? extends VariableElement> slots = slots(type);
    if (slots == null) {
      context.diagnostics.error(method, Code.RETURN_TYPE, name, declared, row
          + " is not a projection Kiln can build: use a record, or a class with a public"
          + " constructor whose parameters are named after the columns");
      return null;
    }
    List<ColumnRead> reads = new ArrayList<>();
    for (VariableElement slot : slots) {
      String property = slot.getSimpleName().toString();
      int at = indexOf(columns, Names.snake(property), property);
      if (at < 0) {
        String snake = Names.snake(property);
        error(method, name, columns, row, "no column for '" + property + "'; select one named '"
            + (snake.equals(property) ? "" : snake + "' or '") + property
            + "' (alias it with AS)");
        return null;
      }
      Value value = SqlMethodParser.value(slot.asType());
      if (value == null) {
        context.diagnostics.error(method, Code.RETURN_TYPE, name, declared, "'" + property
            + "' has type " + TypeName.get(slot.asType()) + ", which Kiln cannot read");
        return null;
      }
      reads.add(new ColumnRead(property, at + 1, value));
    }
    return new ResultShape(Kind.PROJECTION, returns.wrapper(), row, null, reads, declared);
  }

  /** A record's components, or the parameters of a class's widest public constructor. */
  private static List<? extends VariableElement> slots(TypeElement type) {
    if (type.getKind() == ElementKind.RECORD) {
      List<VariableElement> parameters = new ArrayList<>();
      ExecutableElement canonical = ElementFilter.constructorsIn(type.getEnclosedElements())
          .stream().filter(c -> c.getParameters().size() == type.getRecordComponents().size())
          .filter(c -> sameNames(c, type.getRecordComponents()))
          .findFirst().orElse(null);
      if (canonical != null) {
        parameters.addAll(canonical.getParameters());
      }
      return parameters;
    }
    if (type.getKind() != ElementKind.CLASS || type.getModifiers().contains(Modifier.ABSTRACT)) {
      return null;
    }
    return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
        .filter(c -> c.getModifiers().contains(Modifier.PUBLIC) && !c.getParameters().isEmpty())
        .max((a, b) -> Integer.compare(a.getParameters().size(), b.getParameters().size()))
        .map(ExecutableElement::getParameters).orElse(null);
  }

  private static boolean sameNames(ExecutableElement constructor,
      List<? extends RecordComponentElement> components) {
    for (int i = 0; i < components.size(); i++) {
      if (!constructor.getParameters().get(i).getSimpleName()
          .contentEquals(components.get(i).getSimpleName())) {
        return false;
      }
    }
    return true;
  }

  /** The position of the column named {@code column} or {@code property}, ignoring case. */
  private static int indexOf(List<String> columns, String column, String property) {
    for (int i = 0; i < columns.size(); i++) {
      String label = columns.get(i).toLowerCase(Locale.ROOT);
      if (label.equals(column.toLowerCase(Locale.ROOT))
          || label.equals(property.toLowerCase(Locale.ROOT))
          || label.replace("_", "").equals(property.toLowerCase(Locale.ROOT))) {
        return i;
      }
    }
    return -1;
  }

  private void error(ExecutableElement method, String name, List<String> columns, TypeName row,
      String problem) {
    context.diagnostics.error(method, Code.RESULT_COLUMNS, name, String.join(", ", columns), row,
        problem);
  }
}
