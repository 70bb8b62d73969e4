package io.quarkiverse.etlify.benchmark;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import io.quarkiverse.etlify.Etlified;

/** (i) An account synced on change: its writes record requests for CRM {@code writes}, whose workers are off. */
@Entity
@Table(name = "bench_watched_accounts")
@Etlified(crm = "writes", objectType = "contacts", idProperty = "email", serializer = AccountSerializer.class,
        dependencies = "holdings", syncOnChange = true)
public class WatchedAccount extends AccountBase {

    @OneToMany(mappedBy = "account")
    public List<WatchedHolding> holdings = new ArrayList<>();

    @Override
    public List<WatchedHolding> holdings() {
        return holdings;
    }
}
