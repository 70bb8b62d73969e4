package io.quarkiverse.etlify.benchmark;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A holding of a {@link LiveAccount}: its one-to-many dependency. */
@Entity
@Table(name = "bench_live_holdings", indexes = @Index(name = "bench_live_holdings_account", columnList = "account_id, updated_at"))
public class LiveHolding extends HoldingBase {

    @ManyToOne
    @JoinColumn(name = "account_id")
    public LiveAccount account;
}
