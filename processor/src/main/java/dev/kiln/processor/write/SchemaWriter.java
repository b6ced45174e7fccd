package dev.kiln.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.kiln.migrations.schema.Schema;
import dev.kiln.migrations.schema.SqliteDdl;
import dev.kiln.migrations.schema.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.tools.StandardLocation;

/**
 * Writes the compiled-in schema: a {@code SchemaProvider} class holding the DDL of the entities,
 * and, once processing is over, the {@code META-INF/services} file that lets the runtime find every
 * provider of the compilation.
 */
public final class SchemaWriter {

  private static final String MODEL = "dev.kiln.migrations.schema";
  private static final ClassName SCHEMA = ClassName.get(MODEL, "Schema");
  private static final ClassName TABLE = ClassName.get(MODEL, "Table");
  private static final ClassName COLUMN = ClassName.get(MODEL, "Column");
  private static final ClassName INDEX = ClassName.get(MODEL, "Index");
  private static final ClassName FOREIGN_KEY = ClassName.get(MODEL, "ForeignKey");
  private static final ClassName SQL_TYPE = ClassName.get(MODEL, "SqlType");
  private static final ClassName LOGICAL_TYPE = ClassName.get(MODEL, "LogicalType");
  private static final String SERVICES = "META-INF/services/dev.kiln.mapping.SchemaProvider";

  private final Filer filer;
  private final Set<String> providers = new TreeSet<>();

  public SchemaWriter(Filer filer) {
    this.filer = filer;
  }

  /** Writes {@code name}, a provider of {@code schema}, generated from {@code origins}. */
  public void write(ClassName name, Schema schema, List<? extends Element> origins) {
    CodeBlock statements = SqliteDdl.createSchema(schema).stream()
        .map(sql -> CodeBlock.of("$S", sql)).collect(CodeBlock.joining(",\n"));
    TypeSpec.Builder type = GeneratedFiles.newClass(name, null)
        .addJavadoc("The schema these entities were compiled against, for"
            + " {@code Database.migrate()}.\n")
        .addSuperinterface(Spi.SCHEMA_PROVIDER)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).build())
        .addMethod(MethodSpec.methodBuilder("createStatements").addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(List.class, String.class))
            .addStatement("return $T.of(\n$>$>$L$<$<)", List.class, statements)
            .build())
        .addMethod(MethodSpec.methodBuilder("schema").addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(SCHEMA)
            .addStatement("return $L", model(schema))
            .build());
    origins.forEach(type::addOriginatingElement);
    GeneratedFiles.write(filer, name.packageName(), type.build());
    providers.add(name.canonicalName());
  }

  /**
   * The schema as code that builds the model, from which the runtime writes the DDL of engines
   * other than SQLite and compares their live schema.
   */
  private static CodeBlock model(Schema schema) {
    CodeBlock tables = schema.tables().stream().map(SchemaWriter::table)
        .collect(CodeBlock.joining(",\n"));
    return CodeBlock.of("new $T($T.of(\n$>$>$L$<$<))", SCHEMA, List.class, tables);
  }

  private static CodeBlock table(Table table) {
    CodeBlock columns = table.columns().stream()
        .map(c -> CodeBlock.of("new $T($S, $T.$L, $L, $S, $T.$L)", COLUMN, c.name(), SQL_TYPE,
            c.type().name(), c.notNull(), c.defaultValue(), LOGICAL_TYPE, c.logical().name()))
        .collect(CodeBlock.joining(",\n"));
    CodeBlock indexes = table.indexes().stream()
        .map(i -> CodeBlock.of("new $T($S, $S, $L, $L, $S)", INDEX, i.name(), i.table(),
            strings(i.columns()), i.unique(), i.where()))
        .collect(CodeBlock.joining(",\n"));
    CodeBlock foreignKeys = table.foreignKeys().stream()
        .map(fk -> CodeBlock.of("new $T($L, $S, $L, $S, $S)", FOREIGN_KEY, strings(fk.columns()),
            fk.targetTable(), strings(fk.targetColumns()), fk.onDelete(), fk.onUpdate()))
        .collect(CodeBlock.joining(",\n"));
    return CodeBlock.of("new $T($S,\n$>$>$T.of(\n$L),\n$L, $L,\n$T.of($L),\n$T.of($L))$<$<",
        TABLE, table.name(), List.class, columns, strings(table.primaryKey()), table.strict(),
        List.class, indexes, List.class, foreignKeys);
  }

  private static CodeBlock strings(List<String> values) {
    return CodeBlock.of("$T.of($L)", List.class, values.stream().map(v -> CodeBlock.of("$S", v))
        .collect(CodeBlock.joining(", ")));
  }

  /** Writes the service file listing every provider written; call once, when processing is over. */
  public void writeServiceFile() {
    if (providers.isEmpty()) {
      return;
    }
    try (Writer out = filer.createResource(StandardLocation.CLASS_OUTPUT, "", SERVICES)
        .openWriter()) {
      for (String provider : providers) {
        out.write(provider + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
