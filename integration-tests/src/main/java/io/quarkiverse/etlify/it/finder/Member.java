package io.quarkiverse.etlify.it.finder;

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
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The stale finder's main subject: one dependency of every association kind. */
@Entity
@Table(name = "fd_members")
@Etlified(crm = "finder", objectType = "members", serializer = FinderSerializer.class,
        dependencies = { "organisation", "passport", "profile", "holdings", "holdings.fund", "tags", "nicknames" },
        staleScope = "{e}.active = true")
@Etlified(crm = "mirror", objectType = "members", serializer = FinderSerializer.class)
public class Member extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    public boolean active = true;

    @ManyToOne
    @JoinColumn(name = "organisation_id")
    public Organisation organisation;

    @OneToOne
    @JoinColumn(name = "passport_id")
    public Passport passport;

    @OneToOne(mappedBy = "member")
    public Profile profile;

    @OneToMany(mappedBy = "member")
    public List<Holding> holdings = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "fd_member_tags", joinColumns = @JoinColumn(name = "member_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    public Set<Tag> tags = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "fd_member_nicknames", joinColumns = @JoinColumn(name = "member_id"))
    @Column(name = "nickname")
    public Set<String> nicknames = new HashSet<>();

    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;
}
