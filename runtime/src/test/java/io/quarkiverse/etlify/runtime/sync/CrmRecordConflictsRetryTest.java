package io.quarkiverse.etlify.runtime.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Which failures of the transactions preparing and writing sync rows make them run again. */
class CrmRecordConflictsRetryTest {

    @Test
    void aDeadlockVictimIsWrittenAgain() {
        for (String state : new String[] { "40P01", "40001" }) {
            AtomicInteger attempts = new AtomicInteger();
            String written = CrmRecordConflicts.retryingWhenTaken(() -> {
                if (attempts.incrementAndGet() == 1) {
                    throw new IllegalStateException("write failed", new SQLException("deadlock detected", state));
                }
                return "written";
            });
            assertThat(written).isEqualTo("written");
            assertThat(attempts).as("SQLState %s", state).hasValue(2);
        }
    }

    @Test
    void aBatchCarriesTheDatabasesExceptionAsItsNextOne() {
        AtomicInteger attempts = new AtomicInteger();
        BatchUpdateException batch = new BatchUpdateException("batch failed", "HY000", 0, new int[0], null);
        batch.setNextException(new SQLException("Deadlock detected", "40001"));
        CrmRecordConflicts.retryingWhenTaken(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException(batch);
            }
            return null;
        });
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aTakenCrmRecordIsWrittenAgainButOtherFailuresAreNot() {
        AtomicInteger attempts = new AtomicInteger();
        CrmRecordConflicts.retryingWhenTaken(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException(new SQLException(
                        "duplicate key value violates unique constraint \"idx_crm_sync_on_crm_record\"", "23505"));
            }
            return null;
        });
        assertThat(attempts).hasValue(2);

        AtomicInteger failures = new AtomicInteger();
        assertThatThrownBy(() -> CrmRecordConflicts.retryingWhenTaken(() -> {
            failures.incrementAndGet();
            throw new IllegalStateException(new SQLException("value too long", "22001"));
        })).hasRootCauseMessage("value too long");
        assertThat(failures).as("not retried").hasValue(1);
    }

    @Test
    void aDeadlockThatKeepsHappeningIsThrownAfterTheLastAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> CrmRecordConflicts.retryingWhenTaken(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException(new SQLException("deadlock detected", "40P01"));
        })).isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void thePreparingTransactionRunsAgainForADeadlockOnly() {
        AtomicInteger attempts = new AtomicInteger();
        String prepared = Transactions.retryingDeadlockVictims(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException(new SQLException("deadlock detected", "40P01"));
            }
            return "prepared";
        });
        assertThat(prepared).isEqualTo("prepared");
        assertThat(attempts).hasValue(2);

        AtomicInteger failures = new AtomicInteger();
        assertThatThrownBy(() -> Transactions.retryingDeadlockVictims(() -> {
            failures.incrementAndGet();
            throw new IllegalStateException(new SQLException(
                    "duplicate key value violates unique constraint \"idx_crm_sync_on_crm_record\"", "23505"));
        })).isInstanceOf(IllegalStateException.class);
        assertThat(failures).as("a taken CRM id is not retried here").hasValue(1);
    }
}
