package dev.jinfra.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinfra.api.Payload;
import dev.jinfra.command.Command;
import dev.jinfra.connect.CommandRequest;
import dev.jinfra.connect.CommandResult;
import dev.jinfra.connect.Connection;
import dev.jinfra.connect.LocalConnector;
import dev.jinfra.connect.OutputListener;
import dev.jinfra.connect.PipedUpload;
import dev.jinfra.inventory.Host;
import dev.jinfra.testing.NotingPrograms;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scripts of several operations run by a real shell: each command's status and output, uploads on one input. */
class HostScriptTest {
    @TempDir
    Path dir;

    final Connection local =
            new LocalConnector().connect(new Host(Host.LOCAL, java.util.List.of(), java.util.Map.of()));

    CommandResult run(HostScript script) {
        return local.run(
                new CommandRequest(
                        "exec " + Command.of("sh", "-c", script.script()).render(),
                        null,
                        Duration.ofSeconds(30),
                        script.uploads()),
                OutputListener.NONE);
    }

    String install(Path tmp, Path dest, int size) {
        return PipedUpload.prefix(tmp.toString(), size)
                + Command.of("mv", "--", tmp.toString(), dest.toString()).render();
    }

    @Test
    void uploadsInSubshellsOfTheirOwnAskWhichHeadThereIsOnce() throws Exception {
        Path asked = dir.resolve("started");
        Path bin = NotingPrograms.create(dir.resolve("noting-bin"), asked, java.util.List.of("head"));
        HostScript script = new HostScript();
        for (int i = 0; i < 3; i++) {
            byte[] content = ("upload " + i + "\n").getBytes(StandardCharsets.UTF_8);
            script.add(i, install(dir.resolve("t" + i), dir.resolve("d" + i), content.length), Payload.of(content));
        }
        CommandResult r = local.run(
                new CommandRequest(
                        "PATH=" + bin + ":/usr/bin:/bin exec "
                                + Command.of("sh", "-c", script.script()).render(),
                        null,
                        Duration.ofSeconds(30),
                        script.uploads()),
                OutputListener.NONE);
        assertThat(script.parse(r).ran()).extracting(HostScript.Ran::exitCode).containsExactly(0, 0, 0);
        assertThat(Files.readString(dir.resolve("d2"))).isEqualTo("upload 2\n");
        assertThat(NotingPrograms.started(asked))
                .filteredOn("head --version"::equals)
                .hasSize(1);
    }

    @Test
    void uploadsAndCommandsShareOneInputAndEachCommandKeepsItsOutput() throws Exception {
        byte[] one = "first\n".getBytes(StandardCharsets.UTF_8);
        byte[] two = "second, longer\n".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        HostScript script = new HostScript();
        script.add(0, install(dir.resolve("t1"), dir.resolve("one"), one.length), Payload.of(one));
        script.add(1, "echo out; echo err >&2; printf 'no newline'", null);
        script.add(1, "cat; echo read-nothing", null);
        script.add(2, install(dir.resolve("t2"), dir.resolve("two"), two.length), Payload.of(two));
        script.then("echo tail\n");
        CommandResult r = run(script);
        HostScript.Result result = script.parse(r);
        assertThat(result.ran()).extracting(HostScript.Ran::exitCode).containsExactly(0, 0, 0, 0);
        assertThat(result.ran()).extracting(HostScript.Ran::step).containsExactly(0, 1, 1, 2);
        assertThat(result.ran().get(1).stdout()).isEqualTo("out\nno newline");
        assertThat(result.ran().get(1).stderr()).isEqualTo("err\n");
        // Commands without an upload read nothing: the next upload's content is not theirs.
        assertThat(result.ran().get(2).stdout()).isEqualTo("read-nothing\n");
        assertThat(result.tailOut()).isEqualTo("tail\n");
        assertThat(Files.readAllBytes(dir.resolve("one"))).isEqualTo(one);
        assertThat(Files.readAllBytes(dir.resolve("two"))).isEqualTo(two);
    }

    @Test
    void aFailedCommandEndsTheScriptWithItsStatusAndTheRestOfTheInputIsTaken() {
        byte[] big = new byte[4 << 20];
        HostScript script = new HostScript();
        script.add(0, "echo before; exit 5", null);
        script.add(1, install(dir.resolve("t"), dir.resolve("never"), big.length), Payload.of(big));
        script.then("echo tail\n");
        CommandResult r = run(script);
        // Exited with the command's status; writing the upload nobody installs did not fail the exchange.
        assertThat(r.outcome()).isEqualTo(CommandResult.Outcome.EXITED);
        assertThat(r.exitCode()).isEqualTo(5);
        HostScript.Result result = script.parse(r);
        assertThat(result.ran()).hasSize(1);
        assertThat(result.ran().getFirst().stdout()).isEqualTo("before\n");
        assertThat(result.tailOut()).isNull();
        assertThat(dir.resolve("never")).doesNotExist();
        assertThat(dir.resolve("t")).doesNotExist();
    }

    @Test
    void aCommandThatDoesNotEndLeavesWhatItPrintedForItsOperation() {
        HostScript script = new HostScript();
        script.add(0, "echo done", null);
        script.add(1, "echo partial; sleep 30", null);
        CommandResult r = local.run(
                new CommandRequest(
                        "exec " + Command.of("sh", "-c", script.script()).render(),
                        null,
                        Duration.ofSeconds(2),
                        script.uploads()),
                OutputListener.NONE);
        assertThat(r.outcome()).isEqualTo(CommandResult.Outcome.TIMED_OUT);
        HostScript.Result result = script.parse(r);
        assertThat(result.ran().getFirst().stdout()).isEqualTo("done\n");
        // Stopping the command may let the script print its marker with the killed command's status, or not.
        String second = result.ran().size() > 1 ? result.ran().get(1).stdout() : result.restOut();
        assertThat(second).isEqualTo("partial\n");
        assertThat(result.tailOut()).isNull();
    }
}
