package dev.kiln.processor.dao;

import dev.kiln.processor.model.Names;
import dev.kiln.processor.validate.Spelling;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grammar of derived finder names: {@code find|findFirst|findTop<N>|count|exists|delete},
 * {@code By}, conditions on properties joined by {@code And}/{@code Or} (each an optional operator
 * such as {@code LessThan} and an optional {@code IgnoreCase}), then {@code OrderBy} followed by
 * properties with {@code Asc}/{@code Desc}.
 *
 * @param verb what the method does
 * @param limit the row limit {@code First}/{@code Top<N>} set, or -1
 * @param groups the conditions, as OR of ANDs
 * @param orders the orderings
 */
public record DerivedName(Verb verb, int limit, List<List<Condition>> groups, List<Order> orders) {

  /** What a derived method does. */
  public enum Verb { FIND, COUNT, EXISTS, DELETE }

  /** A comparison and the number of parameters it takes. */
  public enum Operator {
    EQUALS(1), NOT(1), LESS_THAN(1), LESS_THAN_EQUAL(1), GREATER_THAN(1), GREATER_THAN_EQUAL(1),
    BETWEEN(2), IN(1), NOT_IN(1), IS_NULL(0), IS_NOT_NULL(0), LIKE(1), NOT_LIKE(1),
    STARTING_WITH(1), ENDING_WITH(1), CONTAINING(1), TRUE(0), FALSE(0);

    final int parameters;

    Operator(int parameters) {
      this.parameters = parameters;
    }

    /** The operator as a method name spells it: {@code StartingWith}, {@code IsNull}. */
    public String word() {
      StringBuilder word = new StringBuilder();
      for (String part : name().split("_")) {
        word.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
      }
      return word.toString();
    }
  }

  /** One condition on a property. */
  public record Condition(String property, Operator operator, boolean ignoreCase) {}

  /** One ordering term. */
  public record Order(String property, boolean descending) {}

  /** A parse failure, with what to say about it. */
  public static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message, null, false, false);
    }
  }

  private static final Pattern HEAD =
      Pattern.compile("^(find|count|exists|delete)(All|First|Top(\\d+))?By(.*)$");

  /** An operator suffix of a condition, such as {@code LessThan}, and what it means. */
  private record Suffix(String word, Operator operator) {}

  /** Operator suffixes, longest first so that {@code NotIn} wins over {@code In}. */
  private static final List<Suffix> SUFFIXES = List.of(
      new Suffix("IsNotNull", Operator.IS_NOT_NULL), new Suffix("NotNull", Operator.IS_NOT_NULL),
      new Suffix("IsNull", Operator.IS_NULL), new Suffix("Null", Operator.IS_NULL),
      new Suffix("IsNotIn", Operator.NOT_IN), new Suffix("NotIn", Operator.NOT_IN),
      new Suffix("IsIn", Operator.IN), new Suffix("In", Operator.IN),
      new Suffix("IsBetween", Operator.BETWEEN), new Suffix("Between", Operator.BETWEEN),
      new Suffix("IsLessThanEqual", Operator.LESS_THAN_EQUAL),
      new Suffix("LessThanEqual", Operator.LESS_THAN_EQUAL),
      new Suffix("IsLessThan", Operator.LESS_THAN), new Suffix("LessThan", Operator.LESS_THAN),
      new Suffix("Before", Operator.LESS_THAN),
      new Suffix("IsGreaterThanEqual", Operator.GREATER_THAN_EQUAL),
      new Suffix("GreaterThanEqual", Operator.GREATER_THAN_EQUAL),
      new Suffix("IsGreaterThan", Operator.GREATER_THAN),
      new Suffix("GreaterThan", Operator.GREATER_THAN), new Suffix("After", Operator.GREATER_THAN),
      new Suffix("IsNotLike", Operator.NOT_LIKE), new Suffix("NotLike", Operator.NOT_LIKE),
      new Suffix("IsLike", Operator.LIKE), new Suffix("Like", Operator.LIKE),
      new Suffix("IsStartingWith", Operator.STARTING_WITH),
      new Suffix("StartingWith", Operator.STARTING_WITH),
      new Suffix("StartsWith", Operator.STARTING_WITH),
      new Suffix("IsEndingWith", Operator.ENDING_WITH),
      new Suffix("EndingWith", Operator.ENDING_WITH), new Suffix("EndsWith", Operator.ENDING_WITH),
      new Suffix("IsContaining", Operator.CONTAINING),
      new Suffix("Containing", Operator.CONTAINING), new Suffix("Contains", Operator.CONTAINING),
      new Suffix("IsTrue", Operator.TRUE), new Suffix("True", Operator.TRUE),
      new Suffix("IsFalse", Operator.FALSE), new Suffix("False", Operator.FALSE),
      new Suffix("IsNot", Operator.NOT), new Suffix("Not", Operator.NOT),
      new Suffix("Equals", Operator.EQUALS), new Suffix("Is", Operator.EQUALS));

  /** Why a name that does not start like a derived finder is none. */
  static final String NOT_DERIVED =
      "it does not start with find…By, count…By, exists…By or delete…By";

  /** Whether {@code name} starts like a derived finder (so that other names get a clear error). */
  public static boolean looksDerived(String name) {
    return HEAD.matcher(name).matches();
  }

  /** Parses {@code name} over the {@code properties} of {@code entity} (its simple name). */
  public static DerivedName parse(String name, String entity, List<String> properties)
      throws Failure {
    Matcher head = HEAD.matcher(name);
    if (!head.matches()) {
      throw new Failure(NOT_DERIVED);
    }
    Verb verb = Verb.valueOf(head.group(1).toUpperCase(java.util.Locale.ROOT));
    int limit = head.group(3) != null ? Integer.parseInt(head.group(3))
        : "First".equals(head.group(2)) ? 1 : -1;
    if (limit == 0) {
      throw new Failure("Top0 would return nothing");
    }
    if (limit > 0 && verb != Verb.FIND) {
      throw new Failure("First and Top go with find only");
    }
    String rest = head.group(4);
    String orderText = "";
    int orderAt = indexOfWord(rest, "OrderBy");
    if (orderAt >= 0) {
      orderText = rest.substring(orderAt + "OrderBy".length());
      rest = rest.substring(0, orderAt);
      if (orderText.isEmpty()) {
        throw new Failure("OrderBy names no property");
      }
    }
    List<List<Condition>> groups = new ArrayList<>();
    if (!rest.isEmpty()) {
      for (String group : splitWords(rest, "Or")) {
        List<Condition> conditions = new ArrayList<>();
        for (String part : splitWords(group, "And")) {
          conditions.add(condition(part, entity, properties));
        }
        groups.add(conditions);
      }
    } else if (orderText.isEmpty() || verb != Verb.FIND) {
      throw new Failure("By is followed by no condition: name a property after By");
    }
    return new DerivedName(verb, limit, groups, orders(orderText, entity, properties));
  }

  private static Condition condition(String part, String entity, List<String> properties)
      throws Failure {
    boolean ignoreCase = false;
    for (String suffix : List.of("IgnoringCase", "IgnoreCase")) {
      if (part.endsWith(suffix)) {
        part = part.substring(0, part.length() - suffix.length());
        ignoreCase = true;
        break;
      }
    }
    Optional<String> whole = property(part, properties);
    if (whole.isPresent()) {
      return new Condition(whole.get(), Operator.EQUALS, ignoreCase);
    }
    for (Suffix suffix : SUFFIXES) {
      String word = suffix.word();
      if (part.endsWith(word)) {
        Optional<String> property = property(part.substring(0, part.length() - word.length()),
            properties);
        if (property.isPresent()) {
          return new Condition(property.get(), suffix.operator(), ignoreCase);
        }
      }
    }
    throw unknownProperty(stripOperator(part), entity, properties);
  }

  private static List<Order> orders(String text, String entity, List<String> properties)
      throws Failure {
    List<Order> orders = new ArrayList<>();
    String rest = text;
    while (!rest.isEmpty()) {
      String match = null;
      for (String p : properties) {
        String word = Names.capitalize(p);
        if (rest.startsWith(word) && (match == null || word.length() > match.length())) {
          match = word;
        }
      }
      if (match == null) {
        String guess = rest.replaceFirst("(Asc|Desc).*$", "");
        throw unknownProperty(guess, entity, properties);
      }
      rest = rest.substring(match.length());
      boolean descending = rest.startsWith("Desc");
      if (descending) {
        rest = rest.substring(4);
      } else if (rest.startsWith("Asc")) {
        rest = rest.substring(3);
      }
      String word = match;
      orders.add(new Order(property(word, properties).orElseThrow(), descending));
    }
    return orders;
  }

  private static Optional<String> property(String word, List<String> properties) {
    return properties.stream().filter(p -> Names.capitalize(p).equals(word)).findFirst();
  }

  private static String stripOperator(String part) {
    for (Suffix suffix : SUFFIXES) {
      String word = suffix.word();
      if (part.endsWith(word) && part.length() > word.length()) {
        return part.substring(0, part.length() - word.length());
      }
    }
    return part;
  }

  private static Failure unknownProperty(String word, String entity, List<String> properties) {
    String wanted = word.isEmpty() ? word
        : Character.toLowerCase(word.charAt(0)) + word.substring(1);
    String guess = Spelling.closest(wanted, properties);
    return new Failure("'" + wanted + "' is not a persisted property of " + entity
        + (guess == null ? " (properties: " + String.join(", ", properties) + ")"
            : " (did you mean '" + guess + "'?)"));
  }

  /**
   * Where {@code word} starts as a whole word: at the start or after a lower-case letter or digit,
   * and before an upper-case one. At the start it is {@code findAllByOrderByName}, which has no
   * condition.
   */
  private static int indexOfWord(String text, String word) {
    Matcher m = Pattern.compile("(?:^|(?<=[a-z0-9]))" + word + "(?=[A-Z])").matcher(text);
    return m.find() ? m.start() : -1;
  }

  private static List<String> splitWords(String text, String word) {
    return List.of(text.split("(?<=[a-z0-9])" + word + "(?=[A-Z])"));
  }
}
