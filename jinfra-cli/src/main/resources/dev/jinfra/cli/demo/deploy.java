// The deploy jinfra demo runs twice. Every path is below demo_root/<host name>: the demo's hosts share this
// machine's filesystem, so a path without the host name would be written by all of them at once.
void deploy(Host host) {
    String base = host.data("demo_root") + "/" + host.name();

    files.directory(base + "/etc", "755");
    // Rendered per host from its name and its host data (role).
    var motd = files.template(host.data("demo_dir") + "/motd.j2", base + "/etc/motd", Map.of("team", "ops"));
    files.file(base + "/etc/app.conf", "644");
    files.line(base + "/etc/app.conf", "listen=0.0.0.0:8080");
    // A handler: runs only on the hosts whose motd changed in this run.
    server.shell("date >> " + base + "/motd-announced").name("Announce the new motd").when(motd::changed);
}
