package io.quarkiverse.etlify.it.onchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.UpdateTimestamp;

import io.quarkiverse.etlify.Etlified;
import io.quarkiverse.etlify.OnDelete;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Synced on change, its CRM record deleted with it, with one dependency of each kind: a club (many-to-one), pledges
 * (one-to-many) and their pools (nested), labels (many-to-many), nicknames (element collection), a card (the inverse
 * side of a one-to-one).
 */
@Entity
@Table(name = "oc_investors")
@Etlified(crm = "changes", objectType = "contacts", idProperty = "email", serializer = InvestorSerializer.class,
        dependencies = { "club", "pledges", "pledges.pool", "labels", "nicknames", "card" }, syncOnChange = true,
        onDelete = OnDelete.DELETE)
public class Investor extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String email;

    @Column(name = "first_name")
    public String firstName;

    @ManyToOne
    @JoinColumn(name = "club_id")
    public Club club;

    @OneToMany(mappedBy = "investor")
    public List<Pledge> pledges = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "oc_investor_labels", joinColumns = @JoinColumn(name = "investor_id"),
            inverseJoinColumns = @JoinColumn(name = "label_id"))
    public Set<Label> labels = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "oc_investor_nicknames", joinColumns = @JoinColumn(name = "investor_id"))
    @Column(name = "nickname")
    public Set<String> nicknames = new HashSet<>();

    @OneToOne(mappedBy = "investor")
    public InvestorCard card;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;
}
