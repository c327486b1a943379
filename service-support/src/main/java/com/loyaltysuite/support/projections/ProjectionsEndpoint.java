package com.loyaltysuite.support.projections;

import com.loyaltysuite.support.messaging.IntegrationEventRelay;
import java.util.Comparator;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/projections}: the service's event processors and their state; a POST to
 * {@code /actuator/projections/{name}} rebuilds that read model from the event store (DESIGN
 * guarantee 3): the processor stops, its {@code @ResetHandler}s empty its tables, and it replays
 * every event from the start. The outbox relay is refused: replaying it would re-send every event
 * (consumers would skip them, but it is never what an operator means). With several instances, stop
 * the others first: a reset needs every segment's token.
 */
@Endpoint(id = "projections")
public class ProjectionsEndpoint {

    public record ProcessorState(String name, boolean running, boolean replaying, boolean error, int segments) {}

    public record RebuildStarted(String name, String status) {}

    private final EventProcessingConfiguration processing;

    public ProjectionsEndpoint(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @ReadOperation
    public List<ProcessorState> processors() {
        return processing.eventProcessors().values().stream()
                .map(ProjectionsEndpoint::state)
                .sorted(Comparator.comparing(ProcessorState::name))
                .toList();
    }

    @WriteOperation
    public RebuildStarted rebuild(@Selector String name) {
        if (IntegrationEventRelay.PROCESSING_GROUP.equals(name)) {
            throw new InvalidEndpointRequestException(
                    "The outbox relay is not a projection and is never rebuilt", "not a projection");
        }
        StreamingEventProcessor processor = processing
                .eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new InvalidEndpointRequestException(
                        "No streaming event processor named '" + name + "'", "unknown processor"));
        if (!processor.supportsReset()) {
            throw new InvalidEndpointRequestException(
                    "Processor '" + name + "' does not support a reset", "no reset");
        }
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return new RebuildStarted(name, "replaying");
    }

    private static ProcessorState state(EventProcessor processor) {
        if (processor instanceof StreamingEventProcessor streaming) {
            return new ProcessorState(
                    processor.getName(),
                    streaming.isRunning(),
                    streaming.isReplaying(),
                    streaming.isError(),
                    streaming.processingStatus().size());
        }
        return new ProcessorState(processor.getName(), processor.isRunning(), false, processor.isError(), 0);
    }

}
