package dev.kiln.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.annotation.processing.Filer;
import javax.annotation.processing.FilerException;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * What every generated file shares: {@code @Generated} (with no date, so builds are
 * reproducible), the originating element (so incremental builds know what to regenerate), and
 * writing through the {@link Filer}.
 */
final class GeneratedFiles {

  private static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");

  private GeneratedFiles() {}

  /** A {@code public final} class named {@code name}, generated from {@code origin}. */
  static TypeSpec.Builder newClass(ClassName name, Element origin) {
    TypeSpec.Builder type = TypeSpec.classBuilder(name)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(AnnotationSpec.builder(GENERATED)
            .addMember("value", "$S", "dev.kiln.processor.KilnProcessor").build());
    if (origin != null) {
      type.addOriginatingElement(origin);
    }
    return type;
  }

  /**
   * Writes {@code type} into {@code packageName}.
   *
   * @throws NameTaken when the compilation already has a type of that name
   */
  static void write(Filer filer, String packageName, TypeSpec type) {
    try {
      JavaFile.builder(packageName, type)
          .skipJavaLangImports(true)
          .indent("    ")
          .build()
          .writeTo(filer);
    } catch (FilerException e) {
      throw new NameTaken(packageName.isEmpty() ? type.name() : packageName + "." + type.name(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
