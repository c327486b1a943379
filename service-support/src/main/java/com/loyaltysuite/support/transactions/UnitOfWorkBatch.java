package com.loyaltysuite.support.transactions;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Writes collected during one Axon unit of work (a Kafka poll batch, a tracking processor's batch of
 * events), written once, in as few statements as the writer can, when the root unit of work prepares
 * its commit: inside its transaction, so the batch commits or rolls back with everything else. With
 * no unit of work, or one already past preparing its commit, a change is written at once.
 *
 * @param <B> what is collected (for instance, rows keyed by event or member id)
 */
public final class UnitOfWorkBatch<B> {

    private final String resourceKey;
    private final Supplier<B> create;
    private final Consumer<B> write;

    /**
     * @param name names the batch among the unit of work's resources
     * @param create a new, empty batch
     * @param write writes a batch
     */
    public UnitOfWorkBatch(String name, Supplier<B> create, Consumer<B> write) {
        this.resourceKey = UnitOfWorkBatch.class.getName() + "[" + name + "]@" + System.identityHashCode(this);
        this.create = create;
        this.write = write;
    }

    /** Adds a change to the current batch; a change may read what earlier ones left there. */
    public void add(Consumer<B> change) {
        UnitOfWork<?> root = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root() : null;
        if (root == null || root.phase().isAfter(UnitOfWork.Phase.PREPARE_COMMIT)) {
            B batch = create.get();
            change.accept(batch);
            write.accept(batch);
            return;
        }
        change.accept(root.getOrComputeResource(resourceKey, key -> {
            B batch = create.get();
            root.onPrepareCommit(uow -> {
                // Changes added later in this phase (a subscribing processor's) start a batch of their
                // own, whose handler runs after this one.
                uow.resources().remove(resourceKey);
                write.accept(batch);
            });
            return batch;
        }));
    }
}
