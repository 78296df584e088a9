package dev.jinfra.deploy;

import dev.jinfra.ops.packages.AlpinePackages;
import java.util.List;

/** The {@code apk} operations (Alpine), as deploy code calls them: {@code apk.packages("curl")}. */
public final class ApkOperations {
    /** {@code apk.packages}: installed. */
    public OperationCall packages(String... names) {
        return packages(new AlpinePackages(List.of(names), true, false));
    }

    /** {@code apk.packages}, every argument given. */
    public OperationCall packages(AlpinePackages packages) {
        return PrepareContext.register(packages);
    }
}
