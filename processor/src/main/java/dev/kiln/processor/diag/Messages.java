package dev.kiln.processor.diag;

/**
 * Every message the processor prints, in one catalogue. Each has a stable code that users can
 * search for, and says how to fix the problem, not only what it is.
 */
public final class Messages {

  private Messages() {}

  /** A message and its code; {@link #format} fills in the {@link String#format} arguments. */
  public enum Code {
    NO_ID("KILN-001", "%s has no @Id: mark its primary-key property with @Id"
        + " (several @Id properties make a composite key)"),
    UNSUPPORTED_TYPE("KILN-002", "property '%s' has type %s, which Kiln cannot store: use a"
        + " built-in type (boolean, byte, short, int, long, float, double and their boxes,"
        + " String, byte[], BigDecimal, BigInteger, UUID, an enum, Instant, LocalDate, LocalTime,"
        + " LocalDateTime, OffsetDateTime), or add @Convert(YourConverter.class) with a"
        + " Converter<%s, String> (or another built-in type), or mark it @Transient"),
    UNKNOWN_INDEX_PROPERTY("KILN-003", "@Index names '%s', which is not a persisted property of"
        + " %s%s; @Index.columns takes Java property names, not column names"),
    DUPLICATE_COLUMN("KILN-004", "column '%s' is used by both '%s' and '%s': give one of them"
        + " another @Column(name = ...)"),
    DUPLICATE_TABLE("KILN-005", "table '%s' is already the table of %s: give one of them another"
        + " @Table(name = ...)"),
    AUTO_GENERATE_NOT_INTEGER("KILN-006", "@Id(autoGenerate = true) needs a single key property"
        + " of type long, int, Long or Integer (SQLite assigns it from the rowid); '%s' is %s."
        + " Remove autoGenerate and assign the key yourself, or use an integer key"),
    VERSION_NOT_INTEGER("KILN-007", "@Version needs a long or int property (a counter that"
        + " update() checks and increments); '%s' is %s"),
    NO_CONSTRUCTOR("KILN-008", "%s has no constructor Kiln can use: add a public constructor"
        + " whose parameters are the persisted properties (%s), or a public no-argument"
        + " constructor with a setter or non-final field for each of them%s"),
    NOT_ACCESSIBLE_TYPE("KILN-009", "%s cannot be an entity because it is %s: entities must be"
        + " top-level or static nested types that are not private, so that the generated"
        + " repository in the same package can create them"),
    INTERNAL_ERROR("KILN-010", "Kiln failed while processing this element (%s). This is a bug in"
        + " Kiln; please report it with this message. Details: %s"),
    NOT_A_CLASS("KILN-011", "@Table goes on a record or a class; %s is %s"),
    BAD_CONVERTER("KILN-012", "@Convert(%s) cannot convert '%s': %s"),
    BAD_FOREIGN_KEY("KILN-013", "@ForeignKey on '%s': %s"),
    AUDIT_NOT_INSTANT("KILN-055", "@%s needs an Instant property (Kiln fills it with the time of"
        + " the write); '%s' is %s"),
    BAD_AUDIT("KILN-056", "@%s on '%s': %s"),
    BAD_SOFT_DELETE("KILN-057", "@SoftDelete on '%s': %s"),
    BAD_INDEX_TERM("KILN-058", "@Index column '… %s': after a property name comes COLLATE"
        + " NOCASE, ASC or DESC, or COLLATE NOCASE then ASC or DESC"),
    SEVERAL_VERSIONS("KILN-014", "%s has more than one @Version property ('%s' and '%s'):"
        + " keep one"),
    DUPLICATE_INDEX("KILN-015", "index name '%s' is used twice: give one of the indexes another"
        + " @Index(name = ...)%s"),
    NOT_READABLE("KILN-016", "property '%s' of %s cannot be read by generated code: make the"
        + " field non-private, or add a public getter %s()"),
    NULLABLE_ID("KILN-017", "@Id property '%s' is nullable, but a primary key may not be null:"
        + " remove @Nullable%s"),
    GENERIC_ENTITY("KILN-018", "%s has type parameters; an entity must be a concrete type:"
        + " remove the type parameters and give each property a concrete type"),
    EMPTY_INDEX("KILN-019", "@Index on %s names no columns: list at least one property in"
        + " columns = {...}"),
    BAD_NAME("KILN-020", "'%s' is not a usable %s name: %s"),
    MISSING_TYPE("KILN-021", "%s uses %s, which does not exist, so Kiln generated nothing for"
        + " it: correct the name or the import, or add the dependency that declares it (a type"
        + " that another annotation processor generates must exist before processing ends)"),
    NAME_TAKEN("KILN-022", "Kiln cannot generate %s for %s: the compilation already has a type"
        + " of that name (Kiln names what it generates after the entity's simple name, in the"
        + " entity's package); rename that type or the entity"),
    BAD_DEFAULT("KILN-023", "@Column(defaultValue = \"%s\") of %s.%s is not a default SQLite"
        + " can use for this column: %s (SQLite). Write one literal of the column's type ('text',"
        + " 12, 1.5, X'00', TRUE), CURRENT_TIMESTAMP, or one constant expression in"
        + " parentheses"),
    BAD_INDEX_WHERE("KILN-024", "@Index(where = \"%s\") of index %s is not a condition SQLite"
        + " accepts for a partial index: %s (SQLite). Write one SQL expression over the table's"
        + " column names (not property names), without parameters or non-deterministic"
        + " functions"),
    SCHEMA_REFUSED("KILN-025", "SQLite refuses to create the %s %s: %s (SQLite); rename it"
        + " with @Table(name = ...), @Column(name = ...) or @Index(name = ...)"),
    RESERVED_NAME("KILN-026", "'%s' cannot be the name of %s: %s"),
    ID_AND_VERSION("KILN-028", "'%s' is both @Id and @Version, but a key identifies a row and"
        + " never changes while a version counts its updates: keep @Id on the key and add a"
        + " separate @Version long property"),
    CONSTANT_CLASH("KILN-029", "'%s' and '%s' of %s both become the metamodel constant %s_.%s:"
        + " rename one of the properties"),
    RELATION_TARGET_NOT_ENTITY("KILN-060", "@Relation '%s' points to %s, which is not a @Table"
        + " entity: annotate %s with @Table, or mark the property @Transient"),
    RELATION_BAD_PROPERTY("KILN-061", "@Relation '%s': %s"),
    JUNCTION_MISSING_FOREIGN_KEY("KILN-062", "@Relation(through = %s.class) '%s': %s has no"
        + " @ForeignKey(%s.class) property; add one holding the key of %s"),
    RELATION_NOT_LIST("KILN-063", "@Relation '%s' is to-many and must be declared as"
        + " java.util.List<%s>, not %s"),
    RELATION_NULLABILITY("KILN-064", "@Relation(foreignKey = \"%s\") '%s': %s"),
    RELATION_MODE("KILN-065", "@Relation '%s' must set exactly one of foreignKey (this entity's"
        + " foreign key, for a to-one), mappedBy (the target's foreign key) or through (a"
        + " junction entity, for many-to-many)"),
    SQL_INVALID("KILN-040", "@Sql of %s does not compile against the schema: %s (SQLite); %s"),
    PLAN_SCAN("KILN-041", "%s scans table %s (SQLite's plan: %s): %s, or mark it @AllowScan if"
        + " a full scan is intended"),
    SQL_PARAMETER("KILN-042", "@Sql of %s: %s"),
    DERIVED_NAME("KILN-043", "%s is not a query Kiln can derive: %s. Derived finders read"
        + " find|findFirst|findTop<N>|count|exists|delete + By + conditions on properties joined"
        + " by And/Or + optional OrderBy<Property>Asc|Desc, or give the method @Sql"),
    DERIVED_PARAMETER("KILN-044", "%s: %s"),
    RETURN_TYPE("KILN-045", "%s cannot return %s: %s"),
    RESULT_COLUMNS("KILN-046", "%s: the query's columns (%s) do not fit %s: %s"),
    DAO_NOT_INTERFACE("KILN-047", "@Dao goes on an interface; %s is %s"),
    DAO_ENTITY_UNKNOWN("KILN-048", "%s: Kiln cannot tell which entity it works on: name it in"
        + " the method (%s), or on the interface with @Dao(YourEntity.class)"),
    PARAMETER_TYPE("KILN-049", "%s: parameter '%s' has type %s, which Kiln cannot bind; use a"
        + " built-in type (String, a number, a date-time, UUID, an enum, byte[]) or a"
        + " Collection of one"),
    RELATION_NOT_SETTABLE("KILN-027", "%s cannot receive its relation '%s', so a fetch could"
        + " never fill it: it is not a parameter of the constructor Kiln uses, and it has"
        + " neither a setter nor a non-final, non-private field; add one of them"),
    // ---- Migrations (KILN-030 to KILN-039) ---------------------------------------------------
    MIGRATION_DROPS_DATA("KILN-030", "the next migration would destroy data: %s. Kiln writes"
        + " such a step only when you allow it by name: add -Akiln.allowDestructive=%s to the"
        + " compiler arguments (in Maven, <arg>-Akiln.allowDestructive=%s</arg> in the"
        + " maven-compiler-plugin's compilerArgs; separate several names with commas), build"
        + " once, review the migration it writes, and remove the option again. %sOr write the"
        + " step yourself in %s and build again: hand-written migrations count like generated"
        + " ones"),
    MIGRATION_REPLAY_FAILED("KILN-031", "migration %s does not run on the schema the migrations"
        + " before it produce: %s. The build replays every migration of %s in an in-memory"
        + " SQLite database to learn the current schema; fix that file"),
    MIGRATION_FOLDER_INVALID("KILN-032", "the migrations in %s cannot be used: %s"),
    MIGRATION_RISK("KILN-033", "%s.%s %s (see %s)"),
    MIGRATION_WRITTEN("KILN-034", "wrote migration %s to %s: %s. Review it and commit it with"
        + " the entity change"),
    MIGRATION_WRITE_FAILED("KILN-035", "cannot write migration %s to %s: %s. Check that"
        + " -Akiln.migrations names a folder the build may write to"),
    UNUSED_ALLOWANCE("KILN-036", "-Akiln.allowDestructive names '%s', but no migration needs to"
        + " destroy it: remove it from the compiler arguments, so that it cannot allow a loss"
        + " nobody meant"),
    MIGRATION_SELF_CHECK("KILN-037", "the migration Kiln prepared, %s, does not produce the"
        + " entities' schema (still different: %s), so it was not written. This is a bug in"
        + " Kiln; please report it. Until it is fixed, write the migration by hand in %s"),
    DIALECTS_UNKNOWN("KILN-038", "-Akiln.dialects names '%s', which Kiln does not know: list"
        + " the engines to write migrations for, sqlite and postgresql, separated by commas"),
    POSTGRES_MIGRATIONS_INVALID("KILN-039", "the PostgreSQL migrations in %s cannot be"
        + " continued: %s"),
    // ---- end of migrations ----------------------------------------------------------------
    SQL_EMPTY("KILN-051", "@Sql of %s holds no SQL statement: write the statement the method"
        + " runs, or remove @Sql to let Kiln derive the query from the method's name"),
    SQL_SEVERAL("KILN-052", "@Sql of %s holds more than one statement (the next one starts at"
        + " '%s'): Kiln prepares and runs exactly one statement per method; give each statement"
        + " a method of its own and call them inside db.transaction(...)"),
    DAO_GENERIC("KILN-053", "@Dao %s declares type parameters (%s), which Kiln cannot implement:"
        + " declare the interface without them and give each method concrete types"),
    DOUBLE_AGGREGATE("KILN-054", "@Sql of %s computes %s(%s) in doubles, SQLite's arithmetic,"
        + " although the column holds exact decimals (sum of 10.50 and 12.00 gives 22.5): use"
        + " kiln_decimal_sum(%s) for an exact sum, or write CAST(… AS REAL) to say a double is"
        + " meant"),
    CACHED_NOT_QUERY("KILN-066", "@Cached %s %s: only a query's rows can be kept in the query"
        + " cache; remove @Cached%s"),
    CACHED_MUTABLE_ROW("KILN-067", "@Cached %s returns %s, a class with fields that are not"
        + " final (%s), so one caller could change the rows the next one receives: make it a"
        + " record (or its fields final), or remove @Cached"),
    DAO_VALUE_NOT_ENTITY("KILN-050", "@Dao(%s.class) names a type that is not a @Table entity"
        + " of this compilation: name the entity the count, exists and delete methods of %s work"
        + " on, or leave the value out"),
    UNINDEXED_FOREIGN_KEY("KILN-101", "%s.%s is used by the relation %s.%s but no index starts"
        + " with it, so every fetch of the relation scans table %s: add @Index(columns = \"%s\")"
        + " to %s"),
    MIGRATIONS_OPTION_MISSING("KILN-100", "Kiln writes migration files only when it knows where"
        + " they live: add <arg>-Akiln.migrations=${project.basedir}/src/main/resources/db/kiln"
        + "</arg> to the maven-compiler-plugin's compilerArgs (or -Akiln.migrations=<folder> to"
        + " javac). Until then db.migrate() only creates missing tables and indexes, and stops"
        + " with the SQL to run when an existing table differs from its entity");

    private final String code;
    private final String template;

    Code(String code, String template) {
      this.code = code;
      this.template = template;
    }

    /** The stable code, such as {@code KILN-003}. */
    public String code() {
      return code;
    }

    /** The message with its arguments, prefixed by the code in brackets. */
    public String format(Object... args) {
      return "[" + code + "] " + String.format(template, args);
    }
  }
}
