package io.quarkiverse.etlify.runtime.sync;

import jakarta.transaction.Status;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Guards against holding the caller's transaction open across a CRM call. */
final class Transactions {

    private Transactions() {
    }

    static void requireNone(String operation) {
        if (QuarkusTransaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
            throw new IllegalStateException("Etlify's " + operation + " calls the CRM and must not run inside a"
                    + " transaction (it would hold the transaction open across an HTTP call): call it after"
                    + " committing, or use sync(entity), which runs once the transaction has committed");
        }
    }
}
