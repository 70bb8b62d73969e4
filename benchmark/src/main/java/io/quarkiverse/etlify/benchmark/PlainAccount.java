package io.quarkiverse.etlify.benchmark;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import io.quarkiverse.etlify.Etlified;

/** (i) The same account without {@code syncOnChange}: the write path as it is without the feature. */
@Entity
@Table(name = "bench_plain_accounts")
@Etlified(crm = "writes", objectType = "contacts", idProperty = "email", serializer = AccountSerializer.class,
        dependencies = "holdings")
public class PlainAccount extends AccountBase {

    @OneToMany(mappedBy = "account")
    public List<PlainHolding> holdings = new ArrayList<>();

    @Override
    public List<PlainHolding> holdings() {
        return holdings;
    }
}
