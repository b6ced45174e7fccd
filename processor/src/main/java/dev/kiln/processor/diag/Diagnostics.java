package dev.kiln.processor.diag;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
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
    messager.printMessage(Diagnostic.Kind.ERROR, code.format(args), element, annotation, value);
  }

  /** Reports an error that concerns no element (a table no entity maps any more, say). */
  public void error(Messages.Code code, Object... args) {
    errors++;
    messager.printMessage(Diagnostic.Kind.ERROR, code.format(args));
  }

  /** Reports a note with no element: something the build did that users should know. */
  public void info(Messages.Code code, Object... args) {
    messager.printMessage(Diagnostic.Kind.NOTE, code.format(args));
  }

  /** Reports a warning on {@code element}. */
  public void warning(Element element, Messages.Code code, Object... args) {
    messager.printMessage(Diagnostic.Kind.WARNING, code.format(args), element);
  }

  /** Reports a warning with no element (a build-wide remark). */
  public void note(Messages.Code code, Object... args) {
    messager.printMessage(Diagnostic.Kind.WARNING, code.format(args));
  }

  /** The number of errors reported so far. */
  public int errorCount() {
    return errors;
  }
}
