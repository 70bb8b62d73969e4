package io.quarkiverse.etlify.benchmark;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import io.quarkiverse.etlify.Etlified;

/** (h) An account synced on change by the durable queue of CRM {@code onchange} (an unthrottled sandbox). */
@Entity
@Table(name = "bench_live_accounts")
@Etlified(crm = "onchange", objectType = "contacts", idProperty = "email", serializer = AccountSerializer.class,
        dependencies = "holdings", syncOnChange = true)
public class LiveAccount extends AccountBase {

    @OneToMany(mappedBy = "account")
    public List<LiveHolding> holdings = new ArrayList<>();

    @Override
    public List<LiveHolding> holdings() {
        return holdings;
    }
}
