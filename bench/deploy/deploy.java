// deploy-bench: 20 idempotent operations, the jinfra side of bench/deploy/playbook.yml.
// Every path is below bench_root/<host name>: the fleet's hosts share this machine's filesystem, so a
// path without the host name would be written by all of them and the runs would race.
// Run from the repository root (files.put's src is relative to the working directory):
//   ./jinfra INVENTORY bench/deploy/deploy.java --yes --data bench_root=/var/tmp/dbench

void deploy(Host host) {
    String base = host.data("bench_root") + "/" + host.name();

    // 1-5: directories with modes
    files.directory(base, "755");
    files.directory(base + "/etc", "755");
    files.directory(base + "/conf.d", "750");
    files.directory(base + "/log", "700");
    files.directory(base + "/releases/1", "755");

    // 6-7: uploads of a small local file (only sent when the checksum differs)
    files.put("bench/deploy/files/app.conf", base + "/etc/app.conf", "644");
    files.put("bench/deploy/files/app.conf", base + "/releases/1/app.conf", "640");

    // 8-10: files with modes (created empty); the edits below go to settings.conf and hosts, not to the
    // uploaded files, or the next run's upload would undo them and nothing would ever be unchanged
    files.file(base + "/etc/settings.conf", "644");
    files.file(base + "/log/app.log", "640");
    files.file(base + "/conf.d/empty.conf", "600");

    // 11-13: lines, one of them replacing whatever line matches a regex
    files.line(base + "/etc/settings.conf", "listen=0.0.0.0:8080");
    files.line(base + "/etc/settings.conf", "workers=4").replace("^workers=");
    files.line(base + "/etc/settings.conf", "debug=false").replace("^debug=");

    // 14-16: blocks between marker lines
    files.block(base + "/etc/settings.conf", "[cache]\nsize=64m\nttl=300");
    files.file(base + "/etc/hosts", "644");
    files.block(base + "/etc/hosts", "10.0.0.5 db\n10.0.0.6 cache");

    // 17-19: symbolic links
    files.link(base + "/current", base + "/releases/1");
    files.link(base + "/etc/app.conf.link", base + "/etc/app.conf");
    files.link(base + "/log/latest", base + "/log/app.log");

    // 20: a package check: coreutils is installed (read from the dpkg status fact; nothing runs when it is)
    apt.packages("coreutils");
}
