package io.quarkiverse.etlify.it.finder;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.UpdateTimestamp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A member's profile: one-to-one, the profile holds the foreign key (the member's side is inverse). */
@Entity
@Table(name = "fd_profiles")
public class Profile extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @OneToOne
    @JoinColumn(name = "member_id")
    public Member member;

    public String bio;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;
}
