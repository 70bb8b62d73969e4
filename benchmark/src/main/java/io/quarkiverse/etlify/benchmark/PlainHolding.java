package io.quarkiverse.etlify.benchmark;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A holding of a {@link PlainAccount}: its one-to-many dependency. */
@Entity
@Table(name = "bench_plain_holdings", indexes = @Index(name = "bench_plain_holdings_account", columnList = "account_id, updated_at"))
public class PlainHolding extends HoldingBase {

    @ManyToOne
    @JoinColumn(name = "account_id")
    public PlainAccount account;
}
