package dev.kiln.it.chinook;

import dev.kiln.annotations.Column;
import dev.kiln.annotations.ForeignKey;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Index;
import dev.kiln.annotations.Relation;
import dev.kiln.annotations.Table;
import java.math.BigDecimal;

/** Chinook's invoice line: the invoice it belongs to and the track it sold. */
@Table(name = "InvoiceLine", strict = false)
@Index(columns = "invoiceId")
@Index(columns = "trackId")
public record InvoiceLine(
    @Id @Column(name = "InvoiceLineId") long id,
    @ForeignKey(Invoice.class) @Column(name = "InvoiceId") long invoiceId,
    @ForeignKey(Track.class) @Column(name = "TrackId") long trackId,
    @Column(name = "UnitPrice") BigDecimal unitPrice,
    @Column(name = "Quantity") int quantity,
    @Relation(foreignKey = "invoiceId") Invoice invoice,
    @Relation(foreignKey = "trackId") Track track) {}
