/* Reusable pieces: a compact file may declare fields, helper methods and types next to deploy().
 * The word class in this comment, and in the string below, must not make it look like a class file. */
final String greeting = "class Greeting { }";
int calls = 0;

record Package(String name, String version) {
    String spec() { return name + "=" + version; }
}

void deploy(Host host) {
    install(host, new Package("nginx", "1.26"));
    install(host, new Package("curl", "8.5"));
    log(host).add(greeting + " calls=" + calls);
}

void install(Host host, Package p) {
    calls++;
    log(host).add("install " + p.spec() + " on " + host.name());
}

@SuppressWarnings("unchecked")
List<String> log(Host host) {
    return (List<String>) host.data().get("log");
}
