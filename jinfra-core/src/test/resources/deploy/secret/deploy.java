// Secret comes from jinfra's implicit imports too, as it did when it lived in dev.jinfra.deploy.
void deploy(Host host) {
    Secret password = new Secret("hunter2");
    log(host).add("secret shown as " + password + " for " + host.name());
}

@SuppressWarnings("unchecked")
List<String> log(Host host) {
    return (List<String>) host.data().get("log");
}
