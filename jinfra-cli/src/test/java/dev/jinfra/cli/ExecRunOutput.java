package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one {@code exec --json} run said: each host's one {@code host} event, the {@code summary}, the exit code
 * and the {@code .jinfra/failed-hosts} it left. {@link #assertAgreement} checks that these say the same.
 */
final class ExecRunOutput {
    /** The JSON states and the headings {@code .jinfra/failed-hosts} lists them under. */
    static final Map<String, String> RETRY_HEADINGS = Map.of(
            "failed", "failed", "timed_out", "timed out", "unreachable", "unreachable", "not_started", "not started");

    private static final ObjectMapper JSON = new ObjectMapper();

    final int exitCode;
    final Map<String, JsonNode> hosts = new LinkedHashMap<>();
    final JsonNode summary;
    final FailedHostsFile retryFile;
    private final String raw;
    private final Map<String, Integer> eventsPerHost = new HashMap<>();

    ExecRunOutput(int exitCode, String out, String err, Path cwd) throws IOException {
        this.exitCode = exitCode;
        this.raw = "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        JsonNode last = null;
        for (String line : out.lines().toList()) {
            JsonNode e = JSON.readTree(line);
            last = e;
            if (e.get("type").asText().equals("host")) {
                String host = e.get("host").asText();
                hosts.put(host, e);
                eventsPerHost.merge(host, 1, Integer::sum);
            }
        }
        assertThat(last).as("the output ends with the summary\n" + raw).isNotNull();
        assertThat(last.get("type").asText())
                .as("the last line is the summary\n" + raw)
                .isEqualTo("summary");
        this.summary = last;
        this.retryFile = FailedHostsFile.read(cwd);
    }

    static ExecRunOutput of(CliRun run, Path cwd) throws IOException {
        return new ExecRunOutput(run.exitCode(), run.out(), run.err(), cwd);
    }

    String state(String host) {
        return hosts.get(host).get("state").asText();
    }

    String error(String host) {
        return hosts.get(host).get("error").asText();
    }

    Set<String> hostsIn(String state) {
        Set<String> in = new TreeSet<>();
        hosts.forEach((h, e) -> {
            if (e.get("state").asText().equals(state)) {
                in.add(h);
            }
        });
        return in;
    }

    /**
     * Every targeted host has exactly one {@code host} event; the summary counts those events; its exit code is
     * the process's and follows from the counts; {@code .jinfra/failed-hosts} lists exactly the hosts that did
     * not succeed, each under its state.
     */
    void assertAgreement(List<String> targeted, String context) {
        String as = context + "\n" + raw;
        assertThat(hosts.keySet())
                .as("one host event for each targeted host: " + as)
                .containsExactlyInAnyOrderElementsOf(targeted);
        assertThat(eventsPerHost.values()).as("no host reported twice: " + as).allMatch(n -> n == 1);
        assertThat(summary.get("hosts").asInt()).as(as).isEqualTo(targeted.size());
        int counted = 0;
        for (String state : List.of("succeeded", "failed", "timed_out", "unreachable", "not_started")) {
            assertThat(summary.get(state).asInt())
                    .as("summary count of " + state + ": " + as)
                    .isEqualTo(hostsIn(state).size());
            counted += hostsIn(state).size();
        }
        assertThat(counted).as("every host in one of the states: " + as).isEqualTo(targeted.size());
        assertThat(summary.get("exit_code").asInt())
                .as("the summary's exit code: " + as)
                .isEqualTo(exitCode);
        assertThat(exitCode).as("the exit code the states call for: " + as).isEqualTo(expectedExitCode());
        RETRY_HEADINGS.forEach((state, heading) -> assertThat(retryFile.hosts(heading))
                .as(".jinfra/failed-hosts under '" + heading + "': " + as)
                .isEqualTo(hostsIn(state)));
        assertThat(retryFile.byState().keySet())
                .as("no other headings in .jinfra/failed-hosts: " + as)
                .isSubsetOf(RETRY_HEADINGS.values());
        assertThat(retryFile.size())
                .as("no host listed twice: " + as)
                .isEqualTo(retryFile.allHosts().size());
    }

    /** Interrupted first, then failed or timed out, then unreachable, then hosts not started. */
    private int expectedExitCode() {
        if (summary.get("interrupted").asBoolean()) {
            return ExitCode.INTERRUPTED;
        }
        if (!hostsIn("failed").isEmpty() || !hostsIn("timed_out").isEmpty()) {
            return ExitCode.HOSTS_FAILED;
        }
        if (!hostsIn("unreachable").isEmpty()) {
            return ExitCode.HOSTS_UNREACHABLE;
        }
        return hostsIn("not_started").isEmpty() ? ExitCode.OK : ExitCode.HOSTS_FAILED;
    }

    @Override
    public String toString() {
        return raw;
    }
}
