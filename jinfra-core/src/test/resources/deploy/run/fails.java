// Fails at run time, on line 6.

void deploy(Host host) {
    if (host.inGroup("db")) {
        int port = 5432;
        throw new IllegalStateException("no database on " + host.name() + ":" + port);
    }
}
