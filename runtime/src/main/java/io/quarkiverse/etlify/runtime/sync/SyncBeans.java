package io.quarkiverse.etlify.runtime.sync;

import java.util.List;

/** The bean classes of this package, for the build to register (most are package-private). */
public final class SyncBeans {

    public static final List<Class<?>> CLASSES = List.of(Synchronizer.class, BatchSynchronizer.class,
            RecordPreparer.class, Deleter.class, SyncDependencyGate.class, Sha256JsonDigest.class, SecretRedactor.class,
            RecordClaims.class, SyncRequestRouter.class, CrmRecordConflicts.class, BatchDeleter.class,
            ClaimingRead.class);

    private SyncBeans() {
    }
}
