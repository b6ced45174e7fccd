package dev.kiln.it.chinook;

import dev.kiln.annotations.Column;
import dev.kiln.annotations.ForeignKey;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Index;
import dev.kiln.annotations.Relation;
import dev.kiln.annotations.Table;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Chinook's customer: an optional support representative, and invoices. */
@Table(name = "Customer", strict = false)
@Index(columns = "supportRepId")
public record Customer(
    @Id @Column(name = "CustomerId") long id,
    @Column(name = "FirstName") String firstName,
    @Column(name = "LastName") String lastName,
    @Column(name = "Company") @Nullable String company,
    @Column(name = "Country") @Nullable String country,
    @Column(name = "Email") String email,
    @ForeignKey(Employee.class) @Column(name = "SupportRepId") @Nullable Long supportRepId,
    @Relation(foreignKey = "supportRepId") @Nullable Employee supportRep,
    @Relation(mappedBy = "customerId") List<Invoice> invoices) {}
