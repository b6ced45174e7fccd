package dev.kiln.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.AnnotationMirror;

/**
 * An {@code @Index} as written, over Java property names.
 *
 * @param name the explicit name, or empty for the default
 * @param properties the property names in index order
 * @param modifiers for each property what follows it, normalised: empty, {@code DESC},
 *     {@code COLLATE NOCASE}, {@code COLLATE NOCASE DESC}; or {@code ?} and the text as written
 *     when it is none of these
 * @param unique whether the index is unique
 * @param where the partial-index condition, or empty
 * @param annotation the annotation, for diagnostics
 */
public record IndexModel(
    String name, List<String> properties, List<String> modifiers, boolean unique, String where,
    AnnotationMirror annotation) {

  /**
   * The {@code @Index} whose {@code columns} are {@code entries}: each a property name, then
   * optionally {@code COLLATE NOCASE} and {@code ASC} or {@code DESC}, in any letter case.
   */
  public static IndexModel of(String name, List<String> entries, boolean unique, String where,
      AnnotationMirror annotation) {
    List<String> properties = new ArrayList<>();
    List<String> modifiers = new ArrayList<>();
    for (String entry : entries) {
      String[] words = entry.trim().split("\\s+", 2);
      properties.add(words[0]);
      String rest = words.length > 1 ? words[1].trim().toUpperCase(Locale.ROOT)
          .replaceAll("\\s+", " ") : "";
      rest = rest.replaceFirst("(^| )ASC$", "").trim();
      boolean known = rest.isEmpty() || rest.equals("DESC") || rest.equals("COLLATE NOCASE")
          || rest.equals("COLLATE NOCASE DESC");
      modifiers.add(known ? rest : "?" + words[1].trim());
    }
    return new IndexModel(name, properties, modifiers, unique, where, annotation);
  }
}
