package dev.jinfra.engine.deploy;

import static dev.jinfra.deploy.Operations.files;
import static dev.jinfra.deploy.Operations.server;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.deploy.Deploy;
import dev.jinfra.deploy.Settings;
import dev.jinfra.inventory.Host;
import dev.jinfra.testing.FleetHosts;
import dev.jinfra.testing.SshConnectorExtension;
import dev.jinfra.testkit.SshFleetExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pipelined hosts: consecutive operations go to the host as one script, each keeping its own outcome and output,
 * and a failure stops the host's script where it would have stopped the host.
 */
class PipelineDeployTest {
    @RegisterExtension
    static SshFleetExtension fleetExtension = SshFleetExtension.hosts(2);

    @RegisterExtension
    static SshConnectorExtension sshExtension = new SshConnectorExtension();

    @TempDir
    Path dir;

    DeployResult run(Deploy deploy, DeployRunner.Options options) {
        List<Host> hosts = FleetHosts.all(fleetExtension.fleet(), Map.of());
        return new DeployRunner(h -> sshExtension.connector())
                .run(hosts, List.of(deploy), options, new DeployListener() {});
    }

    static DeployRunner.Options free() {
        return DeployRunner.Options.builder()
                .strategy(DeployRunner.Strategy.FREE)
                .build();
    }

    static DeployRunner.Options linear() {
        return DeployRunner.Options.builder().build();
    }

    /** The bench's shape: directories, then files put, made and edited in them, then links. */
    static Deploy tree(Path root, Path src) {
        return host -> {
            String base = root.resolve(host.name()).toString();
            files.directory(base, "755");
            files.directory(base + "/etc", "755");
            files.directory(base + "/log", "700");
            files.directory(base + "/releases/1", "755");
            files.put(src.toString(), base + "/etc/app.conf", "644");
            files.put(src.toString(), base + "/releases/1/app.conf", "640");
            files.file(base + "/etc/settings.conf", "644");
            files.file(base + "/log/app.log", "640");
            files.line(base + "/etc/settings.conf", "listen=0.0.0.0:8080");
            files.line(base + "/etc/settings.conf", "workers=4").replace("^workers=");
            files.block(base + "/etc/settings.conf", "[cache]\nsize=64m");
            files.link(base + "/current", base + "/releases/1");
            files.link(base + "/log/latest", base + "/log/app.log");
        };
    }

    static List<String> listing(Path top) throws Exception {
        try (Stream<Path> all = Files.walk(top)) {
            return all.sorted()
                    .map(p -> {
                        try {
                            String what = Files.isSymbolicLink(p)
                                    ? "-> " + top.relativize(Files.readSymbolicLink(p))
                                    : Files.isDirectory(p) ? "dir" : Files.readString(p);
                            String mode = Files.isSymbolicLink(p)
                                    ? ""
                                    : java.nio.file.attribute.PosixFilePermissions.toString(
                                            Files.getPosixFilePermissions(p));
                            return top.relativize(p) + " " + mode + " " + what;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
        }
    }

    @Test
    void aFirstRunPipelinedMakesWhatTheLinearRunMakesInFewerRoundTrips() throws Exception {
        Path src = Files.writeString(dir.resolve("app.conf"), "workers=4\n");
        DeployResult free = run(tree(dir.resolve("free"), src), free());
        DeployResult linear = run(tree(dir.resolve("linear"), src), linear());
        assertThat(free.hostStates().values()).as(free.hostErrors().toString()).containsOnly(DeployHostState.CHANGED);
        assertThat(linear.hostStates().values())
                .as(linear.hostErrors().toString())
                .containsOnly(DeployHostState.CHANGED);
        assertThat(free.outcomes()).extracting(OperationOutcome::status).containsOnly(OperationStatus.CHANGED);
        for (String h : fleetExtension.fleet().hostNames()) {
            assertThat(listing(dir.resolve("free").resolve(h)))
                    .isEqualTo(listing(dir.resolve("linear").resolve(h)));
            // The read, the lock with the read under it, then one script with every change and the lock given
            // back: a directory made where nothing was leaves what was known beneath it, and the lines and the
            // block follow what the edits before them did to settings.conf.
            assertThat(free.roundTrips().get(h)).as(h).isEqualTo(1 + 1 + 1);
            assertThat(linear.roundTrips().get(h)).isGreaterThan(13);
        }
        DeployResult again = run(tree(dir.resolve("free"), src), free());
        assertThat(again.outcomes()).extracting(OperationOutcome::status).containsOnly(OperationStatus.UNCHANGED);
        assertThat(again.roundTrips().values()).containsOnly(1);
    }

    @Test
    void aPackageCheckAfterFileChangesPlansFromWhatWasReadBeforeThem() throws Exception {
        Path src = Files.writeString(dir.resolve("app.conf"), "workers=4\n");
        Deploy tree = tree(dir.resolve("tree"), src);
        DeployResult r = run(
                host -> {
                    tree.deploy(host);
                    dev.jinfra.deploy.Operations.apt.packages("coreutils");
                },
                free());
        assertThat(r.hostStates().values()).as(r.hostErrors().toString()).containsOnly(DeployHostState.CHANGED);
        assertThat(r.outcomes().getLast().status()).isEqualTo(OperationStatus.UNCHANGED);
        for (String h : fleetExtension.fleet().hostNames()) {
            // dpkg's list is confined to its database: the file changes before it leave it known, so the one
            // script also gives the lock back, as without the package check.
            assertThat(r.roundTrips().get(h)).as(h).isEqualTo(1 + 1 + 1);
        }
    }

    @Test
    void eachOperationInAScriptKeepsItsOwnOutputAndAFailureStopsTheHostThere() throws Exception {
        DeployResult r = run(
                host -> {
                    String home = dir.resolve(host.name()).toString();
                    server.shell("mkdir -p " + home, "echo made; echo note >&2").name("first");
                    server.shell("echo second; echo oops >&2; exit 3").name("second");
                    server.shell("touch " + home + "/third").name("third");
                },
                free());
        for (String h : fleetExtension.fleet().hostNames()) {
            List<OperationOutcome> mine =
                    r.outcomes().stream().filter(o -> o.host().name().equals(h)).toList();
            assertThat(mine)
                    .extracting(OperationOutcome::status)
                    .containsExactly(OperationStatus.CHANGED, OperationStatus.FAILED, OperationStatus.SKIPPED);
            assertThat(mine.get(0).stdout()).isEqualTo("made\n");
            assertThat(mine.get(0).stderr()).isEqualTo("note\n");
            assertThat(mine.get(1).stdout()).isEqualTo("second\n");
            assertThat(mine.get(1).stderr()).isEqualTo("oops\n");
            assertThat(mine.get(1).exitCode()).isEqualTo(3);
            assertThat(mine.get(1).reason()).isEqualTo("exit 3: echo second; echo oops >&2; exit 3");
            assertThat(r.hostStates().get(h)).isEqualTo(DeployHostState.FAILED);
            assertThat(dir.resolve(h).resolve("third")).doesNotExist();
            // No facts to read: the lock, one script, and the lock given back on its own, since the script ended
            // before its tail.
            assertThat(r.roundTrips().get(h)).isEqualTo(3);
        }
    }

    @Test
    void eachOperationOfAScriptIsToldAsTheHostEndsItNotWhenTheScriptEnds() throws Exception {
        Map<dev.jinfra.deploy.OperationId, String> names = new java.util.concurrent.ConcurrentHashMap<>();
        List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        DeployListener listener = new DeployListener() {
            @Override
            public void planned(List<PlannedOperation> operations) {
                operations.forEach(op -> names.put(op.id(), op.name()));
            }

            @Override
            public void hostProgressed(Host host, dev.jinfra.deploy.OperationId id, boolean failed) {
                String name = names.get(id);
                told.add(host.name() + " " + name + (failed ? " failed" : ""));
                if (name.equals("first")) {
                    // The second operation waits for this file: it can only appear while the script runs.
                    try {
                        Files.createFile(dir.resolve(host.name()).resolve("go"));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
        };
        List<Host> hosts = FleetHosts.all(fleetExtension.fleet(), Map.of());
        DeployResult r = new DeployRunner(h -> sshExtension.connector())
                .run(
                        hosts,
                        List.of(host -> {
                            String home = dir.resolve(host.name()).toString();
                            server.shell("mkdir -p " + home).name("first");
                            server.shell("for i in $(seq 200); do [ -e " + home + "/go ] && exit 0; sleep 0.05; done;"
                                            + " exit 9")
                                    .name("second");
                            server.shell("exit 5").name("third");
                        }),
                        free(),
                        listener);
        for (String h : fleetExtension.fleet().hostNames()) {
            List<OperationOutcome> mine =
                    r.outcomes().stream().filter(o -> o.host().name().equals(h)).toList();
            assertThat(mine)
                    .extracting(OperationOutcome::status)
                    .containsExactly(OperationStatus.CHANGED, OperationStatus.CHANGED, OperationStatus.FAILED);
            assertThat(told.stream().filter(t -> t.startsWith(h + " ")).distinct())
                    .containsExactly(h + " first", h + " second", h + " third failed");
            // All three in one script: the lock, the script, and the lock given back on its own.
            assertThat(r.roundTrips().get(h)).isEqualTo(3);
        }
    }

    @Test
    void afterAFailureThatIsIgnoredTheHostGoesOnFromWhatTheHostTellsThen() throws Exception {
        DeployResult r = run(
                host -> {
                    String home = dir.resolve(host.name()).toString();
                    files.directory(home);
                    server.shell("exit 4").ignoreErrors();
                    files.file(home + "/after");
                },
                free());
        assertThat(r.outcomes())
                .extracting(OperationOutcome::status)
                .containsExactly(
                        OperationStatus.CHANGED,
                        OperationStatus.CHANGED,
                        OperationStatus.FAILED,
                        OperationStatus.FAILED,
                        OperationStatus.CHANGED,
                        OperationStatus.CHANGED);
        for (String h : fleetExtension.fleet().hostNames()) {
            assertThat(dir.resolve(h).resolve("after")).exists();
        }
    }

    @Test
    void aCommandThatRunsTooLongStopsTheScriptAtItsOperation() throws Exception {
        DeployResult r = run(
                host -> {
                    String home = dir.resolve(host.name()).toString();
                    server.shell("mkdir -p " + home);
                    server.shell("sleep 20").name("slow");
                    server.shell("touch " + home + "/late");
                },
                DeployRunner.Options.builder()
                        .strategy(DeployRunner.Strategy.FREE)
                        .commandLine(Settings.NONE.timeout(Duration.ofSeconds(2)))
                        .build());
        for (String h : fleetExtension.fleet().hostNames()) {
            List<OperationOutcome> mine =
                    r.outcomes().stream().filter(o -> o.host().name().equals(h)).toList();
            assertThat(mine)
                    .extracting(OperationOutcome::status)
                    .containsExactly(OperationStatus.CHANGED, OperationStatus.FAILED, OperationStatus.SKIPPED);
            assertThat(mine.get(1).reason()).isEqualTo("timed out: sleep 20");
            assertThat(dir.resolve(h).resolve("late")).doesNotExist();
        }
    }

    @Test
    void theEnvironmentIsReadOnceByTheScriptAheadOfItsUploads() throws Exception {
        Path src = Files.writeString(dir.resolve("app.conf"), "workers=4\n");
        DeployResult r = run(
                host -> {
                    String home = dir.resolve(host.name()).toString();
                    files.directory(home);
                    files.put(src.toString(), home + "/app.conf");
                    server.shell("printf %s \"$DB_PASSWORD\" > " + home + "/token");
                },
                DeployRunner.Options.builder()
                        .strategy(DeployRunner.Strategy.FREE)
                        .commandLine(Settings.NONE.env("DB_PASSWORD", "s3cret\nline two"))
                        .build());
        assertThat(r.hostStates().values()).as(r.hostErrors().toString()).containsOnly(DeployHostState.CHANGED);
        for (String h : fleetExtension.fleet().hostNames()) {
            assertThat(Files.readString(dir.resolve(h).resolve("app.conf"))).isEqualTo("workers=4\n");
            assertThat(Files.readString(dir.resolve(h).resolve("token"))).isEqualTo("s3cret\nline two");
            // The read, the lock with the read under it, one script with the lock given back.
            assertThat(r.roundTrips().get(h)).isEqualTo(3);
        }
        assertThat(r.outcomes().toString()).doesNotContain("s3cret");
    }

    @Test
    void linearRunsPipelineOnlyWhenAskedTo() throws Exception {
        Path src = Files.writeString(dir.resolve("app.conf"), "x\n");
        DeployResult asked = run(
                tree(dir.resolve("asked"), src),
                DeployRunner.Options.builder().pipeline(true).build());
        for (String h : fleetExtension.fleet().hostNames()) {
            assertThat(asked.roundTrips().get(h)).isEqualTo(1 + 1 + 1);
        }
        DeployResult off = run(
                tree(dir.resolve("off"), src),
                DeployRunner.Options.builder()
                        .strategy(DeployRunner.Strategy.FREE)
                        .pipeline(false)
                        .build());
        for (String h : fleetExtension.fleet().hostNames()) {
            assertThat(off.roundTrips().get(h)).isGreaterThan(13);
            assertThat(listing(dir.resolve("off").resolve(h)))
                    .isEqualTo(listing(dir.resolve("asked").resolve(h)));
        }
    }
}
