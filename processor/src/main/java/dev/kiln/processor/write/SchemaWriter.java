package dev.kiln.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.kiln.migrations.schema.Schema;
import dev.kiln.migrations.schema.SqliteDdl;
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

  private static final String SERVICES = "META-INF/services/dev.kiln.spi.SchemaProvider";

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
            .build());
    origins.forEach(type::addOriginatingElement);
    GeneratedFiles.write(filer, name.packageName(), type.build());
    providers.add(name.canonicalName());
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
