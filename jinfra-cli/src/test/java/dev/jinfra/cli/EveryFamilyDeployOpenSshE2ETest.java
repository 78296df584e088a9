package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.testkit.openssh.OpenSshFleet;
import dev.jinfra.testkit.openssh.OpenSshFleetExtension;
import dev.jinfra.testkit.openssh.OpenSshHosts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One deploy using every operation family (files, server, apt, git, pip, sysvinit) on real OpenSSH hosts with
 * per-host overlays of /etc, /home, /var and /usr: the first run changes every host, the second changes none,
 * and the machine running the test keeps none of it. Nothing touches the network: the apt repository is a
 * directory synced to each host, the git remote a bare repository in a temporary directory of this machine.
 */
@ExtendWith(OpenSshFleetExtension.class)
@OpenSshHosts(value = 3, overlay = true)
class EveryFamilyDeployOpenSshE2ETest {
    private static final String GROUP = "jinfra-e2e";
    private static final String EXTRA_GROUP = "jinfra-e2e-extra";
    private static final String USER = "jinfra-e2e-user";
    private static final String PACKAGE = "jinfra-e2e-hello";
    private static final String ETC = "/etc/jinfra-e2e";
    private static final String LIB = "/var/lib/jinfra-e2e";
    private static final String REPO = "/var/lib/jinfra-e2e-repo";
    private static final String SERVICE = "jinfra-e2e";
    // The daemon's command line: @AfterAll kills a leftover process only when it is exactly this.
    private static final String DAEMON = "sleep 424242";
    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJinfraE2eKeyNotARealOne jinfra@e2e";
    // Every path the deploy creates; none may exist on this machine, before or after.
    private static final List<String> TRACES = List.of(
            ETC,
            LIB,
            REPO,
            "/home/" + USER,
            "/etc/init.d/" + SERVICE,
            "/etc/apt/sources.list.d/jinfra-e2e.list",
            "/usr/share/jinfra-e2e",
            "/etc/rc2.d/S01" + SERVICE);

    @TempDir
    static Path work;

    private static String machineHostname;
    private static List<String> machineAptSources;
    private static boolean venv;

    /**
     * Refuses to deploy unless every host really sees overlays and this machine has none of the deploy's
     * traces; moves the hosts' own apt sources (Debian mirrors: network) aside in their overlays, so that
     * apt-get update reads only the deploy's local repository.
     */
    @BeforeAll
    static void hostsAreContained(OpenSshFleet fleet) throws Exception {
        assertThat(fleet.overlay()).as("the fleet runs with overlays").isTrue();
        for (var host : fleet.hosts()) {
            ProcessRun fs = ProcessRun.ssh(fleet, host, "stat -f -c %T /etc /home /var /usr");
            assertThat(fs.out().lines().toList())
                    .as("%s: %s", host.name(), fs)
                    .containsExactly("overlayfs", "overlayfs", "overlayfs", "overlayfs");
            ProcessRun aside = ProcessRun.ssh(
                    fleet,
                    host,
                    "mkdir /etc/apt/jinfra-e2e-aside && for f in /etc/apt/sources.list"
                            + " /etc/apt/sources.list.d/*; do if [ -e \"$f\" ]; then mv \"$f\" /etc/apt/jinfra-e2e-aside/; fi; done");
            assertThat(aside.exitCode()).as(aside.toString()).isZero();
        }
        machineIsUntouched();
        machineHostname = ProcessRun.of(List.of("hostname"), null).out().strip();
        machineAptSources = aptSources();
        // Debian's venv module needs the python3-venv package; without it the deploy leaves pip out.
        venv = ProcessRun.ssh(fleet, fleet.hosts().getFirst(), "python3 -c 'import venv, ensurepip'")
                        .exitCode()
                == 0;
    }

    /** Kills a daemon the test left running, by the PID in that host's pidfile and only if it is ours. */
    @AfterAll
    static void noDaemonLeft(OpenSshFleet fleet) throws Exception {
        for (var host : fleet.hosts()) {
            Path pidfile = fleet.overlayDir(host).resolve("upper" + LIB + "/pid");
            if (!Files.isRegularFile(pidfile)) {
                continue;
            }
            long pid = Long.parseLong(Files.readString(pidfile).strip());
            Path cmdline = Path.of("/proc/" + pid + "/cmdline");
            if (Files.exists(cmdline)
                    && Files.readString(cmdline).replace('\0', ' ').strip().equals(DAEMON)) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            }
        }
    }

    @Test
    void everyFamilyChangesOnceThenNothing(OpenSshFleet fleet) throws Exception {
        Path cwd = Files.createDirectories(work.resolve("deploy"));
        String commit = bareGitRepository();
        buildAptRepository(cwd.resolve("repo"));
        Files.writeString(cwd.resolve("motd.txt"), "managed by jinfra\n");
        String source = "greeting = hello\nlisten = localhost\n";
        Files.writeString(cwd.resolve("source.txt"), source);
        Files.writeString(cwd.resolve("jinfra-e2e.list"), "deb [trusted=yes] file:" + REPO + " ./\n");
        Files.writeString(
                cwd.resolve("app.conf.j2"), "# {{ host.name }}\nname = {{ host.name }}\nport = {{ app_port }}\n");
        Files.writeString(cwd.resolve("setup.sh"), "#!/bin/sh\nprintf '%s|' \"$@\" > " + LIB + "/script-args\n");
        Files.writeString(cwd.resolve("init.sh"), initScript());
        Files.createDirectories(cwd.resolve("site/pages"));
        Files.writeString(cwd.resolve("site/index.html"), "<p>index</p>\n");
        Files.writeString(cwd.resolve("site/pages/about.html"), "<p>about</p>\n");
        Files.writeString(cwd.resolve("deploy.java"), """
                void deploy(Host host) {
                    // Local files by absolute path: the command line runs in this JVM, whose working directory is not cwd.
                    String local = "%13$s/";
                    server.group("%1$s");
                    server.group("%2$s");
                    server.user(new dev.jinfra.ops.server.User("%3$s", true, null, "%1$s", java.util.List.of("%2$s"),
                            "/home/%3$s", "/bin/sh", false, java.util.List.of("%14$s")));
                    // Each host has its own UTS namespace, so its name is its own.
                    server.hostname("e2e-" + host.name());
                    server.crontab("0 3 * * *", "/bin/true jinfra-e2e").user("%3$s");

                    files.directory("%4$s", "750").owner("root").group("%1$s");
                    files.directory("%5$s", "755");
                    files.template(local + "app.conf.j2", "%4$s/app.conf").mode("640").owner("root").group("%1$s");
                    files.file("%4$s/extra.conf", "640").owner("root").group("%1$s");
                    files.line("%4$s/extra.conf", "host = " + host.name());
                    files.line("%4$s/extra.conf", "mode = production").replace("^mode = ");
                    files.block("%4$s/extra.conf", "[users]\\n%3$s");
                    files.put(local + "motd.txt", "%4$s/motd", "644");
                    files.link("%4$s/current", "%5$s/app");
                    files.put(local + "source.txt", "%5$s/source.txt");
                    files.download("file://%5$s/source.txt", "%5$s/downloaded.txt", "%6$s").mode("600");
                    // Without a checksum the download happens only when the file is missing, so the edit stays.
                    files.download("file://%5$s/source.txt", "%4$s/listen.conf");
                    files.replace("%4$s/listen.conf", "localhost", "0.0.0.0");
                    var config = files.template(local + "app.conf.j2", "%5$s/app.conf", java.util.Map.of("app_port", 9090));
                    server.script(local + "setup.sh", "one arg", "it's").when(config::changed);
                    // Sync writes the tree as root with the upload's modes; the directory then owns all of it.
                    files.sync(local + "site", "%5$s/site");
                    files.directory("%5$s/site", "750").owner("%3$s").group("%1$s").arg("recursive", true);

                    files.sync(local + "repo", "%7$s").arg("delete", true);
                    files.put(local + "jinfra-e2e.list", "/etc/apt/sources.list.d/jinfra-e2e.list", "644");
                    apt.update(3600);
                    apt.packages("%8$s");

                    git.repo("%9$s", "%5$s/app").arg("commit", "%10$s");
                    git.config("jinfra.host", host.name(), "%5$s/app");
                    // pip.packages is left out: it would need a package index, i.e. the network.
                    if (%11$s) {
                        pip.venv("%5$s/venv");
                    }

                    files.put(local + "init.sh", "/etc/init.d/%12$s", "755");
                    sysvinit.service("%12$s");
                }
                """.formatted(
                        GROUP,
                        EXTRA_GROUP,
                        USER,
                        ETC,
                        LIB,
                        sha256(source),
                        REPO,
                        PACKAGE,
                        work.resolve("app.git"),
                        commit,
                        venv,
                        SERVICE,
                        cwd,
                        KEY));
        int n = fleet.hosts().size();
        String inventory = fleet.inventoryFile().toString();

        CliRun first = CliRun.run(cwd, inventory, "deploy.java", "--yes", "--data", "app_port=8080");
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCode.OK);
        assertThat(first.out())
                .as(first.toString())
                .contains(n + " of " + n + " hosts succeeded: " + n + " changed, 0 unchanged");

        // -v: on failure the output says which facts made an operation change again.
        CliRun second = CliRun.run(cwd, inventory, "deploy.java", "--yes", "--data", "app_port=8080", "-v");
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCode.OK);
        assertThat(second.out())
                .as(second.toString())
                .contains(n + " of " + n + " hosts succeeded: 0 changed, " + n + " unchanged");

        // The real OpenSSH client, not jinfra, looks at the result on the first and the last host.
        for (var host : List.of(fleet.hosts().getFirst(), fleet.hosts().getLast())) {
            ProcessRun check = ProcessRun.ssh(
                    fleet,
                    host,
                    String.join(
                            "; echo '--'; ",
                            "id " + USER + " && stat -c '%U %G' /home/" + USER,
                            "crontab -l -u " + USER,
                            "stat -c '%a %U %G' /home/" + USER + "/.ssh /home/" + USER + "/.ssh/authorized_keys"
                                    + " && cat /home/" + USER + "/.ssh/authorized_keys",
                            "stat -c '%a %U %G %n' " + LIB + "/site " + LIB + "/site/pages " + LIB
                                    + "/site/pages/about.html",
                            "hostname && cat /etc/hostname",
                            "stat -c '%a %U %G' " + ETC + " " + ETC + "/app.conf " + ETC + "/extra.conf " + LIB
                                    + "/downloaded.txt",
                            "cat " + ETC + "/app.conf " + ETC + "/extra.conf " + ETC + "/listen.conf " + LIB
                                    + "/downloaded.txt",
                            "readlink " + ETC + "/current && cat " + LIB + "/script-args && echo",
                            "dpkg-query -W -f '${Status} ${Version}\\n' " + PACKAGE
                                    + " && cat /usr/share/jinfra-e2e/hello.txt",
                            "git -C " + LIB + "/app rev-parse HEAD && git -C " + LIB + "/app config jinfra.host",
                            "/etc/init.d/" + SERVICE + " status && echo running && ls /etc/rc2.d | grep " + SERVICE,
                            venv ? LIB + "/venv/bin/python -c 'import sys; print(sys.prefix)'" : "echo no venv"));
            assertThat(check.exitCode()).as(check.toString()).isZero();
            assertThat(check.out())
                    .as(check.toString())
                    .contains("(" + USER + ")", "(" + GROUP + ")", "(" + EXTRA_GROUP + ")", USER + " " + GROUP + "\n")
                    .contains("0 3 * * * /bin/true jinfra-e2e\n")
                    .contains("700 " + USER + " " + GROUP + "\n600 " + USER + " " + GROUP + "\n" + KEY + "\n--")
                    .contains("750 " + USER + " " + GROUP + " " + LIB + "/site\n750 " + USER + " " + GROUP + " " + LIB
                            + "/site/pages\n750 " + USER + " " + GROUP + " " + LIB + "/site/pages/about.html\n")
                    .contains("e2e-" + host.name() + "\ne2e-" + host.name() + "\n")
                    .contains("750 root " + GROUP + "\n640 root " + GROUP + "\n640 root " + GROUP + "\n600 root root\n")
                    .contains("# " + host.name() + "\nname = " + host.name() + "\nport = 8080\n")
                    .contains("host = " + host.name() + "\nmode = production\n", "[users]\n" + USER + "\n")
                    .contains("greeting = hello\nlisten = 0.0.0.0\n" + source)
                    .contains(LIB + "/app\none arg|it's|\n")
                    .contains("install ok installed 1.0\nhello from a local apt repository\n")
                    .contains(commit + "\n" + host.name() + "\n")
                    .contains("running\nS01" + SERVICE + "\n")
                    .contains(venv ? LIB + "/venv\n" : "no venv\n");
        }

        // Stopping the service is the third run's only change; the daemon is gone afterwards.
        Files.writeString(cwd.resolve("stop.java"), """
                void deploy(Host host) {
                    sysvinit.service(new dev.jinfra.ops.service.SysvService("%s", false, false, false, null));
                }
                """.formatted(SERVICE));
        CliRun stop = CliRun.run(cwd, inventory, "stop.java", "--yes");
        assertThat(stop.out())
                .as(stop.toString())
                .contains(n + " of " + n + " hosts succeeded: " + n + " changed, 0 unchanged");
        for (var host : fleet.hosts()) {
            ProcessRun status = ProcessRun.ssh(fleet, host, "/etc/init.d/" + SERVICE + " status");
            assertThat(status.exitCode()).as("%s: %s", host.name(), status).isNotZero();
        }

        machineIsUntouched();
        assertThat(ProcessRun.of(List.of("hostname"), null).out().strip())
                .as("this machine's hostname")
                .isEqualTo(machineHostname);
        assertThat(aptSources())
                .as("this machine's apt sources, moved aside on the hosts only")
                .isEqualTo(machineAptSources);
    }

    private static void machineIsUntouched() throws Exception {
        for (String path : TRACES) {
            assertThat(Path.of(path)).as("%s on this machine", path).doesNotExist();
        }
        assertThat(ProcessRun.of(List.of("getent", "passwd", USER), null).exitCode())
                .as("user %s on this machine", USER)
                .isEqualTo(2);
        assertThat(ProcessRun.of(List.of("getent", "group", GROUP), null).exitCode())
                .as("group %s on this machine", GROUP)
                .isEqualTo(2);
        assertThat(ProcessRun.of(List.of("dpkg-query", "-W", PACKAGE), null).exitCode())
                .as("package %s on this machine", PACKAGE)
                .isNotZero();
    }

    private static List<String> aptSources() throws Exception {
        try (var files = Files.list(Path.of("/etc/apt/sources.list.d"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** An LSB init script whose daemon is a sleep; its pidfile is under /var, which each host has of its own (/run is shared). */
    private static String initScript() {
        return """
                #!/bin/sh
                ### BEGIN INIT INFO
                # Provides:          %1$s
                # Required-Start:
                # Required-Stop:
                # Default-Start:     2 3 4 5
                # Default-Stop:      0 1 6
                # Short-Description: jinfra end-to-end test daemon
                ### END INIT INFO
                PIDFILE=%2$s/pid
                running() { [ -s "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }
                case "$1" in
                  start) running && exit 0
                         (trap '' HUP; exec %3$s) </dev/null >/dev/null 2>&1 &
                         echo $! > "$PIDFILE" ;;
                  stop) if running; then kill "$(cat "$PIDFILE")"; fi; rm -f "$PIDFILE" ;;
                  status) running ;;
                  restart) "$0" stop && "$0" start ;;
                  *) echo "usage: $0 start|stop|status|restart" >&2; exit 2 ;;
                esac
                """.formatted(SERVICE, LIB, DAEMON);
    }

    /** A bare repository with one commit, in this machine's temporary directory (which the hosts see): its commit. */
    private static String bareGitRepository() throws Exception {
        Path src = Files.createDirectories(work.resolve("app-src"));
        Files.writeString(src.resolve("README"), "the app\n");
        String git = "git -c user.name=e2e -c user.email=e2e@example.invalid -c init.defaultBranch=main";
        ProcessRun made = ProcessRun.of(
                List.of(
                        "sh",
                        "-c",
                        git + " init -q . && " + git + " add README && " + git
                                + " commit -q -m app && git clone -q --bare . ../app.git && git rev-parse HEAD"),
                src);
        assertThat(made.exitCode()).as(made.toString()).isZero();
        return made.out().strip();
    }

    /** A flat apt repository: one package of one file, and its Packages index. */
    private static void buildAptRepository(Path repo) throws Exception {
        Path pkg = work.resolve("pkg");
        Files.createDirectories(pkg.resolve("DEBIAN"));
        Files.createDirectories(pkg.resolve("usr/share/jinfra-e2e"));
        Files.writeString(pkg.resolve("DEBIAN/control"), """
                Package: %s
                Version: 1.0
                Architecture: all
                Maintainer: jinfra tests <e2e@example.invalid>
                Description: jinfra end-to-end test package
                """.formatted(PACKAGE));
        Files.writeString(pkg.resolve("usr/share/jinfra-e2e/hello.txt"), "hello from a local apt repository\n");
        Files.createDirectories(repo);
        ProcessRun build = ProcessRun.of(
                List.of(
                        "dpkg-deb",
                        "--root-owner-group",
                        "--build",
                        pkg.toString(),
                        repo.resolve(PACKAGE + "_1.0_all.deb").toString()),
                null);
        assertThat(build.exitCode()).as(build.toString()).isZero();
        ProcessRun scan =
                ProcessRun.of(List.of("sh", "-c", "dpkg-scanpackages -m . /dev/null 2>/dev/null > Packages"), repo);
        assertThat(scan.exitCode()).as(scan.toString()).isZero();
        assertThat(repo.resolve("Packages")).content().contains("Package: " + PACKAGE);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
