package dev.kiln.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A {@code @Dao} interface and its methods.
 *
 * @param element the interface
 * @param type its class name
 * @param methods its abstract methods, parsed
 */
public record DaoModel(TypeElement element, ClassName type, List<DaoMethod> methods) {

  public DaoModel {
    methods = List.copyOf(methods);
  }

  /** {@code ShopQueries_Impl}, in the interface's package. */
  public ClassName implementationName() {
    return ClassName.get(type.packageName(), String.join("_", type.simpleNames()) + "_Impl");
  }
}
