package dev.jinfra.engine.deploy;

import dev.jinfra.deploy.OperationCall;
import dev.jinfra.deploy.OperationId;
import dev.jinfra.deploy.PrepareContext;
import dev.jinfra.inventory.Host;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A host's operation calls by id, for the list of registrations they were taken from. A call is looked up for
 * every operation on every host; a scan of the list made a deploy of n operations cost n² per host.
 */
record CallIndex(List<PrepareContext.Registered> of, Map<OperationId, OperationCall> calls) {

    static CallIndex of(List<PrepareContext.Registered> regs) {
        Map<OperationId, OperationCall> calls = new HashMap<>();
        for (PrepareContext.Registered r : regs) {
            // The first registration of an id wins, as the scan found it first.
            calls.putIfAbsent(r.id(), r.call());
        }
        return new CallIndex(regs, calls);
    }

    OperationCall call(OperationId id, Host host) {
        OperationCall call = calls.get(id);
        if (call == null) {
            throw new NoSuchElementException(id + " is not registered on " + host.name());
        }
        return call;
    }
}
