package dev.jinfra.ops.apt;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Command;
import java.util.List;

/** {@code apt.update}: refreshes the package lists, or only when they are older than {@code cacheAgeSeconds}. */
@Doc(
        name = "apt.update",
        value = "Refreshes apt's package lists, unless they are younger than a cache age.",
        example = "apt.update(3600).sudo();")
public record AptUpdate(
        @Arg("skip the update when the lists were refreshed less than this many seconds ago")
        Integer cacheAgeSeconds) implements Operation {

    public AptUpdate {
        if (cacheAgeSeconds != null && cacheAgeSeconds < 0) {
            throw new IllegalArgumentException(
                    "apt.update: cacheAgeSeconds must not be negative, not " + cacheAgeSeconds);
        }
    }

    @Override
    public String describe() {
        return "Update apt lists";
    }

    @Override
    public Plan plan(FactSource facts) {
        List<Command> update = commands(facts, cacheAgeSeconds);
        return update.isEmpty()
                ? Plan.noChange("apt lists are less than " + cacheAgeSeconds + "s old")
                : Plan.run(update);
    }

    /**
     * Shared with {@code apt.packages update=true}: empty when the lists are fresh enough. After a successful
     * update the stamp that {@link AptCacheAge} reads is touched here: apt itself never touches it (only
     * Ubuntu's update-notifier hook does), so on Debian the lists would otherwise never count as fresh.
     */
    static List<Command> commands(FactSource facts, Integer cacheAgeSeconds) {
        if (cacheAgeSeconds != null) {
            Long age = facts.get(new AptCacheAge());
            if (age != null && age < cacheAgeSeconds) {
                return List.of();
            }
        }
        // The apt package ships the stamp's directory. Only the lock wait applies, as update installs nothing; an
        // apt whose update does not wait for the lists lock ignores it.
        List<String> update = new java.util.ArrayList<>(List.of("apt-get"));
        update.addAll(AptGet.LOCK_WAIT);
        update.add("update");
        return List.of(Command.of(update), Command.of("touch", AptCacheAge.STAMP));
    }
}
