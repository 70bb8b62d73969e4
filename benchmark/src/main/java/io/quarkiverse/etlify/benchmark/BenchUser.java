package io.quarkiverse.etlify.benchmark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import org.hibernate.annotations.UpdateTimestamp;

import io.quarkiverse.etlify.Etlified;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The benchmark's contact, mapped to six CRMs with the same three dependencies: {@code hubspot} (a sandbox limited
 * to 100 requests / 10 s), {@code fast} (an unthrottled sandbox), {@code live} (an unthrottled sandbox for the
 * durable queue's latency), {@code lanes} (the durable queue against a sandbox limited like {@code hubspot}),
 * {@code queue} (an unthrottled sandbox, batch syncs inline and through the durable queue) and {@code engine} (the {@code null} adapter, for the stale finder and the heap).
 */
@Entity
@Table(name = "bench_users")
@Etlified(crm = "hubspot", objectType = "contacts", idProperty = "email", serializer = BenchUserSerializer.class,
        dependencies = { "company", "investments", "tags" })
@Etlified(crm = "fast", objectType = "contacts", idProperty = "email", serializer = BenchUserSerializer.class,
        dependencies = { "company", "investments", "tags" })
@Etlified(crm = "live", objectType = "contacts", idProperty = "email", serializer = BenchUserSerializer.class,
        dependencies = { "company", "investments", "tags" })
@Etlified(crm = "lanes", objectType = "contacts", idProperty = "email", serializer = BenchUserSerializer.class,
        dependencies = { "company", "investments", "tags" })
@Etlified(crm = "queue", objectType = "contacts", idProperty = "email", serializer = BenchUserSerializer.class,
        dependencies = { "company", "investments", "tags" })
@Etlified(crm = "engine", objectType = "contacts", idProperty = "email", serializer = BenchUserSerializer.class,
        dependencies = { "company", "investments", "tags" })
public class BenchUser extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String email;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    @ManyToOne
    @JoinColumn(name = "company_id")
    public BenchCompany company;

    @OneToMany(mappedBy = "user")
    public List<BenchInvestment> investments = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "bench_user_tags", joinColumns = @JoinColumn(name = "user_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    public Set<BenchTag> tags = new HashSet<>();

    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;
}
