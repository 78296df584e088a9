// The shortest deploy: no imports and no class; Host comes from jinfra's implicit imports.
void deploy(Host host) {
    log(host).add("compact ran for " + host.name() + (host.inGroup("web") ? " in web" : ""));
}

@SuppressWarnings("unchecked")
List<String> log(Host host) {
    return (List<String>) host.data().get("log");
}
