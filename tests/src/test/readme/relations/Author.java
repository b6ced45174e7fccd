package readme.relations;

import dev.kiln.annotations.Column;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Index;
import dev.kiln.annotations.Relation;
import dev.kiln.annotations.Table;
import java.util.List;

/** The author the README's relation and {@code @Dao} snippets assume. */
@Table
@Index(columns = "name")
public record Author(
    @Id(autoGenerate = true) long id,
    String name,
    @Column(unique = true) String email,
    @Relation(mappedBy = "authorId") List<Book> books) {}
