package com.loyaltysuite.support.projections;

import com.loyaltysuite.support.messaging.IntegrationEventRelay;
import com.loyaltysuite.support.security.ExpensiveCalls;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /actuator/projections}: the service's event processors and their state; a POST to
 * {@code /actuator/projections/{name}} rebuilds that read model from the event store (DESIGN
 * guarantee 3): the processor stops, its {@code @ResetHandler}s empty its tables, and it replays
 * every event from the start. The outbox relay is refused: replaying it would re-send every event
 * (consumers would skip them, but it is never what an operator means). With several instances, stop
 * the others first: a reset needs every segment's token, so while another instance holds a segment
 * the rebuild is refused with 409 and says which. Rebuilds share the rate limit of the costly
 * endpoints; the whole endpoint needs the admin scope.
 */
@Endpoint(id = "projections")
public class ProjectionsEndpoint {

    public record ProcessorState(String name, boolean running, boolean replaying, boolean error, int segments) {}

    public record RebuildStarted(String name, String status) {}

    public record RebuildRefused(String name, String reason, List<Integer> segmentsHeldElsewhere) {}

    /** A claim older than this is one its instance gave up or lost (Axon's default claim timeout). */
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final ExpensiveCalls expensiveCalls;
    /** Axon stamps claims with the wall clock, whatever clock the business rules use. */
    private final Clock clock = Clock.systemUTC();

    public ProjectionsEndpoint(EventProcessingConfiguration processing, JdbcTemplate jdbc, ExpensiveCalls expensiveCalls) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.expensiveCalls = expensiveCalls;
    }

    @ReadOperation
    public List<ProcessorState> processors() {
        return processing.eventProcessors().values().stream()
                .map(ProjectionsEndpoint::state)
                .sorted(Comparator.comparing(ProcessorState::name))
                .toList();
    }

    @WriteOperation
    public WebEndpointResponse<Object> rebuild(@Selector String name) {
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
        List<Integer> heldElsewhere = segmentsHeldElsewhere(name, processor.processingStatus().keySet());
        if (!heldElsewhere.isEmpty()) {
            return new WebEndpointResponse<>(
                    new RebuildRefused(
                            name,
                            "Another instance is processing segments " + heldElsewhere
                                    + "; stop the other instances of this service first",
                            heldElsewhere),
                    409);
        }
        expensiveCalls.acquire();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return new WebEndpointResponse<>(new RebuildStarted(name, "replaying"), WebEndpointResponse.STATUS_OK);
    }

    /** Segments with a live claim (an owner and a recent timestamp) that this instance is not processing. */
    private List<Integer> segmentsHeldElsewhere(String processorName, Set<Integer> ours) {
        Instant liveSince = clock.instant().minus(CLAIM_TIMEOUT);
        return jdbc.queryForList(
                        "select segment, timestamp from token_entry where processor_name = ? and owner is not null",
                        processorName)
                .stream()
                .filter(row -> !ours.contains(((Number) row.get("segment")).intValue()))
                .filter(row -> Instant.parse((String) row.get("timestamp")).isAfter(liveSince))
                .map(row -> ((Number) row.get("segment")).intValue())
                .sorted()
                .toList();
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
