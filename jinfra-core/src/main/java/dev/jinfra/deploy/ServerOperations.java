package dev.jinfra.deploy;

import dev.jinfra.ops.server.CronJob;
import dev.jinfra.ops.server.Group;
import dev.jinfra.ops.server.Mount;
import dev.jinfra.ops.server.ServerHostname;
import dev.jinfra.ops.server.ServerSysctl;
import dev.jinfra.ops.server.Shell;
import dev.jinfra.ops.server.User;
import java.util.List;

/** The {@code server} operation family, as deploy code sees it. */
public final class ServerOperations {
    public OperationCall shell(String... commands) {
        return PrepareContext.register(new Shell(List.of(commands)));
    }

    /** Uploads the local script {@code src}, runs it with {@code args} (each one word) and removes it: every run. */
    public OperationCall script(String src, String... args) {
        return PrepareContext.register(new dev.jinfra.ops.server.Script(src, List.of(args)));
    }

    /** A user with the system's defaults for everything but the name. */
    public OperationCall user(String name) {
        return user(new User(name, true, null, null, List.of(), null, null, false));
    }

    /** A user with a primary group and exactly these supplementary groups (none given: left as they are). */
    public OperationCall user(String name, String group, String... groups) {
        return user(new User(name, true, null, group, List.of(groups), null, null, false));
    }

    /**
     * A user (made with the system's defaults when missing) whose {@code ~/.ssh/authorized_keys} holds these
     * public key lines; other lines of that file are kept.
     */
    public OperationCall authorizedKeys(String name, String... keys) {
        return user(new User(name, true, null, null, List.of(), null, null, false, List.of(keys)));
    }

    /** A user described in full, e.g. {@code new User("app", true, 990, "app", List.of(), "/srv/app", "/usr/sbin/nologin", true)}. */
    public OperationCall user(User user) {
        return PrepareContext.register(user);
    }

    public OperationCall absentUser(String name) {
        return user(new User(name, false, null, null, List.of(), null, null, false));
    }

    public OperationCall group(String name) {
        return PrepareContext.register(new Group(name, true, null, false));
    }

    public OperationCall group(String name, int gid) {
        return PrepareContext.register(new Group(name, true, gid, false));
    }

    public OperationCall systemGroup(String name) {
        return PrepareContext.register(new Group(name, true, null, true));
    }

    public OperationCall absentGroup(String name) {
        return PrepareContext.register(new Group(name, false, null, false));
    }

    public OperationCall hostname(String name) {
        return PrepareContext.register(new ServerHostname(name));
    }

    /** Sets a kernel parameter now and persists it in /etc/sysctl.d/99-jinfra.conf. */
    public OperationCall sysctl(String key, String value) {
        return sysctl(key, value, true);
    }

    public OperationCall sysctl(String key, String value, boolean persist) {
        return PrepareContext.register(new ServerSysctl(key, value, persist));
    }

    /** A line in root's crontab, e.g. {@code crontab("0 3 * * *", "/usr/local/bin/backup")}. */
    public OperationCall crontab(String schedule, String command) {
        return crontab("root", schedule, command);
    }

    public OperationCall crontab(String user, String schedule, String command) {
        return PrepareContext.register(new CronJob(command, user, schedule, true));
    }

    public OperationCall absentCrontab(String user, String command) {
        return PrepareContext.register(new CronJob(command, user, null, false));
    }

    /** {@code device} mounted at {@code path} with at least these options (live mounts only; fstab is not written). */
    public OperationCall mount(String device, String path, String type, String... options) {
        return mount(new Mount(path, device, type, List.of(options), true));
    }

    public OperationCall mount(Mount mount) {
        return PrepareContext.register(mount);
    }

    /** Nothing mounted at {@code path}. */
    public OperationCall unmount(String path) {
        return mount(new Mount(path, null, null, List.of(), false));
    }

    /** Reboots the host and connects again once it is back (up to 5 minutes). */
    public OperationCall reboot() {
        return PrepareContext.register(new dev.jinfra.ops.server.Reboot(10, 300, "reboot"));
    }

    /** Reboots, trying to connect again after {@code delaySeconds}, failing after {@code timeoutSeconds}. */
    public OperationCall reboot(int delaySeconds, int timeoutSeconds) {
        return PrepareContext.register(new dev.jinfra.ops.server.Reboot(delaySeconds, timeoutSeconds, "reboot"));
    }

    /** Waits until something listens on TCP {@code port} of the host (up to a minute). */
    public OperationCall waitForPort(int port) {
        return PrepareContext.register(new dev.jinfra.ops.server.WaitForPort(port, 60));
    }

    public OperationCall waitForPort(int port, int timeoutSeconds) {
        return PrepareContext.register(new dev.jinfra.ops.server.WaitForPort(port, timeoutSeconds));
    }

    /** {@code server.service}: running and enabled at boot, under whichever init system the host has. */
    public OperationCall service(String name) {
        return service(dev.jinfra.ops.service.ServerService.running(name));
    }

    /**
     * {@code server.service}, every argument given, e.g. {@code server.service(ServerService.restarted("nginx"))}.
     */
    public OperationCall service(dev.jinfra.ops.service.ServerService service) {
        return PrepareContext.register(service);
    }

    /** {@code server.packages}: installed with the host's package manager (apt, dnf, yum or apk). */
    public OperationCall packages(String... names) {
        return packages(new dev.jinfra.ops.packages.ServerPackages(java.util.List.of(names), true));
    }

    /** {@code server.packages}, every argument given: {@code present=false} removes them. */
    public OperationCall packages(dev.jinfra.ops.packages.ServerPackages packages) {
        return PrepareContext.register(packages);
    }
}
