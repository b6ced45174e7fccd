package dev.kiln.processor.diag;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Reports problems on the element (and, where known, the annotation value) they concern, each
 * with its stable code from {@link Messages}, and remembers whether any error was reported so that
 * the pipeline can stop before generating code from a broken model. Where javac cannot place a
 * message by itself (on a record component, on one of several repeated annotations), this class
 * finds the source position, so that every message points at the line to fix.
 */
public final class Diagnostics {

  private final Messager messager;
  private final Trees trees;
  private int errors;

  public Diagnostics(ProcessingEnvironment env) {
    this.messager = env.getMessager();
    this.trees = treesOf(env);
  }

  /** Reports an error on {@code element}. */
  public void error(Element element, Messages.Code code, Object... args) {
    error(element, null, null, code, args);
  }

  /** Reports an error on an annotation of {@code element}, and on one of its values if given. */
  public void error(Element element, AnnotationMirror annotation, AnnotationValue value,
      Messages.Code code, Object... args) {
    errors++;
    String message = code.format(args);
    Element target = positioned(element);
    if (annotation == null || target.getAnnotationMirrors().contains(annotation)
        || !printedOnRepeated(message, target, annotation)) {
      messager.printMessage(Diagnostic.Kind.ERROR, message, target, annotation, value);
    }
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

  /**
   * Prints an error on {@code annotation}, one of several repeated annotations of
   * {@code element}, and returns whether it could. javac's Messager cannot: it looks for the
   * annotation among the element's own, finds only the container javac put in their place, which
   * has no source, and prints on the element instead. So the annotation's source is found here,
   * as the n-th of its type on the element.
   */
  private boolean printedOnRepeated(String message, Element element, AnnotationMirror annotation) {
    int n = repetition(element, annotation);
    TreePath path = trees == null || n < 0 ? null : trees.getPath(element);
    if (path == null) {
      return false;
    }
    String type = annotation.getAnnotationType().toString();
    for (AnnotationTree tree : annotationTrees(path.getLeaf())) {
      TypeMirror treeType = trees.getTypeMirror(new TreePath(path, tree));
      if (treeType != null && treeType.toString().equals(type) && n-- == 0) {
        trees.printMessage(Diagnostic.Kind.ERROR, message, tree, path.getCompilationUnit());
        return true;
      }
    }
    return false;
  }

  /** The index of {@code annotation} in a container annotation of {@code element}, or -1. */
  private static int repetition(Element element, AnnotationMirror annotation) {
    for (AnnotationMirror container : element.getAnnotationMirrors()) {
      for (AnnotationValue value : container.getElementValues().values()) {
        if (value.getValue() instanceof List<?> items) {
          for (int i = 0; i < items.size(); i++) {
            if (((AnnotationValue) items.get(i)).getValue() == annotation) {
              return i;
            }
          }
        }
      }
    }
    return -1;
  }

  private static List<? extends AnnotationTree> annotationTrees(Tree declaration) {
    ModifiersTree modifiers = declaration instanceof ClassTree type ? type.getModifiers()
        : declaration instanceof MethodTree method ? method.getModifiers()
        : declaration instanceof VariableTree variable ? variable.getModifiers()
        : null;
    return modifiers == null ? List.of() : modifiers.getAnnotations();
  }

  /** javac's syntax trees, or null when another compiler (or a wrapper) runs the processor. */
  private static Trees treesOf(ProcessingEnvironment env) {
    try {
      return Trees.instance(env);
    } catch (IllegalArgumentException notJavac) {
      return null;
    }
  }
}
