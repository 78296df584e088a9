package dev.jinfra.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds host names into ranges for {@link HostPattern#fold}.
 *
 * <p>Every digit run of every name is a possible range field. Names sharing the text before and after the
 * field, and the same padding, form a candidate group. The largest candidates are taken first (greedily),
 * which suits fleets numbered in one place; names no group wants stay as they are.
 */
final class NameFolder {

    /** Digit runs longer than this are not treated as numbers (they would not fit a long). */
    private static final int MAX_DIGITS = 18;

    private NameFolder() {}

    /**
     * Which names may share a range: same text around the field and same padding. {@code width} is the
     * padded width, or 0 for unpadded numbers; {@code fieldStart} only breaks ties.
     */
    private record Key(String prefix, String suffix, int width, int fieldStart) {}

    private record Member(String name, long value) {}

    private record Entry(String first, String text) {}

    static String fold(Collection<String> names) {
        List<String> sorted =
                names.stream().distinct().sorted(NaturalOrder.INSTANCE).toList();
        Map<Key, List<Member>> candidates = new LinkedHashMap<>();
        for (String name : sorted) {
            addCandidates(name, candidates);
        }
        List<Map.Entry<Key, List<Member>>> bySize = new ArrayList<>(candidates.entrySet());
        bySize.sort(Comparator.<Map.Entry<Key, List<Member>>>comparingInt(
                        e -> -e.getValue().size())
                .thenComparing(e -> e.getValue().getFirst().name(), NaturalOrder.INSTANCE)
                // Prefer the last number in a name: rack1-node[01-02] reads better than rack[1-2]-node01.
                .thenComparing(e -> -e.getKey().fieldStart()));

        Set<String> taken = new HashSet<>();
        List<Entry> entries = new ArrayList<>();
        for (var candidate : bySize) {
            List<Member> free = candidate.getValue().stream()
                    .filter(m -> !taken.contains(m.name()))
                    .toList();
            if (free.size() < 2) {
                continue;
            }
            free.forEach(m -> taken.add(m.name()));
            entries.add(new Entry(free.getFirst().name(), render(candidate.getKey(), free)));
        }
        for (String name : sorted) {
            if (!taken.contains(name)) {
                entries.add(new Entry(name, name));
            }
        }
        entries.sort(Comparator.comparing(Entry::first, NaturalOrder.INSTANCE));
        return String.join(", ", entries.stream().map(Entry::text).toList());
    }

    private static void addCandidates(String name, Map<Key, List<Member>> candidates) {
        int i = 0;
        while (i < name.length()) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                i++;
                continue;
            }
            int end = i;
            while (end < name.length() && name.charAt(end) >= '0' && name.charAt(end) <= '9') {
                end++;
            }
            String digits = name.substring(i, end);
            if (digits.length() <= MAX_DIGITS) {
                String prefix = name.substring(0, i);
                String suffix = name.substring(end);
                long value = Long.parseLong(digits);
                var member = new Member(name, value);
                // "07" only fits a range padded to 2; "42" fits both an unpadded range and one padded to 2.
                boolean padded = digits.length() > 1 && digits.charAt(0) == '0';
                if (!padded) {
                    candidates
                            .computeIfAbsent(new Key(prefix, suffix, 0, i), k -> new ArrayList<>())
                            .add(member);
                }
                candidates
                        .computeIfAbsent(new Key(prefix, suffix, digits.length(), i), k -> new ArrayList<>())
                        .add(member);
            }
            i = end;
        }
    }

    private static String render(Key key, List<Member> members) {
        List<Long> values = members.stream().map(Member::value).sorted().toList();
        List<String> items = new ArrayList<>();
        int runStart = 0;
        for (int k = 1; k <= values.size(); k++) {
            if (k == values.size() || values.get(k) != values.get(k - 1) + 1) {
                String from = format(values.get(runStart), key.width());
                items.add(k - 1 == runStart ? from : from + "-" + format(values.get(k - 1), key.width()));
                runStart = k;
            }
        }
        return key.prefix() + "[" + String.join(",", items) + "]" + key.suffix();
    }

    private static String format(long value, int width) {
        return HostPattern.zeroPad(value, width);
    }
}
