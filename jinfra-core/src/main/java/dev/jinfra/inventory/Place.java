package dev.jinfra.inventory;

/**
 * Where a value of host data was written: a file (the inventory, or a {@code group_vars}/{@code host_vars} file)
 * and a line, 0 when unknown. Messages about a bad value start with it.
 */
record Place(String file, int line) {
    /** {@code file:line: } or {@code file: }, to put in front of a message. */
    String prefix() {
        return line > 0 ? file + ":" + line + ": " : file + ": ";
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
