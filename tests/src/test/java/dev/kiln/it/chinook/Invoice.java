package dev.kiln.it.chinook;

import dev.kiln.annotations.Column;
import dev.kiln.annotations.ForeignKey;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Index;
import dev.kiln.annotations.Relation;
import dev.kiln.annotations.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Chinook's invoice: its customer and its lines. */
@Table(name = "Invoice", strict = false)
@Index(columns = "customerId")
public record Invoice(
    @Id @Column(name = "InvoiceId") long id,
    @ForeignKey(Customer.class) @Column(name = "CustomerId") long customerId,
    @Column(name = "InvoiceDate") LocalDateTime invoiceDate,
    @Column(name = "BillingCountry") @Nullable String billingCountry,
    @Column(name = "Total") BigDecimal total,
    @Relation(foreignKey = "customerId") Customer customer,
    @Relation(mappedBy = "invoiceId") List<InvoiceLine> lines) {}
