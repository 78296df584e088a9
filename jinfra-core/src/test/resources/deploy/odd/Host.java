// Named like an imported type; its class must not clash with the Host import.
void deploy(Host host) {
    @SuppressWarnings("unchecked")
    List<String> log = (List<String>) host.data().get("log");
    log.add("Host.java ran for " + host.name());
}
