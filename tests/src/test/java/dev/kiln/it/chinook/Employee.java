package dev.kiln.it.chinook;

import dev.kiln.annotations.Column;
import dev.kiln.annotations.ForeignKey;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Index;
import dev.kiln.annotations.Relation;
import dev.kiln.annotations.Table;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Chinook's employee: a self-reference, to a manager and from the reports. */
@Table(name = "Employee", strict = false)
@Index(columns = "reportsTo")
public record Employee(
    @Id @Column(name = "EmployeeId") long id,
    @Column(name = "LastName") String lastName,
    @Column(name = "FirstName") String firstName,
    @Column(name = "Title") @Nullable String title,
    @ForeignKey(Employee.class) @Column(name = "ReportsTo") @Nullable Long reportsTo,
    @Column(name = "BirthDate") @Nullable LocalDateTime birthDate,
    @Column(name = "HireDate") @Nullable LocalDateTime hireDate,
    @Column(name = "Email") @Nullable String email,
    @Relation(foreignKey = "reportsTo") @Nullable Employee manager,
    @Relation(mappedBy = "reportsTo") List<Employee> reports,
    @Relation(mappedBy = "supportRepId") List<Customer> customers) {}
