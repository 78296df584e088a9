void deploy(Host host) {
    log(host).add("b");
}

@SuppressWarnings("unchecked")
List<String> log(Host host) {
    return (List<String>) host.data().get("log");
}
