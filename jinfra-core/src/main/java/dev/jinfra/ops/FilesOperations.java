package dev.jinfra.ops;

import dev.jinfra.deploy.OperationCall;
import dev.jinfra.deploy.PrepareContext;

/** The {@code files} operation family, as deploy code sees it. */
public final class FilesOperations {
    public OperationCall directory(String path) {
        return PrepareContext.register(new Directory(path, true, null, null, null));
    }

    public OperationCall directory(String path, String mode) {
        return PrepareContext.register(new Directory(path, true, mode, null, null));
    }

    public OperationCall directory(String path, String mode, String owner, String group) {
        return PrepareContext.register(new Directory(path, true, mode, owner, group));
    }

    public OperationCall absentDirectory(String path) {
        return PrepareContext.register(new Directory(path, false, null, null, null));
    }
}
