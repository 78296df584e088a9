package dev.jinfra.inventory;

import java.util.List;

/**
 * The hosts a host is deployed among, as its templates name them: the inventory they were chosen from (before
 * {@code --limit}; Ansible's {@code groups} and {@code hostvars}), the hosts of the run (of all its shards;
 * Ansible's {@code ansible_play_hosts}) and those of its batch ({@code --batch}; {@code ansible_play_batch}).
 */
public record RunHosts(Inventory inventory, List<String> play, List<String> batch) {
    public RunHosts {
        if (inventory == null) {
            throw new IllegalArgumentException("inventory is required");
        }
        play = List.copyOf(play);
        batch = List.copyOf(batch);
    }

    /** Every host of {@code inventory} in the run, in one batch. */
    public static RunHosts of(Inventory inventory) {
        List<String> names = inventory.hosts().stream().map(Host::name).toList();
        return new RunHosts(inventory, names, names);
    }

    /** The same run, in the batch of {@code hosts}. */
    public RunHosts inBatch(List<Host> hosts) {
        return new RunHosts(inventory, play, hosts.stream().map(Host::name).toList());
    }
}
