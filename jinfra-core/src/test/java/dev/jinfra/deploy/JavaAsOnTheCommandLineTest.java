package dev.jinfra.deploy;

import static dev.jinfra.deploy.Operations.apt;
import static dev.jinfra.deploy.Operations.files;
import static dev.jinfra.deploy.Operations.git;
import static dev.jinfra.deploy.Operations.pip;
import static dev.jinfra.deploy.Operations.server;
import static dev.jinfra.deploy.Operations.systemd;
import static dev.jinfra.deploy.Operations.sysvinit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.api.FactSource;
import dev.jinfra.catalog.Catalog;
import dev.jinfra.inventory.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An operation with some arguments given by name in Java is the operation the command line builds from the same
 * names: {@code files.directory("/srv/old").absent()} is {@code files.directory path=/srv/old present=false}. The
 * cases are the ones Java used to spell with names of their own (absentDirectory, touch, keyFromUrl ...), and the
 * presets of the methods that give more than their parameters.
 */
class JavaAsOnTheCommandLineTest {
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    private record Case(Deploy java, String operation, Map<String, Object> commandLine) {}

    private static final List<Case> CASES = List.of(
            new Case(
                    h -> files.directory("/srv/old").absent(),
                    "files.directory",
                    Map.of("path", "/srv/old", "present", "false")),
            new Case(
                    h -> files.directory("/srv/app", "750")
                            .owner("app")
                            .group("app")
                            .arg("recursive", true),
                    "files.directory",
                    Map.of("path", "/srv/app", "mode", "750", "owner", "app", "group", "app", "recursive", "true")),
            new Case(
                    h -> files.file("/var/run/x").arg("touch", true),
                    "files.file",
                    Map.of("path", "/var/run/x", "touch", "true")),
            new Case(h -> files.file("/tmp/x").absent(), "files.file", Map.of("path", "/tmp/x", "present", "false")),
            new Case(
                    h -> files.link("/srv/current", "/srv/r1").arg("symbolic", false),
                    "files.link",
                    Map.of("path", "/srv/current", "target", "/srv/r1", "symbolic", "false")),
            new Case(
                    h -> files.link("/srv/current").absent(),
                    "files.link",
                    Map.of("path", "/srv/current", "present", "false")),
            new Case(
                    h -> files.line("/etc/app.conf", "debug=1").absent(),
                    "files.line",
                    Map.of("path", "/etc/app.conf", "line", "debug=1", "present", "false")),
            new Case(
                    h -> files.block("/etc/hosts").absent(),
                    "files.block",
                    Map.of("path", "/etc/hosts", "present", "false")),
            new Case(
                    h -> apt.packages("nginx", "curl").arg("update", true).arg("cacheAgeSeconds", 3600),
                    "apt.packages",
                    Map.of("packages", "nginx,curl", "update", "true", "cacheAgeSeconds", "3600")),
            new Case(
                    h -> apt.packages("nginx").absent(),
                    "apt.packages",
                    Map.of("packages", "nginx", "present", "false")),
            new Case(h -> apt.upgrade().arg("distUpgrade", true), "apt.upgrade", Map.of("distUpgrade", "true")),
            new Case(
                    h -> apt.repo("deb https://example.org/debian bookworm main", "example")
                            .absent(),
                    "apt.repo",
                    Map.of(
                            "src",
                            "deb https://example.org/debian bookworm main",
                            "filename",
                            "example",
                            "present",
                            "false")),
            new Case(
                    h -> apt.key()
                            .arg("url", "https://example.org/key.asc")
                            .arg("dest", "/etc/apt/keyrings/example.gpg"),
                    "apt.key",
                    Map.of("url", "https://example.org/key.asc", "dest", "/etc/apt/keyrings/example.gpg")),
            new Case(
                    h -> apt.key().arg("src", "files/example.asc").arg("dest", "/etc/apt/keyrings/example.gpg"),
                    "apt.key",
                    Map.of("src", "files/example.asc", "dest", "/etc/apt/keyrings/example.gpg")),
            new Case(
                    h -> git.repo("https://example.org/app.git", "/srv/app").arg("commit", COMMIT),
                    "git.repo",
                    Map.of("src", "https://example.org/app.git", "dest", "/srv/app", "commit", COMMIT)),
            new Case(
                    h -> pip.packages("gunicorn").arg("venv", "/opt/venv"),
                    "pip.packages",
                    Map.of("packages", "gunicorn", "venv", "/opt/venv")),
            new Case(
                    h -> pip.packages("gunicorn").absent(),
                    "pip.packages",
                    Map.of("packages", "gunicorn", "present", "false")),
            new Case(
                    h -> server.user("app").arg("publicKeys", List.of("ssh-ed25519 AAAAC3Nz app@laptop")),
                    "server.user",
                    Map.of("name", "app", "publicKeys", List.of("ssh-ed25519 AAAAC3Nz app@laptop"))),
            new Case(h -> server.user("app").absent(), "server.user", Map.of("name", "app", "present", "false")),
            new Case(
                    h -> server.group("app").arg("system", true),
                    "server.group",
                    Map.of("name", "app", "system", "true")),
            new Case(h -> server.group("app").absent(), "server.group", Map.of("name", "app", "present", "false")),
            new Case(
                    h -> server.crontab(null, "/usr/local/bin/backup")
                            .user("app")
                            .absent(),
                    "server.crontab",
                    Map.of("command", "/usr/local/bin/backup", "user", "app", "present", "false")),
            new Case(
                    h -> server.mount("/srv/data").arg("mounted", false),
                    "server.mount",
                    Map.of("path", "/srv/data", "mounted", "false")),
            // The presets the reference names: what these methods give beyond their parameters.
            new Case(
                    h -> systemd.service("nginx"),
                    "systemd.service",
                    Map.of("unit", "nginx", "running", "true", "enabled", "true")),
            new Case(
                    h -> sysvinit.service("ntp"),
                    "sysvinit.service",
                    Map.of("name", "ntp", "running", "true", "enabled", "true")),
            new Case(
                    h -> server.service("nginx"),
                    "server.service",
                    Map.of("name", "nginx", "running", "true", "enabled", "true")),
            new Case(
                    h -> server.sysctl("vm.swappiness", "10"),
                    "server.sysctl",
                    Map.of("key", "vm.swappiness", "value", "10", "persist", "true")));

    @Test
    void everyCaseBuildsTheOperationTheCommandLineBuildsFromTheSameNames() {
        Host host = new Host("web-1", List.of(), Map.of());
        List<String> differ = new ArrayList<>();
        for (Case c : CASES) {
            var java = PrepareContext.prepare(host, List.of(c.java()), FactSource.NONE)
                    .getFirst()
                    .call()
                    .operation();
            var commandLine = Catalog.operation(c.operation(), c.commandLine());
            if (!java.equals(commandLine)) {
                differ.add(c.operation() + " " + c.commandLine() + ": Java built " + java + ", the command line "
                        + commandLine);
            }
        }
        assertThat(differ).isEmpty();
    }
}
