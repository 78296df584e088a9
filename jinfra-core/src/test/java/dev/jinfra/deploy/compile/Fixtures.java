package dev.jinfra.deploy.compile;

import dev.jinfra.inventory.Host;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Deploy files under src/test/resources/deploy, named relative to the module as a user would name them. */
final class Fixtures {
    private Fixtures() {}

    static Path file(String relative) {
        return Path.of("src/test/resources/deploy", relative);
    }

    static List<Path> files(String... relative) {
        return java.util.Arrays.stream(relative).map(Fixtures::file).toList();
    }

    /** A host whose data carries a log the fixture deploys append to. */
    static Host host(String name, List<String> log, String... groups) {
        return new Host(name, List.of(groups), Map.of("log", log));
    }

    /** Runs a deploy for one host and returns what it logged. */
    static List<String> run(LoadedDeploy deploy, String hostName, String... groups) {
        List<String> log = new ArrayList<>();
        deploy.deploy().deploy(host(hostName, log, groups));
        return log;
    }
}
