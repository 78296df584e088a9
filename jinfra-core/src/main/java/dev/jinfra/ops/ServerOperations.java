package dev.jinfra.ops;

import dev.jinfra.deploy.OperationCall;
import dev.jinfra.deploy.PrepareContext;
import java.util.List;

/** The {@code server} operation family, as deploy code sees it. */
public final class ServerOperations {
    public OperationCall shell(String... commands) {
        return PrepareContext.register(new Shell(List.of(commands)));
    }
}
