package io.quarkiverse.etlify.runtime.onchange;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hibernate.action.spi.AfterTransactionCompletionProcess;
import org.hibernate.action.spi.BeforeTransactionCompletionProcess;
import org.hibernate.engine.spi.ActionQueue;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.PostCollectionRecreateEvent;
import org.hibernate.event.spi.PostCollectionRecreateEventListener;
import org.hibernate.event.spi.PostCollectionRemoveEvent;
import org.hibernate.event.spi.PostCollectionRemoveEventListener;
import org.hibernate.event.spi.PostCollectionUpdateEvent;
import org.hibernate.event.spi.PostCollectionUpdateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.event.spi.PostUpsertEvent;
import org.hibernate.event.spi.PostUpsertEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.jboss.logging.Logger;

import io.quarkiverse.etlify.runtime.mapping.Mapping;
import io.quarkiverse.etlify.runtime.onchange.ChangeWatches.CollectionInterest;
import io.quarkiverse.etlify.runtime.onchange.ChangeWatches.EntityInterest;
import io.quarkiverse.etlify.runtime.onchange.ChangeWatches.ParentLink;
import io.quarkus.arc.Arc;

/**
 * Hears, within the writing transaction, the rows Hibernate inserted, updated or deleted and the collections it
 * changed, and keeps the ids that concern watching mappings in the transaction's {@link TransactionChanges}; no SQL and
 * no CRM call here. Before the transaction commits (after its last flush), {@link ChangeRequests} turns them into
 * requests with a few set-based statements.
 */
final class ChangeListener implements PostInsertEventListener, PostUpdateEventListener, PostUpsertEventListener,
        PostDeleteEventListener, PostCollectionRecreateEventListener, PostCollectionUpdateEventListener,
        PostCollectionRemoveEventListener {

    private static final Logger LOG = Logger.getLogger(ChangeListener.class);

    private final SessionFactoryImplementor factory;
    /** The key of the changes made through stateless sessions, which have no action queue of their own. */
    private final Object statelessKey = new Object();
    private volatile ChangeWatches watches;
    private volatile ChangeRequests requests;
    private volatile TransactionSynchronizationRegistry transactions;

    ChangeListener(SessionFactoryImplementor factory) {
        this.factory = factory;
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        saved(event.getSession(), event.getPersister(), event.getId(), null, event.getState());
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        saved(event.getSession(), event.getPersister(), event.getId(), event.getOldState(), event.getState());
    }

    @Override
    public void onPostUpsert(PostUpsertEvent event) {
        saved(event.getSession(), event.getPersister(), event.getId(), null, event.getState());
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        EntityInterest interest = watches().entity(event.getPersister());
        TransactionChanges changes = interest == null ? null : changes(event.getSession());
        if (changes == null) {
            return;
        }
        interest.own().forEach(mapping -> changes.deleted(mapping, event.getId()));
        interest.delete().forEach(mapping -> changes.delete(mapping, event.getId()));
        // the row is gone: the rows it led to are known from its state only
        for (ParentLink parent : interest.parents()) {
            parent.add(changes, event.getDeletedState());
        }
    }

    @Override
    public void onPostRecreateCollection(PostCollectionRecreateEvent event) {
        collectionChanged(event);
    }

    @Override
    public void onPostUpdateCollection(PostCollectionUpdateEvent event) {
        collectionChanged(event);
    }

    @Override
    public void onPostRemoveCollection(PostCollectionRemoveEvent event) {
        collectionChanged(event);
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    private void saved(EventSource session, EntityPersister persister, Object id, Object[] oldState, Object[] state) {
        EntityInterest interest = watches().entity(persister);
        TransactionChanges changes = interest == null ? null : changes(session);
        if (changes == null) {
            return;
        }
        interest.sync().forEach(mapping -> changes.sync(mapping, id));
        interest.lookUps().forEach(target -> changes.lookUp(target, id));
        for (ParentLink parent : interest.parents()) {
            // the rows it leaves concern their records as much as the rows it joins
            parent.add(changes, oldState);
            parent.add(changes, state);
        }
    }

    private void collectionChanged(AbstractCollectionEvent event) {
        ChangeWatches watched = watches();
        var interests = watched.collection(event.getCollection().getRole());
        Object ownerId = interests.isEmpty() ? null : event.getAffectedOwnerIdOrNull();
        TransactionChanges changes = ownerId == null ? null : changes(event.getSession());
        if (changes == null) {
            return;
        }
        Class<?> ownerClass = factory.getMappingMetamodel().getEntityDescriptor(event.getAffectedOwnerEntityName())
                .getMappedClass();
        for (CollectionInterest interest : interests) {
            Mapping mapping = interest.mapping();
            if (interest.lookUp() != null) {
                changes.lookUp(interest.lookUp(), ownerId);
            } else if (watched.belongs(ownerClass, mapping)) {
                changes.sync(mapping, ownerId);
            }
        }
    }

    /** The changes of the current transaction through this session, {@code null} outside a transaction. */
    private TransactionChanges changes(EventSource session) {
        TransactionSynchronizationRegistry registry = transactions();
        if (registry.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            LOG.debugf("Change flushed outside a transaction: no sync requested for it");
            return null;
        }
        Object key = session != null ? session : statelessKey;
        TransactionChanges changes = (TransactionChanges) registry.getResource(key);
        if (changes == null) {
            changes = new TransactionChanges();
            registry.putResource(key, changes);
            complete(session, changes, registry);
        } else if (changes.isRecorded()) {
            // flushed after the transaction's requests were written (by code running before its completion)
            LOG.debugf("Change flushed after the transaction's sync requests were written: left to batch syncs");
            return null;
        }
        return changes;
    }

    /** Registers the writing of the requests before the transaction completes, and the wake-up after it commits. */
    private void complete(EventSource session, TransactionChanges changes, TransactionSynchronizationRegistry registry) {
        ChangeRequests writer = requests();
        if (session != null) {
            // after the session's last flush, in the transaction: the action queue runs them after flushing
            ActionQueue queue = session.getActionQueue();
            queue.registerProcess((BeforeTransactionCompletionProcess) s -> writer.record(changes));
            queue.registerProcess((AfterTransactionCompletionProcess) (success, s) -> {
                if (success) {
                    writer.committed(changes);
                }
            });
            return;
        }
        // a stateless session writes at once: nothing is flushed at completion
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                writer.record(changes);
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    writer.committed(changes);
                }
            }
        });
    }

    private ChangeWatches watches() {
        ChangeWatches w = watches;
        if (w == null) {
            synchronized (this) {
                if (watches == null) {
                    watches = requests().watches(factory);
                }
                w = watches;
            }
        }
        return w;
    }

    private ChangeRequests requests() {
        ChangeRequests r = requests;
        if (r == null) {
            requests = r = Arc.container().instance(ChangeRequests.class).get();
        }
        return r;
    }

    private TransactionSynchronizationRegistry transactions() {
        TransactionSynchronizationRegistry t = transactions;
        if (t == null) {
            transactions = t = Arc.container().instance(TransactionSynchronizationRegistry.class).get();
        }
        return t;
    }
}
