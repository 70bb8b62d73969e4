package io.quarkiverse.etlify.runtime.sync;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.transaction.Status;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Guards against holding the caller's transaction open across a CRM call; runs Etlify's own transactions again. */
final class Transactions {

    private static final int ATTEMPTS = 3;
    /** Serialization failure (H2 reports its deadlocks so) and PostgreSQL's detected deadlock. */
    private static final Set<String> DEADLOCK_VICTIM = Set.of("40001", "40P01");

    private Transactions() {
    }

    static void requireNone(String operation) {
        if (QuarkusTransaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
            throw new IllegalStateException("Etlify's " + operation + " calls the CRM and must not run inside a"
                    + " transaction (it would hold the transaction open across an HTTP call): call it after"
                    + " committing, or use sync(entity), which runs once the transaction has committed");
        }
    }

    /**
     * Runs a transaction (a supplier starting its own) again, up to 3 attempts in all, when it failed in a way
     * {@code retryable} accepts; a database rolling it back as a deadlock's victim always counts (e.g. two queue
     * workers, one writing a company's row and requesting the users buffered for it, the other buffering one of
     * those users and requesting the company).
     */
    static <T> T retrying(Predicate<Throwable> retryable, Supplier<T> transaction) {
        for (int attempt = 1;; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !isDeadlockVictim(e) && !retryable.test(e)) {
                    throw e;
                }
            }
        }
    }

    /** {@link #retrying} for deadlock victims only. */
    static <T> T retryingDeadlockVictims(Supplier<T> transaction) {
        return retrying(failure -> false, transaction);
    }

    /** Whether an exception of the database in the failure's causes passes the test. */
    static boolean anySqlCause(Throwable failure, Predicate<SQLException> test) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            // a batched statement's exception carries the database's own as its next one
            for (SQLException sql = cause instanceof SQLException e ? e : null; sql != null; sql = sql.getNextException()) {
                if (test.test(sql)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isDeadlockVictim(Throwable failure) {
        return anySqlCause(failure, sql -> DEADLOCK_VICTIM.contains(sql.getSQLState()));
    }
}
