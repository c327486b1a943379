package com.loyaltysuite.testsupport;

import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;

/**
 * Hands events to a processing group's handlers as one batch, the way its tracking processor would:
 * one unit of work, one transaction. For projection tests that feed events directly.
 */
public final class ProjectionFeed {

    private ProjectionFeed() {}

    public static void feed(
            EventProcessingConfiguration processing,
            TransactionManager transactions,
            String processingGroup,
            EventMessage<?>... events) {
        var invoker = processing
                .eventProcessorByProcessingGroup(processingGroup, AbstractEventProcessor.class)
                .orElseThrow()
                .eventHandlerInvoker();
        var unitOfWork = new BatchingUnitOfWork<EventMessage<?>>(List.of(events));
        unitOfWork.attachTransaction(transactions);
        var result = unitOfWork.executeWithResult(() -> {
            invoker.handle(unitOfWork.getMessage(), Segment.ROOT_SEGMENT);
            return null;
        });
        if (result.isExceptional()) {
            throw new AssertionError("The batch failed: " + result.exceptionResult(), result.exceptionResult());
        }
    }
}
