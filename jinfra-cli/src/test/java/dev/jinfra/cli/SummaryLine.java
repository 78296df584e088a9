package dev.jinfra.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The counts in the summary line a run without {@code --json} ends with: {@code 311 of 400 hosts succeeded: 311
 * changed, 0 unchanged; 49 failed; 40 unreachable in 41.2s} (a deploy) or {@code 311 of 400 hosts succeeded; 2
 * failed; 20 timed out; 67 unreachable in 7.3s} (exec). Keys: {@code hosts}, {@code succeeded}, and each state
 * named in the line as written ({@code changed}, {@code timed out}, {@code not started}, ...).
 */
final class SummaryLine {
    private static final Pattern HEAD =
            Pattern.compile("^(\\d+) of (\\d+) hosts? succeeded(?:: (\\d+) changed, (\\d+) unchanged)?(.*)$");
    private static final Pattern PART = Pattern.compile("; (\\d+) ([a-z ]+?)(?= \\(|;| in |$)");

    private SummaryLine() {}

    /**
     * The summary line of {@code out} counts {@code hosts} hosts, and as many in each state as {@code
     * .jinfra/failed-hosts} lists under that state; the hosts it does not list are the ones that succeeded.
     */
    static void assertAgreement(String out, FailedHostsFile retryFile, int hosts, String as) {
        Map<String, Integer> counts = counts(out);
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("succeeded", hosts - retryFile.size());
        expected.put("hosts", hosts);
        if (counts.containsKey("changed")) {
            expected.put("changed", counts.get("changed"));
            expected.put("unchanged", hosts - retryFile.size() - counts.get("changed"));
        }
        retryFile.byState().forEach((state, names) -> expected.put(state, names.size()));
        org.assertj.core.api.Assertions.assertThat(counts)
                .as("the summary line counts the hosts .jinfra/failed-hosts lists: " + as + "\n" + out)
                .isEqualTo(expected);
    }

    /** The counts a summary line names: states with no hosts are left out of it, the others always there. */
    static Map<String, Integer> named(Map<String, Integer> counts) {
        Map<String, Integer> named = new LinkedHashMap<>(counts);
        named.entrySet()
                .removeIf(e -> e.getValue() == 0
                        && !java.util.List.of("hosts", "succeeded", "changed", "unchanged")
                                .contains(e.getKey()));
        return named;
    }

    /** The counts of the last summary line in {@code out}; zero for states the line does not name. */
    static Map<String, Integer> counts(String out) {
        String line = out.lines()
                .filter(l -> HEAD.matcher(l).matches())
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no summary line in:\n" + out));
        Matcher m = HEAD.matcher(line);
        if (!m.matches()) {
            throw new AssertionError(line);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("succeeded", Integer.parseInt(m.group(1)));
        counts.put("hosts", Integer.parseInt(m.group(2)));
        if (m.group(3) != null) {
            counts.put("changed", Integer.parseInt(m.group(3)));
            counts.put("unchanged", Integer.parseInt(m.group(4)));
        }
        Matcher part = PART.matcher(m.group(5));
        while (part.find()) {
            counts.put(part.group(2), Integer.parseInt(part.group(1)));
        }
        return counts;
    }
}
