package dev.kiln.processor.diag;

import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Reports problems on the element (and, where known, the annotation value) they concern, each
 * with its stable code from {@link Messages}, and remembers whether any error was reported so that
 * the pipeline can stop before generating code from a broken model.
 */
public final class Diagnostics {

  private final Messager messager;
  private int errors;

  public Diagnostics(Messager messager) {
    this.messager = messager;
  }

  /** Reports an error on {@code element}. */
  public void error(Element element, Messages.Code code, Object... args) {
    error(element, null, null, code, args);
  }

  /** Reports an error on an annotation of {@code element}, and on one of its values if given. */
  public void error(Element element, AnnotationMirror annotation, AnnotationValue value,
      Messages.Code code, Object... args) {
    errors++;
    messager.printMessage(Diagnostic.Kind.ERROR, code.format(args), positioned(element),
        annotation, value);
  }

  /** Reports a warning on {@code element}. */
  public void warning(Element element, Messages.Code code, Object... args) {
    messager.printMessage(Diagnostic.Kind.WARNING, code.format(args), positioned(element));
  }

  /** Reports a warning with no element (a build-wide remark). */
  public void note(Messages.Code code, Object... args) {
    messager.printMessage(Diagnostic.Kind.WARNING, code.format(args));
  }

  /** The number of errors reported so far. */
  public int errorCount() {
    return errors;
  }

  /**
   * The element to print a message on. javac 17 gives a record component no source position, so
   * a message on one would name neither file nor line; the component's private field is declared
   * by the same source text and has one (and carries the component's annotations too).
   */
  private static Element positioned(Element element) {
    if (element.getKind() != ElementKind.RECORD_COMPONENT) {
      return element;
    }
    List<? extends Element> members = element.getEnclosingElement().getEnclosedElements();
    for (Element field : ElementFilter.fieldsIn(members)) {
      if (field.getSimpleName().contentEquals(element.getSimpleName())) {
        return field;
      }
    }
    return element;
  }
}
