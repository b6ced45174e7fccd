package dev.kiln.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.kiln.processor.model.EntityModel;
import dev.kiln.processor.model.PropertyModel;
import dev.kiln.processor.model.ValueKind;
import dev.kiln.processor.sql.EntitySql;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code AuthorRepository}: SQL constants, the nested {@code Mapping} that reads rows by
 * column index, the public finders and writers of the contract, and the typed {@code Query}.
 * The code it writes is meant to read like careful hand-written JDBC.
 */
public final class RepositoryWriter {

  /**
   * The names generated methods give their own variables and parameters, or use for the
   * repository's field, next to key and version parameters named after properties.
   */
  private static final Set<String> GENERATED_NAMES =
      Set.of("conn", "ps", "rs", "deleted", "entity", "support");

  private final Filer filer;

  public RepositoryWriter(Filer filer) {
    this.filer = filer;
  }

  public void write(EntityModel entity) {
    new Writing(entity).write();
  }

  /** The state of writing one repository. */
  private final class Writing {
    private final EntityModel e;
    private final EntitySql sql;
    private final TypeSpec.Builder type;
    private final ClassName entityType;
    private final TypeName listOfEntity;
    private final String entityName;

    Writing(EntityModel entity) {
      this.e = entity;
      this.sql = new EntitySql(entity);
      this.entityType = entity.type();
      this.listOfEntity = ParameterizedTypeName.get(ClassName.get(List.class), entityType);
      this.entityName = entity.simpleName();
      this.type = GeneratedFiles.newClass(entity.repositoryName(), entity.element());
    }

    void write() {
      type.addJavadoc("The repository of {@link $T}, stored in table {@code $L}.\n\n"
          + "<p>Thread-safe; methods join the calling thread's transaction, if any.\n",
          entityType, e.table());
      constants();
      type.addField(FieldSpec.builder(
              ParameterizedTypeName.get(Spi.REPOSITORY_SUPPORT, entityType), "support",
              Modifier.PRIVATE, Modifier.FINAL).build());
      type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
          .addJavadoc("A repository of $L on {@code db}.\n", entityName)
          .addParameter(Spi.DATABASE, "db")
          .addStatement("this.support = new $T<>(db.engine(), MAPPING)", Spi.REPOSITORY_SUPPORT)
          .build());
      insertMethods();
      auditHelpers();
      updateMethods();
      deleteMethods();
      findMethods();
      type.addMethod(MethodSpec.methodBuilder("query").addModifiers(Modifier.PUBLIC)
          .addJavadoc("A typed query over $L: {@code where}, {@code orderBy}, {@code limit},"
              + " {@code offset}, then {@code list()}, {@code first()}, {@code stream()} or"
              + " {@code count()}.\n", entityName)
          .returns(queryName()).addStatement("return new Query(support)").build());
      fetchMethod();
      helpers();
      type.addType(new MappingWriter(e).write());
      type.addType(queryType());
      type.addType(fetchingType());
      GeneratedFiles.write(filer, entityType.packageName(), type.build());
    }

    // ---- constants ----------------------------------------------------------------------------

    private void constants() {
      constant("FIND_BY_ID", sql.findById());
      constant("FIND_ALL", sql.findAll());
      if (e.keys().size() == 1) {
        constant("FIND_ALL_BY_ID_PREFIX", sql.findAllByIdPrefix());
        constant("FIND_ALL_BY_ID_SUFFIX", sql.findAllByIdSuffix());
      }
      constant("COUNT", sql.count());
      constant("EXISTS_BY_ID", sql.existsById());
      constant("INSERT", sql.insert());
      if (e.generatedKey().isPresent()) {
        constant("INSERT_GENERATED", sql.insertGenerated());
        constant("INSERT_WITHOUT_KEY", sql.insertWithoutKey());
      }
      if (!e.nonKeys().isEmpty()) {
        constant("UPDATE", sql.update());
      }
      constant("UPSERT", sql.upsert());
      if (e.version().isPresent() && e.keys().size() == 1) {
        constant("UPSERT_BATCH", sql.upsertBatch());
      }
      constant("DELETE_BY_ID", sql.deleteById());
      if (e.version().isPresent()) {
        constant("DELETE_VERSIONED", sql.deleteVersioned());
      }
      type.addField(FieldSpec.builder(
              ParameterizedTypeName.get(Spi.ENTITY_MAPPING, entityType), "MAPPING",
              Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("How Kiln reads and recognises {@link $T}.\n", entityType)
          .initializer("new Mapping()").build());
    }

    private void constant(String name, String value) {
      type.addField(FieldSpec.builder(String.class, name, Modifier.STATIC, Modifier.FINAL)
          .initializer("$S", value).build());
    }

    // ---- inserts ------------------------------------------------------------------------------

    private void insertMethods() {
      MethodSpec.Builder insertOne = publicMethod("insert", entityType)
          .addJavadoc("Inserts {@code entity} and returns it as stored"
              + (e.generatedKey().isPresent() ? ", with the key SQLite assigned when {@code $L}"
                  + " was left $L" : "") + ".\n", keyJavadocArgs());
      checkedEntity(insertOne, INSERTING);
      type.addMethod(insertOne
          .addStatement("return support.write($S, conn -> insert(conn, entity))", "insert")
          .build());

      MethodSpec.Builder insertAll = publicMethod("insertAll", listOfEntity)
          .addJavadoc("Inserts every entity in one transaction (a savepoint inside the caller's),"
              + " so that all are stored or none, as one JDBC batch where it can; returns them as"
              + " stored, in order.\n")
          .addParameter(ParameterizedTypeName.get(ClassName.get(Iterable.class), entityType),
              "entities")
          .addStatement("$T list = $T.entities($L, MAPPING, support.dialect())",
              listOfEntity, Spi.CHECKS, stamped("entities", INSERTING));
      if (e.generatedKey().isPresent()) {
        PropertyModel key = e.generatedKey().get();
        boolean intKey = key.kind() == dev.kiln.processor.model.ValueKind.INT;
        String version = e.version().map(v -> ", " + v.accessor().read("entity")).orElse("");
        insertAll.addCode(CodeBlock.builder()
            .add("return support.writeAtomically($S, conn -> {\n$>", "insert")
            .addStatement("$T stored = new $T<>(list.size())", listOfEntity, ArrayList.class)
            .addStatement("boolean allNew = !list.isEmpty()")
            .beginControlFlow("for ($T entity : list)", entityType)
            .addStatement("allNew &= $L", keyLeftUnset(key))
            .endControlFlow()
            .add("// The keys the database gives new rows, known in advance: insert them, keys"
                + " included, as one batch\n")
            .addStatement("long[] keys = allNew ? support.generatedKeys(conn, list.size(), $L)"
                + " : null", intKey ? "Integer.MAX_VALUE" : "Long.MAX_VALUE")
            .beginControlFlow("if (keys != null)")
            .addStatement("$T ps = conn.prepare(INSERT)", Spi.PREPARED_STATEMENT)
            .addStatement("int next = 0")
            .beginControlFlow("for ($T entity : list)", entityType)
            .addStatement("$T row = stored(entity, $Lkeys[next++]$L)", entityType,
                intKey ? "(int) " : "", version)
            .addStatement("bindColumns(ps, row)")
            .addStatement("ps.addBatch()")
            .addStatement("stored.add(row)")
            .endControlFlow()
            .addStatement("conn.batch(ps)")
            .addStatement("return stored")
            .endControlFlow()
            .beginControlFlow("for ($T entity : list)", entityType)
            .addStatement("stored.add(insert(conn, entity))")
            .endControlFlow()
            .addStatement("return stored")
            .add("$<});\n").build());
      } else {
        insertAll.addCode(CodeBlock.builder()
            .add("return support.writeAtomically($S, conn -> {\n$>", "insert")
            .addStatement("$T ps = conn.prepare(INSERT)", Spi.PREPARED_STATEMENT)
            .beginControlFlow("for ($T entity : list)", entityType)
            .addStatement("bindColumns(ps, entity)")
            .addStatement("ps.addBatch()")
            .endControlFlow()
            .addStatement("conn.batch(ps)")
            .add(e.record() ? CodeBlock.of("") : CodeBlock.builder()
                .addStatement("list.replaceAll(MAPPING::copy)").build())
            .addStatement("return list")
            .add("$<});\n").build());
      }
      type.addMethod(insertAll.build());
      type.addMethod(bulkInsert());

      MethodSpec.Builder insert = privateHelper("insert", entityType)
          .addParameter(Spi.CONN, "conn").addParameter(entityType, "entity");
      e.generatedKey().ifPresent(key -> {
        insert.beginControlFlow("if ($L)", keyLeftUnset(key));
        insert.addStatement("$T ps = conn.prepare(INSERT_GENERATED)", Spi.PREPARED_STATEMENT)
            .addStatement("bindColumnsButKey(ps, entity)");
        insert.beginControlFlow("try ($T rs = conn.query(ps))", Spi.RESULT_SET)
            .addStatement("rs.next()")
            // the row inserted, counted in the statement figures as an update counts its rows
            .addStatement("conn.rowsRead(ps, 1)")
            .addStatement("return stored(entity, rs.get$L(1)$L)",
                key.kind() == dev.kiln.processor.model.ValueKind.INT ? "Int" : "Long",
                e.version().map(v -> ", " + v.accessor().read("entity")).orElse(""))
            .endControlFlow()
            .endControlFlow();
      });
      insert.addStatement("$T ps = conn.prepare(INSERT)", Spi.PREPARED_STATEMENT)
          .addStatement("bindColumns(ps, entity)")
          .addStatement("conn.update(ps)")
          .addStatement("return $L", asStored("entity"));
      type.addMethod(insert.build());
    }

    /**
     * {@code bulkInsert}: {@code insertAll} without reading keys back or building stored copies,
     * for loads that do not need them. Rows go in order, as JDBC batches of {@code
     * RepositorySupport.BATCH}: rows with a key by {@code INSERT}, runs of rows without one by
     * {@code INSERT_WITHOUT_KEY}, each run sent before the next begins, so that a key the
     * database assigns never meets a later row's key in a batch not yet sent.
     */
    private MethodSpec bulkInsert() {
      CodeBlock.Builder body = CodeBlock.builder()
          .add("return support.writeAtomically($S, conn -> {\n$>", "insert")
          .addStatement("$T ps = null", Spi.PREPARED_STATEMENT)
          .addStatement("int batched = 0");
      e.generatedKey().ifPresentOrElse(key -> body
          .addStatement("boolean keyless = false")
          .beginControlFlow("for ($T entity : list)", entityType)
          .addStatement("boolean unset = $L", keyLeftUnset(key))
          .beginControlFlow("if (batched == $T.BATCH || batched > 0 && unset != keyless)",
              Spi.REPOSITORY_SUPPORT)
          .addStatement("conn.batch(ps)")
          .addStatement("batched = 0")
          .endControlFlow()
          .beginControlFlow("if (batched == 0)")
          .addStatement("keyless = unset")
          .addStatement("ps = conn.prepare(keyless ? INSERT_WITHOUT_KEY : INSERT)")
          .endControlFlow()
          .beginControlFlow("if (keyless)")
          .addStatement("bindColumnsButKey(ps, entity)")
          .nextControlFlow("else")
          .addStatement("bindColumns(ps, entity)")
          .endControlFlow(), () -> body
          .beginControlFlow("for ($T entity : list)", entityType)
          .beginControlFlow("if (batched == $T.BATCH)", Spi.REPOSITORY_SUPPORT)
          .addStatement("conn.batch(ps)")
          .addStatement("batched = 0")
          .endControlFlow()
          .beginControlFlow("if (batched == 0)")
          .addStatement("ps = conn.prepare(INSERT)")
          .endControlFlow()
          .addStatement("bindColumns(ps, entity)"));
      body.addStatement("ps.addBatch()")
          .addStatement("batched++")
          .endControlFlow()
          .beginControlFlow("if (batched > 0)")
          .addStatement("conn.batch(ps)")
          .endControlFlow()
          .addStatement("return list.size()")
          .add("$<});\n");
      return publicMethod("bulkInsert", TypeName.INT)
          .addJavadoc("Inserts every entity in one transaction (a savepoint inside the caller's),"
              + " so that all are stored or none, as JDBC batches; returns how many. Unlike {@code"
              + " insertAll} it reads no key back and returns no entity: for loads that do not"
              + " need them.\n")
          .addParameter(ParameterizedTypeName.get(ClassName.get(Iterable.class), entityType),
              "entities")
          .addStatement("$T list = $T.entities($L, MAPPING, support.dialect())",
              listOfEntity, Spi.CHECKS, stamped("entities", INSERTING))
          .addCode(body.build())
          .build();
    }

    /** {@code entity.id() == 0}, or {@code entity.id() == null || entity.id() == 0} for a box. */
    private CodeBlock keyLeftUnset(PropertyModel key) {
      CodeBlock value = key.accessor().read("entity");
      return key.primitive() ? CodeBlock.of("$L == 0", value)
          : CodeBlock.of("$L == null || $L == 0", value, value);
    }

    private Object[] keyJavadocArgs() {
      return e.generatedKey()
          .map(k -> new Object[] {k.name(), k.primitive() ? "0" : "null or 0"})
          .orElse(new Object[0]);
    }

    // ---- updates ------------------------------------------------------------------------------

    private void updateMethods() {
      boolean versioned = e.version().isPresent();
      MethodSpec.Builder update = publicMethod("update", entityType)
          .addJavadoc("Updates the row with {@code entity}'s key" + (versioned
              ? " if its version still matches, and returns it with the version incremented;"
                  + " throws {@code OptimisticLockException} when another writer changed it first"
              : " and returns it; throws {@code KilnException} when no row has the key") + ".\n")
;
      checkedEntity(update, UPDATING);
      if (e.nonKeys().isEmpty()) {
        update.beginControlFlow("if (!existsById($L))", keyArguments("entity"))
            .addStatement("throw support.notUpdated(entity, false)")
            .endControlFlow()
            .addStatement("return $L", asStored("entity"));
        type.addMethod(update.build());
      } else {
        CodeBlock.Builder body = CodeBlock.builder()
            .add("$T stored = support.write($S, conn -> {\n$>", entityType, "update")
            .addStatement("$T ps = conn.prepare(UPDATE)", Spi.PREPARED_STATEMENT);
        int index = 1;
        for (PropertyModel p : e.nonKeys()) {
          if (!p.version()) {
            body.addStatement(
                "$L", ValueCode.bind(e, p, "ps", index++, p.accessor().read("entity")));
          }
        }
        index = bindKeyAndVersion(body, index);
        body.beginControlFlow("if (conn.update(ps) == 0)")
            .addStatement("throw support.notUpdated(entity, $L)", versioned)
            .endControlFlow();
        if (versioned) {
          body.addStatement("return stored(entity, $L$L + 1)", generatedKeyArgument("entity"),
              e.version().get().accessor().read("entity"));
        } else {
          body.addStatement("return $L", asStored("entity"));
        }
        body.add("$<});\n");
        update.addCode(body.build())
            .addStatement("support.evict(MAPPING.key(entity))")
            .addStatement("return stored");
        type.addMethod(update.build());
        type.addMethod(updateAll(versioned));
      }

      MethodSpec.Builder upsert = publicMethod("upsert", entityType)
          .addJavadoc("Inserts {@code entity}, or updates the row that has its key"
              + " ({@code INSERT … ON CONFLICT DO UPDATE}); returns it as stored.\n");
      checkedEntity(upsert, INSERTING);
      e.generatedKey().ifPresent(key -> {
        upsert.beginControlFlow("if ($L)", keyLeftUnset(key))
            .addStatement("return insert(entity)")
            .endControlFlow();
      });
      CodeBlock.Builder body = CodeBlock.builder()
          .add("$T stored = support.write($S, conn -> {\n$>", entityType, "upsert")
          .addStatement("$T ps = conn.prepare(UPSERT)", Spi.PREPARED_STATEMENT)
          .addStatement("bindColumns(ps, entity)");
      if (versioned) {
        body.beginControlFlow("try ($T rs = conn.query(ps))", Spi.RESULT_SET)
            .beginControlFlow("if (!rs.next())")
            .addStatement("throw support.notUpdated(entity, true)")
            .endControlFlow()
            .addStatement("conn.rowsRead(ps, 1)")
            .addStatement("return stored(entity, $Lrs.get$L(1))", generatedKeyArgument("entity"),
                e.version().get().kind() == dev.kiln.processor.model.ValueKind.INT
                    ? "Int" : "Long")
            .endControlFlow();
      } else {
        body.addStatement("conn.update(ps)").addStatement("return $L", asStored("entity"));
      }
      body.add("$<});\n");
      upsert.addCode(body.build())
          .addStatement("support.evict(MAPPING.key(entity))")
          .addStatement("return stored");
      type.addMethod(upsert.build());
      type.addMethod(!versioned ? upsertAll()
          : e.keys().size() == 1 ? versionedUpsertAll(e.keys().get(0)) : upsertEach());
    }

    /**
     * {@code upsertAll}: every entity inserted, or its row updated, in one transaction; those with
     * their key as one JDBC batch per {@code RepositorySupport.BATCH} rows, those whose key is
     * left to the database inserted one by one. Only without {@code @Version}: a versioned upsert
     * must learn, row by row, whether its version matched.
     */
    private MethodSpec upsertAll() {
      CodeBlock.Builder body = CodeBlock.builder()
          .add("$T stored = support.writeAtomically($S, conn -> {\n$>", listOfEntity, "upsert")
          .addStatement("$T ps = conn.prepare(UPSERT)", Spi.PREPARED_STATEMENT)
          .addStatement("$T result = new $T<>(list.size())", listOfEntity, ArrayList.class)
          .addStatement("int batched = 0")
          .beginControlFlow("for ($T entity : list)", entityType);
      e.generatedKey().ifPresent(key -> body
          .beginControlFlow("if ($L)", keyLeftUnset(key))
          .add("// Send the rows before it first: the key the database picks must not be one of"
              + " theirs\n")
          .beginControlFlow("if (batched > 0)")
          .addStatement("conn.batch(ps)")
          .addStatement("batched = 0")
          .endControlFlow()
          .addStatement("result.add(insert(conn, entity))")
          .addStatement("continue")
          .endControlFlow());
      body.addStatement("bindColumns(ps, entity)")
          .addStatement("ps.addBatch()")
          .addStatement("result.add($L)", asStored("entity"))
          .beginControlFlow("if (++batched == $T.BATCH)", Spi.REPOSITORY_SUPPORT)
          .addStatement("conn.batch(ps)")
          .addStatement("batched = 0")
          .endControlFlow()
          .endControlFlow()
          .beginControlFlow("if (batched > 0)")
          .addStatement("conn.batch(ps)")
          .endControlFlow()
          .addStatement("return result")
          .add("$<});\n");
      return upsertAllMethod("Inserts every entity, or updates the row that has its key, in one"
              + " transaction ({@code INSERT … ON CONFLICT DO UPDATE} as JDBC batches of"
              + " {@code RepositorySupport.BATCH}); returns them as stored, in order.\n")
          .addCode(body.build())
          .addStatement("list.forEach(entity -> support.evict(MAPPING.key(entity)))")
          .addStatement("return stored")
          .build();
    }

    /**
     * {@code upsertAll} of a versioned entity: the keys that already have a row are read first
     * (one statement per 512 keys), then every entity goes in JDBC batches of the upsert without
     * {@code RETURNING}; a row whose update count is 0 had another version, and fails the whole
     * call. Those read are stored with their version incremented; the others as inserted.
     */
    private MethodSpec versionedUpsertAll(PropertyModel key) {
      PropertyModel version = e.version().orElseThrow();
      TypeName keyType = key.boxedType();
      CodeBlock unset = e.generatedKey().map(this::keyLeftUnset).orElse(null);
      // Runs the rows batched so far; a count of 0 is a row whose version did not match.
      CodeBlock flush = CodeBlock.builder()
          .addStatement("int[] changed = conn.batch(ps)")
          .beginControlFlow("for (int j = 0; j < changed.length; j++)")
          .addStatement("$T row = list.get(batched.get(j))", entityType)
          .beginControlFlow("if (changed[j] == 0)")
          .addStatement("throw support.notUpdated(row, true)")
          .endControlFlow()
          .addStatement("result.set(batched.get(j), existing.contains(MAPPING.key(row))"
              + " ? stored(row, $L$L + 1) : $L)", generatedKeyArgument("row"),
              version.accessor().read("row"), asStored("row"))
          .endControlFlow()
          .addStatement("batched.clear()")
          .build();
      CodeBlock.Builder body = CodeBlock.builder()
          .add("$T stored = support.writeAtomically($S, conn -> {\n$>", listOfEntity, "upsert")
          .addStatement("$T result = new $T<>(list)", listOfEntity, ArrayList.class)
          .addStatement("$T<$T> keys = new $T<>()", List.class, keyType, ArrayList.class)
          .beginControlFlow("for ($T entity : list)", entityType);
      if (unset != null) {
        body.beginControlFlow("if (!($L))", unset)
            .addStatement("keys.add($L)", key.accessor().read("entity"))
            .endControlFlow();
      } else {
        body.addStatement("keys.add($L)", key.accessor().read("entity"));
      }
      body.endControlFlow()
          .addStatement("$T<Object> existing = new $T<>()", Set.class, HashSet.class)
          .addStatement("findAllById(keys).forEach(found -> existing.add(MAPPING.key(found)))")
          .addStatement("$T ps = conn.prepare(UPSERT_BATCH)", Spi.PREPARED_STATEMENT)
          .addStatement("$T<Integer> batched = new $T<>()", List.class, ArrayList.class)
          .beginControlFlow("for (int i = 0; i < list.size(); i++)")
          .addStatement("$T entity = list.get(i)", entityType);
      if (unset != null) {
        body.beginControlFlow("if ($L)", unset)
            .add("// Send the rows before it first: the key the database picks must not be one"
                + " of theirs\n")
            .beginControlFlow("if (!batched.isEmpty())")
            .add(flush)
            .endControlFlow()
            .addStatement("result.set(i, insert(conn, entity))")
            .addStatement("continue")
            .endControlFlow();
      }
      body.addStatement("bindColumns(ps, entity)")
          .addStatement("ps.addBatch()")
          .addStatement("batched.add(i)")
          .beginControlFlow("if (batched.size() == $T.BATCH)", Spi.REPOSITORY_SUPPORT)
          .add(flush)
          .endControlFlow()
          .endControlFlow()
          .beginControlFlow("if (!batched.isEmpty())")
          .add(flush)
          .endControlFlow()
          .addStatement("return result")
          .add("$<});\n");
      return upsertAllMethod("Inserts every entity, or updates the row that has its key when its"
              + " version matches, in one transaction (JDBC batches of"
              + " {@code RepositorySupport.BATCH}); returns them as stored, in order. Throws"
              + " {@code OptimisticLockException}, and changes nothing, when a row's version no"
              + " longer matches.\n")
          .addCode(body.build())
          .addStatement("list.forEach(entity -> support.evict(MAPPING.key(entity)))")
          .addStatement("return stored")
          .build();
    }

    /** Whether a write inserts (so that {@code @CreatedAt} is filled when null) or updates. */
    private static final boolean INSERTING = true;
    private static final boolean UPDATING = false;

    /**
     * Adds the parameter {@code entity} and checks it; when Kiln fills in times, the parameter is
     * {@code given} and {@code entity} its stamped copy, which the method goes on with.
     */
    private void checkedEntity(MethodSpec.Builder method, boolean inserting) {
      if (!e.audited()) {
        method.addParameter(entityType, "entity")
            .addStatement("MAPPING.check($T.entity(entity, $S), support.dialect())", Spi.CHECKS,
                entityName);
        return;
      }
      method.addParameter(entityType, "given")
          .addStatement("$T entity = audited($T.entity(given, $S), support.now(), $L)",
              entityType, Spi.CHECKS, entityName, inserting)
          .addStatement("MAPPING.check(entity, support.dialect())");
    }

    /** {@code entities}, stamped with now when Kiln fills in times. */
    private CodeBlock stamped(String entities, boolean inserting) {
      return e.audited() ? CodeBlock.of("audited($L, support.now(), $L)", entities, inserting)
          : CodeBlock.of("$L", entities);
    }

    /** The helpers that stamp entities with the time of a write. */
    private void auditHelpers() {
      if (!e.audited()) {
        return;
      }
      type.addMethod(MethodSpec.methodBuilder("audited")
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(entityType)
          .addJavadoc("{@code entity} with {@code @UpdatedAt} at {@code now}, and when"
              + " {@code inserting} {@code @CreatedAt} too where it is null.\n")
          .addParameter(entityType, "entity").addParameter(ClassName.get(java.time.Instant.class),
              "now").addParameter(TypeName.BOOLEAN, "inserting")
          .addCode(Construction.returnNew(e, slot -> {
            PropertyModel column = slot.column();
            if (column != null && column.audit() == PropertyModel.Audit.UPDATED_AT) {
              return CodeBlock.of("now");
            }
            if (column != null && column.audit() == PropertyModel.Audit.CREATED_AT) {
              CodeBlock value = column.accessor().read("entity");
              return CodeBlock.of("inserting && $L == null ? now : $L", value, value);
            }
            return Construction.copied(e, slot, "entity");
          }))
          .build());
      type.addMethod(MethodSpec.methodBuilder("audited")
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(listOfEntity)
          .addJavadoc("Every entity stamped; a null is left for the checks to refuse.\n")
          .addParameter(ParameterizedTypeName.get(ClassName.get(Iterable.class), entityType),
              "entities")
          .addParameter(ClassName.get(java.time.Instant.class), "now")
          .addParameter(TypeName.BOOLEAN, "inserting")
          .addStatement("$T list = new $T<>()", listOfEntity, ArrayList.class)
          .addStatement("entities.forEach(entity -> list.add(entity == null ? null"
              + " : audited(entity, now, inserting)))")
          .addStatement("return list")
          .build());
    }

    /** {@code upsertAll(entities)} up to the checked copy of them, {@code list}. */
    private MethodSpec.Builder upsertAllMethod(String javadoc) {
      return publicMethod("upsertAll", listOfEntity)
          .addJavadoc(javadoc)
          .addParameter(ParameterizedTypeName.get(ClassName.get(Iterable.class), entityType),
              "entities")
          .addStatement("$T list = $T.entities($L, MAPPING, support.dialect())",
              listOfEntity, Spi.CHECKS, stamped("entities", INSERTING));
    }

    /**
     * {@code upsertAll} of a versioned entity with a composite key: each entity upserted in turn,
     * in one transaction.
     */
    private MethodSpec upsertEach() {
      return upsertAllMethod("Inserts every entity, or updates the row that has its key when its"
              + " version matches, in one transaction; returns them as stored, in order. Throws"
              + " {@code OptimisticLockException}, and changes nothing, when a row's version no"
              + " longer matches.\n")
          .addCode(CodeBlock.builder()
              .add("return support.writeAtomically($S, conn -> {\n$>", "upsert")
              .addStatement("$T result = new $T<>(list.size())", listOfEntity, ArrayList.class)
              .addStatement("list.forEach(entity -> result.add(upsert(entity)))")
              .addStatement("return result")
              .add("$<});\n").build())
          .build();
    }

    /**
     * {@code updateAll}: the rows of every entity updated in one transaction, as JDBC batches;
     * any entity without its row (or, with {@code @Version}, whose version no longer matches)
     * fails the whole call, which then changes nothing.
     */
    private MethodSpec updateAll(boolean versioned) {
      CodeBlock.Builder bind = CodeBlock.builder();
      int index = 1;
      for (PropertyModel p : e.nonKeys()) {
        if (!p.version()) {
          bind.addStatement("$L", ValueCode.bind(e, p, "ps", index++, p.accessor().read("entity")));
        }
      }
      bindKeyAndVersion(bind, index);
      CodeBlock result = versioned
          ? CodeBlock.of("stored(chunk.get(i), $L$L + 1)",
              e.generatedKey().map(k -> k.accessor().read("chunk.get(i)") + ", ").orElse(""),
              e.version().get().accessor().read("chunk.get(i)"))
          : asStored("chunk.get(i)");
      return publicMethod("updateAll", listOfEntity)
          .addJavadoc("Updates the rows of every entity in one transaction, as JDBC batches of"
              + " {@code RepositorySupport.BATCH}; returns them as stored, in order. When one has"
              + " no row" + (versioned ? ", or another writer changed it since it was read," : "")
              + " nothing is updated and {@code $L} is thrown.\n",
              versioned ? "OptimisticLockException" : "KilnException")
          .addParameter(ParameterizedTypeName.get(ClassName.get(Iterable.class), entityType),
              "entities")
          .addStatement("$T list = $T.entities($L, MAPPING, support.dialect())",
              listOfEntity, Spi.CHECKS, stamped("entities", UPDATING))
          .addCode(CodeBlock.builder()
              .add("$T stored = support.writeAtomically($S, conn -> {\n$>", listOfEntity,
                  "update")
              .addStatement("$T ps = conn.prepare(UPDATE)", Spi.PREPARED_STATEMENT)
              .addStatement("$T result = new $T<>(list.size())", listOfEntity, ArrayList.class)
              .beginControlFlow("for (int from = 0; from < list.size(); from += $T.BATCH)",
                  Spi.REPOSITORY_SUPPORT)
              .addStatement("$T chunk = list.subList(from, Math.min(list.size(), from + $T.BATCH))",
                  listOfEntity, Spi.REPOSITORY_SUPPORT)
              .beginControlFlow("for ($T entity : chunk)", entityType)
              .add(bind.build())
              .addStatement("ps.addBatch()")
              .endControlFlow()
              .addStatement("int[] changed = conn.batch(ps)")
              .beginControlFlow("for (int i = 0; i < changed.length; i++)")
              .beginControlFlow("if (changed[i] == 0)")
              .addStatement("throw support.notUpdated(chunk.get(i), $L)", versioned)
              .endControlFlow()
              .addStatement("result.add($L)", result)
              .endControlFlow()
              .endControlFlow()
              .addStatement("return result")
              .add("$<});\n").build())
          .addStatement("list.forEach(entity -> support.evict(MAPPING.key(entity)))")
          .addStatement("return stored")
          .build();
    }

    /**
     * {@code deleteAllById}: the rows with these keys deleted in one transaction, as JDBC batches;
     * returns how many there were.
     */
    private MethodSpec deleteAllById(PropertyModel key) {
      TypeName keyType = key.boxedType();
      TypeName keys = ParameterizedTypeName.get(ClassName.get(List.class), keyType);
      return publicMethod("deleteAllById", TypeName.INT)
          .addJavadoc("Deletes the rows with these keys in one transaction, as JDBC batches of"
              + " {@code RepositorySupport.BATCH}; returns how many there were.\n")
          .addParameter(ParameterizedTypeName.get(ClassName.get(Collection.class),
              WildcardTypeName.subtypeOf(keyType)), "ids")
          .addStatement("$T list = new $T<>(ids.size())", keys, ArrayList.class)
          .beginControlFlow("for ($T id : ids)", keyType)
          .addStatement("$T.key(id, $S, $S)", Spi.CHECKS, entityName, key.name())
          .addStatement("list.add(id)")
          .endControlFlow()
          .addCode(CodeBlock.builder()
              .add("int deleted = support.writeAtomically($S, conn -> {\n$>", "delete")
              .addStatement("$T ps = conn.prepare(DELETE_BY_ID)", Spi.PREPARED_STATEMENT)
              .addStatement("int count = 0")
              .beginControlFlow("for (int from = 0; from < list.size(); from += $T.BATCH)",
                  Spi.REPOSITORY_SUPPORT)
              .beginControlFlow("for ($T id : list.subList(from, Math.min(list.size(),"
                  + " from + $T.BATCH)))", keyType, Spi.REPOSITORY_SUPPORT)
              .add(bindDeletedAt())
              .addStatement("$L", ValueCode.bind(e, key, "ps", CodeBlock.of("$L",
                  firstKeyOfDelete()), CodeBlock.of("id")))
              .addStatement("ps.addBatch()")
              .endControlFlow()
              .beginControlFlow("for (int changed : conn.batch(ps))")
              .addStatement("count += changed > 0 ? 1 : 0")
              .endControlFlow()
              .endControlFlow()
              .addStatement("return count")
              .add("$<});\n").build())
          .addStatement("list.forEach(support::evict)")
          .addStatement("support.evictCascaded()")
          .addStatement("return deleted")
          .build();
    }

    /**
     * Binds now as the first parameter of a delete that marks rows with the time
     * ({@code @SoftDelete Instant}); nothing otherwise.
     */
    private CodeBlock bindDeletedAt() {
      return e.softDelete().filter(p -> p.kind() == ValueKind.INSTANT)
          .map(p -> CodeBlock.builder().addStatement("$L", ValueCode.bind(e, p, "ps",
              CodeBlock.of("1"), CodeBlock.of("support.now()"))).build())
          .orElse(CodeBlock.of(""));
    }

    /** The index of a delete's first key parameter: after the time it marks rows with. */
    private int firstKeyOfDelete() {
      return e.softDelete().filter(p -> p.kind() == ValueKind.INSTANT).isPresent() ? 2 : 1;
    }

    /** Binds the key of {@code entity}, then its version if it has one; returns the next index. */
    private int bindKeyAndVersion(CodeBlock.Builder body, int index) {
      for (PropertyModel key : e.keys()) {
        body.addStatement(
            "$L", ValueCode.bind(e, key, "ps", index++, key.accessor().read("entity")));
      }
      if (e.version().isPresent()) {
        PropertyModel v = e.version().get();
        body.addStatement("$L", ValueCode.bind(e, v, "ps", index++, v.accessor().read("entity")));
      }
      return index;
    }

    /** {@code instance}'s generated key and a comma, for {@code stored(…)}; empty without one. */
    private String generatedKeyArgument(String instance) {
      return e.generatedKey().map(k -> k.accessor().read(instance) + ", ").orElse("");
    }

    // ---- deletes ------------------------------------------------------------------------------

    private void deleteMethods() {
      boolean versioned = e.version().isPresent();
      type.addMethod(publicMethod("delete", TypeName.BOOLEAN)
          .addJavadoc("Deletes {@code entity}'s row; returns whether there was one."
              + (versioned ? " Throws {@code OptimisticLockException} when the row's version no"
                  + " longer matches." : "") + "\n")
          .addParameter(entityType, "entity")
          .addStatement("$T.entity(entity, $S)", Spi.CHECKS, entityName)
          .addStatement("boolean deleted = support.write($S, conn -> delete(conn, entity))",
              "delete")
          .addStatement("support.evict(MAPPING.key(entity))")
          .addStatement("support.evictCascaded()")
          .addStatement("return deleted")
          .build());

      MethodSpec.Builder deleteById = publicMethod("deleteById", TypeName.BOOLEAN)
          .addJavadoc("Deletes the row with this key; returns whether there was one.\n");
      addKeyParameters(deleteById);
      deleteById.addCode(CodeBlock.builder()
              .add("boolean deleted = support.write($S, conn -> {\n$>", "delete")
              .addStatement("$T ps = conn.prepare(DELETE_BY_ID)", Spi.PREPARED_STATEMENT)
              .add(bindDeletedAt())
              .add(bindKeyParameters(firstKeyOfDelete()))
              .addStatement("return conn.update(ps) > 0")
              .add("$<});\n").build())
          .addStatement("support.evict($L)", cacheKeyOfParameters())
          .addStatement("support.evictCascaded()")
          .addStatement("return deleted");
      type.addMethod(deleteById.build());

      if (e.keys().size() == 1) {
        type.addMethod(deleteAllById(e.keys().get(0)));
      }

      CodeBlock.Builder bindDelete = CodeBlock.builder();
      bindDelete.add(bindDeletedAt());
      bindKeyAndVersion(bindDelete, firstKeyOfDelete());
      CodeBlock.Builder deleteAll = CodeBlock.builder()
          .add("int deleted = support.writeAtomically($S, conn -> {\n$>", "delete")
          .addStatement("$T ps = conn.prepare($L)", Spi.PREPARED_STATEMENT,
              versioned ? "DELETE_VERSIONED" : "DELETE_BY_ID")
          .addStatement("int count = 0")
          .beginControlFlow("for (int from = 0; from < list.size(); from += $T.BATCH)",
              Spi.REPOSITORY_SUPPORT)
          .addStatement("$T chunk = list.subList(from, Math.min(list.size(), from + $T.BATCH))",
              listOfEntity, Spi.REPOSITORY_SUPPORT)
          .beginControlFlow("for ($T entity : chunk)", entityType)
          .add(bindDelete.build())
          .addStatement("ps.addBatch()")
          .endControlFlow()
          .addStatement("int[] changed = conn.batch(ps)")
          .beginControlFlow("for (int i = 0; i < changed.length; i++)")
          .beginControlFlow("if (changed[i] > 0)")
          .addStatement("count++");
      if (versioned) {
        deleteAll.nextControlFlow("else if (exists(conn, $L))",
                keyArguments("chunk.get(i)"))
            .addStatement("throw support.staleDelete(chunk.get(i))");
      }
      deleteAll.endControlFlow()
          .endControlFlow()
          .endControlFlow()
          .addStatement("return count")
          .add("$<});\n");
      type.addMethod(publicMethod("deleteAll", TypeName.INT)
          .addJavadoc("Deletes every entity's row in one transaction, as JDBC batches of"
              + " {@code RepositorySupport.BATCH}; returns how many there were."
              + (versioned ? " Throws {@code OptimisticLockException}, and deletes nothing, when"
                  + " a row's version no longer matches." : "") + "\n")
          .addParameter(ParameterizedTypeName.get(ClassName.get(Iterable.class), entityType),
              "entities")
          .addStatement("$T list = new $T<>()", listOfEntity, ArrayList.class)
          .addStatement("entities.forEach(entity -> list.add($T.entity(entity, $S)))",
              Spi.CHECKS, entityName)
          .addCode(deleteAll.build())
          .addStatement("list.forEach(entity -> support.evict(MAPPING.key(entity)))")
          .addStatement("support.evictCascaded()")
          .addStatement("return deleted")
          .build());

      MethodSpec.Builder delete = MethodSpec.methodBuilder("delete")
          .addModifiers(Modifier.PRIVATE).returns(TypeName.BOOLEAN)
          .addException(Spi.SQL_EXCEPTION)
          .addParameter(Spi.CONN, "conn").addParameter(entityType, "entity")
          .addStatement("$T ps = conn.prepare($L)", Spi.PREPARED_STATEMENT,
              versioned ? "DELETE_VERSIONED" : "DELETE_BY_ID");
      CodeBlock.Builder bind = CodeBlock.builder();
      bind.add(bindDeletedAt());
      bindKeyAndVersion(bind, firstKeyOfDelete());
      delete.addCode(bind.build());
      if (versioned) {
        delete.beginControlFlow("if (conn.update(ps) > 0)")
            .addStatement("return true")
            .endControlFlow()
            .beginControlFlow("if (exists(conn, $L))", keyArguments("entity"))
            .addStatement("throw support.staleDelete(entity)")
            .endControlFlow()
            .addStatement("return false");
      } else {
        delete.addStatement("return conn.update(ps) > 0");
      }
      type.addMethod(delete.build());
    }

    // ---- finders ------------------------------------------------------------------------------

    private void findMethods() {
      TypeName optional = ParameterizedTypeName.get(ClassName.get(Optional.class), entityType);
      MethodSpec.Builder findById = publicMethod("findById", optional)
          .addJavadoc("The entity with this key, if any"
              + " (from the entity cache when one is configured).\n");
      addKeyParameters(findById);
      findById.addCode(CodeBlock.builder()
          .add("return support.findByKey($L, conn -> {\n$>", cacheKeyOfParameters())
          .addStatement("$T ps = conn.prepare(FIND_BY_ID)", Spi.PREPARED_STATEMENT)
          .add(bindKeyParameters(1))
          .beginControlFlow("try ($T rs = conn.query(ps))", Spi.RESULT_SET)
          .addStatement("return rs.next() ? $T.of(MAPPING.read(rs, 1)) : $T.empty()",
              Optional.class, Optional.class)
          .endControlFlow()
          .add("$<});\n").build());
      type.addMethod(findById.build());

      if (e.keys().size() == 1) {
        PropertyModel key = e.keys().get(0);
        type.addMethod(publicMethod("findAllById", listOfEntity)
            .addJavadoc("The entities with these keys, in key order within each group of keys;"
                + " keys without a row are skipped.\n")
            .addParameter(ParameterizedTypeName.get(ClassName.get(Collection.class),
                key.boxedType()), "ids")
            .addCode("return support.findAllByKeys(ids, FIND_ALL_BY_ID_PREFIX,"
                + " FIND_ALL_BY_ID_SUFFIX,\n$>(ps, index, id) -> $L);\n$<",
                ValueCode.bind(e, key, "ps", CodeBlock.of("index"), CodeBlock.of("id")))
            .build());
      }

      type.addMethod(publicMethod("findAll", listOfEntity)
          .addJavadoc("Every entity, in key order.\n")
          .addStatement("return support.read($S, conn -> $T.readAll(conn, FIND_ALL,"
              + " $T.Binder.NONE, rs -> MAPPING.read(rs, 1)))", "find", Spi.ENGINE, Spi.ENGINE)
          .build());
      type.addMethod(publicMethod("warm", TypeName.LONG)
          .addJavadoc("Loads every entity into the entity cache, for start-up, so that the first"
              + " {@code findById} calls are hits; returns how many were loaded. Meant for"
              + " tables that fit in the cache.\n\n@throws $T when the database has no entity"
              + " cache\n", ClassName.get("dev.kiln", "KilnException"))
          .addStatement("return support.warm(FIND_ALL)")
          .build());
      type.addMethod(publicMethod("streamAll",
              ParameterizedTypeName.get(ClassName.get(Stream.class), entityType))
          .addJavadoc("Every entity, in key order, read as the stream is consumed. Close the"
              + " stream (try-with-resources): it holds a connection until then.\n")
          .addStatement("return support.engine().stream(MAPPING.info(), FIND_ALL,"
              + " $T.Binder.NONE, rs -> MAPPING.read(rs, 1))", Spi.ENGINE)
          .build());
      type.addMethod(publicMethod("count", TypeName.LONG)
          .addJavadoc("The number of rows.\n")
          .addCode(CodeBlock.builder()
              .add("return support.read($S, conn -> {\n$>", "count")
              .beginControlFlow("try ($T rs = conn.query(conn.prepare(COUNT)))", Spi.RESULT_SET)
              .addStatement("rs.next()")
              .addStatement("return rs.getLong(1)")
              .endControlFlow()
              .add("$<});\n").build())
          .build());
      MethodSpec.Builder existsById = publicMethod("existsById", TypeName.BOOLEAN)
          .addJavadoc("Whether a row has this key.\n");
      addKeyParameters(existsById);
      existsById.addStatement("return support.read($S, conn -> exists(conn, $L))", "find",
          keyParameterNames());
      type.addMethod(existsById.build());
    }

    // ---- private helpers ----------------------------------------------------------------------

    private void helpers() {
      MethodSpec.Builder bindColumns = privateHelper("bindColumns", TypeName.VOID)
          .addJavadoc("Binds every column of {@code entity}, in {@code INSERT} order.\n")
          .addParameter(Spi.PREPARED_STATEMENT, "ps").addParameter(entityType, "entity");
      int index = 1;
      for (PropertyModel p : e.columns()) {
        bindColumns.addStatement("$L", ValueCode.bind(e, p, "ps", index++,
            p.accessor().read("entity")));
      }
      type.addMethod(bindColumns.build());
      e.generatedKey().ifPresent(key -> {
        MethodSpec.Builder bindButKey = privateHelper("bindColumnsButKey", TypeName.VOID)
            .addJavadoc("Binds every column of {@code entity} but its generated key, in {@code"
                + " INSERT_WITHOUT_KEY} order.\n")
            .addParameter(Spi.PREPARED_STATEMENT, "ps").addParameter(entityType, "entity");
        int i = 1;
        for (PropertyModel p : e.columns()) {
          if (p != key) {
            bindButKey.addStatement("$L", ValueCode.bind(e, p, "ps", i++,
                p.accessor().read("entity")));
          }
        }
        type.addMethod(bindButKey.build());
      });

      MethodSpec.Builder exists = privateHelper("exists", TypeName.BOOLEAN)
          .addParameter(Spi.CONN, "conn");
      addKeyParameters(exists);
      exists.addStatement("$T ps = conn.prepare(EXISTS_BY_ID)", Spi.PREPARED_STATEMENT)
          .addCode(bindKeyParameters(1))
          .beginControlFlow("try ($T rs = conn.query(ps))", Spi.RESULT_SET)
          .addStatement("return rs.next() && rs.getBoolean(1)")
          .endControlFlow();
      type.addMethod(exists.build());

      if (e.generatedKey().isPresent() || e.version().isPresent()) {
        MethodSpec.Builder stored = MethodSpec.methodBuilder("stored")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(entityType)
            .addJavadoc("{@code entity} with the key and version the database holds.\n")
            .addParameter(entityType, "entity");
        e.generatedKey().ifPresent(k -> stored.addParameter(k.javaType(), parameter(k)));
        e.version().ifPresent(v -> stored.addParameter(v.javaType(), parameter(v)));
        stored.addCode(Construction.returnNew(e, slot -> {
          PropertyModel column = slot.column();
          if (column != null && (column.autoGenerate() || column.version())) {
            return CodeBlock.of("$L", parameter(column));
          }
          return Construction.copied(e, slot, "entity");
        }));
        type.addMethod(stored.build());
      }
    }

    private TypeSpec queryType() {
      return TypeSpec.classBuilder("Query")
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("A typed query over {@link $T}; see {@link $T}.\n", entityType,
              Spi.ENTITY_QUERY)
          .superclass(ParameterizedTypeName.get(Spi.ENTITY_QUERY, entityType, queryName()))
          .addMethod(MethodSpec.constructorBuilder()
              .addParameter(ParameterizedTypeName.get(Spi.REPOSITORY_SUPPORT, entityType),
                  "support")
              .addStatement("super(support)").build())
          .addMethod(MethodSpec.methodBuilder("self").addAnnotation(Override.class)
              .addModifiers(Modifier.PROTECTED).returns(queryName())
              .addStatement("return this").build())
          .build();
    }

    // ---- fetch plans ---------------------------------------------------------------------------

    private void fetchMethod() {
      type.addMethod(MethodSpec.methodBuilder("fetch")
          .addAnnotation(SafeVarargs.class)
          // the array is only read, into an immutable list: no heap pollution can follow
          .addAnnotation(com.palantir.javapoet.AnnotationSpec.builder(SuppressWarnings.class)
              .addMember("value", "$S", "varargs").build())
          .addModifiers(Modifier.PUBLIC, Modifier.FINAL).returns(fetchingName())
          .addJavadoc("The finders of this repository with the relations on {@code paths} loaded,"
              + " for example\n{@code fetch($T.$L)}: one statement for the $L rows plus one per"
              + " to-many relation,\nwhatever the number of rows.\n", e.metamodelName(),
              e.relations().isEmpty() ? "…" : e.relations().get(0).constantName(), entityName)
          .addParameter(ParameterSpec.builder(ArrayTypeName.of(pathOfEntity()), "paths").build())
          .varargs(true)
          .addStatement("return new Fetching(support, $T.of(paths))", List.class)
          .build());
    }

    private TypeSpec fetchingType() {
      TypeName paths = ParameterizedTypeName.get(ClassName.get(List.class), pathOfEntity());
      TypeSpec.Builder fetching = TypeSpec.classBuilder("Fetching")
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("The finders of {@link $T} with a fetch plan; see {@link #fetch}.\n",
              e.repositoryName())
          .addField(ParameterizedTypeName.get(Spi.REPOSITORY_SUPPORT, entityType), "support",
              Modifier.PRIVATE, Modifier.FINAL)
          .addField(paths, "paths", Modifier.PRIVATE, Modifier.FINAL)
          .addMethod(MethodSpec.constructorBuilder()
              .addParameter(ParameterizedTypeName.get(Spi.REPOSITORY_SUPPORT, entityType),
                  "support")
              .addParameter(paths, "paths")
              .addStatement("this.support = support")
              .addStatement("this.paths = paths").build());
      TypeName optional = ParameterizedTypeName.get(ClassName.get(Optional.class), entityType);
      MethodSpec.Builder findById = publicMethod("findById", optional)
          .addJavadoc("The entity with this key and its graph, if any.\n");
      addKeyParameters(findById);
      CodeBlock keyCondition = e.keys().stream()
          .map(k -> CodeBlock.of("$T.$L.eq($L)", e.metamodelName(), k.constantName(), parameter(k)))
          .collect(CodeBlock.joining(".and("));
      String closing = ")".repeat(e.keys().size() - 1);
      findById.addStatement("return query().where($L$L).first()", keyCondition, closing);
      fetching.addMethod(findById.build());
      if (e.keys().size() == 1) {
        PropertyModel key = e.keys().get(0);
        fetching.addMethod(publicMethod("findAllById", listOfEntity)
            .addJavadoc("The entities with these keys and their graphs, in key order.\n")
            .addParameter(ParameterizedTypeName.get(ClassName.get(Collection.class),
                key.boxedType()), "ids")
            .addStatement("return query().where($T.$L.in(ids)).list()", e.metamodelName(),
                key.constantName())
            .build());
      }
      fetching.addMethod(publicMethod("findAll", listOfEntity)
          .addJavadoc("Every entity with its graph, in key order.\n")
          .addStatement("return query().list()").build());
      fetching.addMethod(publicMethod("streamAll",
              ParameterizedTypeName.get(ClassName.get(Stream.class), entityType))
          .addJavadoc("Every entity with its graph, in key order (read at once).\n")
          .addStatement("return query().stream()").build());
      fetching.addMethod(publicMethod("query", queryName())
          .addJavadoc("A typed query whose results come with this plan's relations.\n")
          .addStatement("return new Query(support).fetch(paths)").build());
      return fetching.build();
    }

    private TypeName pathOfEntity() {
      return ParameterizedTypeName.get(ClassName.get(Spi.QUERY, "Path"), entityType,
          com.palantir.javapoet.WildcardTypeName.subtypeOf(Object.class));
    }

    private ClassName fetchingName() {
      return e.repositoryName().nestedClass("Fetching");
    }

    // ---- small pieces -------------------------------------------------------------------------

    /**
     * What a write returns for {@code entity} when the database changed nothing in it: the record
     * itself, or a copy of a class instance, so that the caller never gets its own mutable
     * instance back as if the repository had made it.
     */
    private CodeBlock asStored(String entity) {
      return e.record() ? CodeBlock.of("$L", entity) : CodeBlock.of("MAPPING.copy($L)", entity);
    }

    private ClassName queryName() {
      return e.repositoryName().nestedClass("Query");
    }

    private MethodSpec.Builder publicMethod(String name, TypeName returns) {
      return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(returns);
    }

    private MethodSpec.Builder privateHelper(String name, TypeName returns) {
      return MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(returns).addException(Spi.SQL_EXCEPTION);
    }

    /**
     * The name of the parameter that carries {@code p}: the property's name, unless the methods
     * that take it already use that name for something else.
     */
    private String parameter(PropertyModel p) {
      return GENERATED_NAMES.contains(p.name()) ? p.name() + "Value" : p.name();
    }

    private void addKeyParameters(MethodSpec.Builder method) {
      for (PropertyModel key : e.keys()) {
        method.addParameter(ParameterSpec.builder(key.javaType(), parameter(key)).build());
      }
    }

    private CodeBlock bindKeyParameters(int first) {
      CodeBlock.Builder code = CodeBlock.builder();
      int index = first;
      for (PropertyModel key : e.keys()) {
        if (!key.primitive()) {
          code.addStatement("$T.key($L, $S, $S)", Spi.CHECKS, parameter(key), entityName,
              key.name());
        }
        code.addStatement("$L", ValueCode.bind(e, key, "ps", index++,
            CodeBlock.of(parameter(key))));
      }
      return code.build();
    }

    private String keyParameterNames() {
      return String.join(", ", e.keys().stream().map(this::parameter).toList());
    }

    private CodeBlock keyArguments(String instance) {
      return e.keys().stream().map(k -> k.accessor().read(instance))
          .collect(CodeBlock.joining(", "));
    }

    private CodeBlock cacheKeyOfParameters() {
      return e.keys().size() == 1 ? CodeBlock.of("$L", parameter(e.keys().get(0)))
          : CodeBlock.of("$T.of($L)", List.class, keyParameterNames());
    }
  }
}
