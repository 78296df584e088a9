package dev.jinfra.ops.server;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Payload;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import dev.jinfra.ops.files.LocalFiles;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code server.script}: a local script uploaded, run with arguments and removed again, on every run (like
 * {@code server.shell}, it cannot know whether it is needed).
 */
@Doc(
        name = "server.script",
        value =
                "Uploads a local script, runs it with the given arguments and removes it, on every run: it cannot know whether it is needed.",
        example = "server.script(\"scripts/setup.sh\", \"--quick\").sudo();")
public record Script(
        @Arg(
                value =
                        "local script to run (relative to the working directory); its first line picks the interpreter, e.g. #!/bin/sh",
                required = true)
        String src,

        @Arg("arguments, each passed to the script as one word")
        List<String> args)
        implements Operation {

    private static final SecureRandom RANDOM = new SecureRandom();

    // The upload's path is $0 and the arguments are $1..: the script is removed whether it succeeds or not, and
    // its exit status is the command's.
    private static final String RUN = "chmod 700 -- \"$0\" && \"$0\" \"$@\"; rc=$?; rm -f -- \"$0\"; exit $rc";

    public Script {
        if (src == null || src.isBlank()) {
            throw new IllegalArgumentException("server.script needs src");
        }
        args = args == null ? List.of() : List.copyOf(args);
    }

    @Override
    public String describe() {
        return "Script: " + src + (args.isEmpty() ? "" : " " + String.join(" ", args));
    }

    @Override
    public Plan plan(FactSource facts) {
        return uploadAndRun(LocalFiles.read("server.script", src).payload(), args);
    }

    /** The script uploaded to a random name, run there with {@code args} and removed; also for server.scriptTemplate. */
    static Plan uploadAndRun(Payload script, List<String> args) {
        // Random, so that two runs (or two hosts sharing /tmp) never run or remove each other's script.
        String remote = "/tmp/.jinfra-script-" + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
        List<String> words = new ArrayList<>(List.of("sh", "-c", RUN, remote));
        words.addAll(args);
        return Plan.upload(List.of(new Plan.Upload(script, remote)), List.of(Command.of(words)));
    }

    @Override
    public void checkLocalInputs() {
        LocalFiles.check("server.script", src);
    }
}
