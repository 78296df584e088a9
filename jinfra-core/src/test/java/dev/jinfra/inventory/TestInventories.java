package dev.jinfra.inventory;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Where the inventory files under src/test/resources/inventory are. */
final class TestInventories {
    private TestInventories() {}

    static Path dir() {
        try {
            return Path.of(TestInventories.class.getResource("/inventory").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Inventory load(String name) {
        return InventoryLoader.load(name, dir());
    }

    /** Writes {@code text} to {@code file} in {@code dir} and loads it, for inventories kept in the test itself. */
    static Inventory written(Path dir, String file, String text) throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve(file), text);
        return InventoryLoader.load(file, dir);
    }
}
