package io.quarkiverse.etlify.it.finder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import org.hibernate.annotations.UpdateTimestamp;

import io.quarkiverse.etlify.Etlified;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Reserved words as SQL names, quoted in the mapping as a user writes them: the records' table
 * ({@code "order"}), the foreign key to the user ({@code "user"}, a table of that name), the user's
 * group ({@code "group"}, column and table), and the lines' foreign key back ({@code "order"}).
 */
@Entity
@Table(name = "\"order\"")
@Etlified(crm = "finder", objectType = "orders", serializer = FinderSerializer.class,
        dependencies = { "user", "user.group", "lines" })
public class Purchase extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne
    @JoinColumn(name = "\"user\"")
    public Buyer user;

    @OneToMany(mappedBy = "order")
    public List<PurchaseLine> lines = new ArrayList<>();

    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;
}
