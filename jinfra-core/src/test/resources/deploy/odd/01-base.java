// A file name that is not a Java identifier.
void deploy(Host host) {
    throw new UnsupportedOperationException("base for " + host.name());
}
