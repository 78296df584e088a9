package dev.jinfra.deploy;

import dev.jinfra.ops.packages.ServerPackages;
import dev.jinfra.ops.server.Mount;
import dev.jinfra.ops.server.User;
import dev.jinfra.ops.service.ServerService;
import java.util.List;
import java.util.Map;

/**
 * The {@code server} operations, as deploy code calls them: {@code server.user("app").system(true)}. Each
 * method takes the operation's first arguments; the others are given by name on the call it returns
 * ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class ServerOperations {
    /**
     * Runs shell commands on every run: it cannot know whether they are needed.
     *
     * <p>{@code server.shell}: runs the commands in order, on every run.
     *
     * @param commands shell commands
     */
    public ServerShellCall shell(String... commands) {
        return PrepareContext.register(ServerShellCall::new).commands(List.of(commands));
    }

    /**
     * Uploads a local script, runs it with the given arguments and removes it, on every run: it cannot know whether it
     * is needed.
     *
     * <p>{@code server.script}: uploads the local script, runs it with {@code args} (each one word) and removes it,
     * on every run.
     *
     * @param src local script to run
     * @param args arguments, each passed to the script as one word
     */
    public ServerScriptCall script(String src, String... args) {
        return PrepareContext.register(ServerScriptCall::new).src(src).args(List.of(args));
    }

    /**
     * A user exists with the given uid, groups, home and shell, or is absent.
     *
     * <p>{@code server.user}: a user with the system's defaults for everything but the name; {@code .absent()}
     * removes it, {@code .publicKeys(List.of(key))} authorizes SSH keys, {@code .shellArgument(..)} sets the
     * login shell.
     *
     * @param name the user's login name
     */
    public ServerUserCall user(String name) {
        return PrepareContext.register(ServerUserCall::new).nameArgument(name);
    }

    /**
     * A user exists with the given uid, groups, home and shell, or is absent.
     *
     * <p>{@code server.user} with a primary group and exactly these supplementary groups (none given: left as they
     * are).
     *
     * @param name the user's login name
     * @param group primary group, by name or number
     * @param groups supplementary groups
     * @deprecated the user's and the group's names are easy to swap: {@code server.user(name).group(group).groups(groups)}
     */
    @Deprecated
    public ServerUserCall user(String name, String group, String... groups) {
        return user(name).group(group).groups(List.of(groups));
    }

    /**
     * A user exists with the given uid, groups, home and shell, or is absent.
     *
     * <p>{@code server.user} with every argument in the record's order.
     *
     * @param user e.g. {@code new User("app", true, 990, "app", List.of(), "/srv/app", "/usr/sbin/nologin", true)}
     */
    public ServerUserCall user(User user) {
        return PrepareContext.register(user, ServerUserCall::new);
    }

    /**
     * A group exists (with a gid), or is absent.
     *
     * <p>{@code server.group}: a group exists; {@code .absent()} removes it, {@code .system(true)} makes it a
     * system group.
     *
     * @param name the group's name
     */
    public ServerGroupCall group(String name) {
        return PrepareContext.register(ServerGroupCall::new).nameArgument(name);
    }

    /**
     * A group exists (with a gid), or is absent.
     *
     * <p>{@code server.group} with a numeric id.
     *
     * @param name the group's name
     * @param gid numeric group id
     */
    public ServerGroupCall group(String name, int gid) {
        return group(name).gid(gid);
    }

    /**
     * The host name is set now and in /etc/hostname.
     *
     * <p>{@code server.hostname}: the host name now and in /etc/hostname.
     *
     * @param name the hostname, e.g. web1 or web1.example.com
     */
    public ServerHostnameCall hostname(String name) {
        return PrepareContext.register(ServerHostnameCall::new).nameArgument(name);
    }

    /**
     * A kernel parameter has a value now and, with persist, after reboots: the line in /etc/sysctl.d/99-jinfra.conf is
     * checked and written even when the live value is already right.
     *
     * <p>{@code server.sysctl}: a kernel parameter set now and persisted in /etc/sysctl.d/99-jinfra.conf
     * ({@code .persist(false)} for now only).
     *
     * @param key the parameter, e.g. net.ipv4.ip_forward
     * @param value the wanted value
     */
    public ServerSysctlCall sysctl(String key, String value) {
        return PrepareContext.register(ServerSysctlCall::new)
                .key(key)
                .value(value)
                .persist(true);
    }

    /**
     * A command is in a user's crontab with a schedule, or absent.
     *
     * <p>{@code server.crontab}: a line in root's crontab, e.g. {@code crontab("0 3 * * *", "/usr/local/bin/backup")};
     * {@code .absent()} takes the command out (the schedule may then be null).
     *
     * @param schedule five time fields like '0 3 * * *', or @daily
     * @param command the command the line runs
     */
    public ServerCrontabCall crontab(String schedule, String command) {
        return PrepareContext.register(ServerCrontabCall::new).command(command).schedule(schedule);
    }

    /**
     * A command is in a user's crontab with a schedule, or absent.
     *
     * <p>{@code server.crontab} in another user's crontab.
     *
     * @param user whose crontab
     * @param schedule five time fields like '0 3 * * *', or @daily
     * @param command the command the line runs
     * @deprecated the user comes before the schedule here and not in {@code crontab(schedule, command)}: {@code server.crontab(schedule, command).user(user)}
     */
    @Deprecated
    public ServerCrontabCall crontab(String user, String schedule, String command) {
        return crontab(schedule, command).user(user);
    }

    /**
     * A file system is mounted at a path (mounted when missing, remounted when an option is missing), or unmounted.
     * Changes the live mounts only: /etc/fstab is not written, so the mount does not persist across reboots.
     *
     * <p>{@code server.mount}: mounted as /etc/fstab says; {@code .mounted(false)} for nothing mounted there.
     *
     * @param path the mount point
     */
    public ServerMountCall mount(String path) {
        return PrepareContext.register(ServerMountCall::new).path(path);
    }

    /**
     * A file system is mounted at a path (mounted when missing, remounted when an option is missing), or unmounted.
     * Changes the live mounts only: /etc/fstab is not written, so the mount does not persist across reboots.
     *
     * <p>{@code server.mount}: {@code device} mounted at {@code path} with at least these options (live mounts only;
     * fstab is not written).
     *
     * @param device what to mount, e.g. /dev/sdb1
     * @param path the mount point
     * @param type the file system type, e.g. ext4
     * @param options mount options, e.g. noatime
     */
    public ServerMountCall mount(String device, String path, String type, String... options) {
        return mount(path).device(device).type(type).options(List.of(options));
    }

    /**
     * A file system is mounted at a path (mounted when missing, remounted when an option is missing), or unmounted.
     * Changes the live mounts only: /etc/fstab is not written, so the mount does not persist across reboots.
     *
     * <p>{@code server.mount} with every argument in the record's order.
     *
     * @param mount e.g. {@code new Mount("/srv/data", "/dev/sdb1", "ext4", List.of("noatime"), true)}
     */
    public ServerMountCall mount(Mount mount) {
        return PrepareContext.register(mount, ServerMountCall::new);
    }

    /**
     * Reboots the host, then connects again (waiting delay seconds first, giving up after timeout seconds) until the
     * boot id differs from the one before; later operations run on the new connection with facts read afresh. A change
     * on every run.
     *
     * <p>{@code server.reboot}: reboots the host and connects again once it is back (up to 5 minutes;
     * {@code .timeoutArgument(seconds)}).
     */
    public ServerRebootCall reboot() {
        return PrepareContext.register(ServerRebootCall::new);
    }

    /**
     * Waits until something listens on a TCP port of the host (checked once a second, failing after timeout seconds);
     * no change when it already does.
     *
     * <p>{@code server.waitForPort}: waits until something listens on TCP {@code port} of the host (up to a minute).
     *
     * @param port the TCP port
     */
    public ServerWaitForPortCall waitForPort(int port) {
        return PrepareContext.register(ServerWaitForPortCall::new).port(port);
    }

    /**
     * Waits until something listens on a TCP port of the host (checked once a second, failing after timeout seconds);
     * no change when it already does.
     *
     * <p>{@code server.waitForPort}, for up to {@code timeout} seconds.
     *
     * @param port the TCP port
     * @param timeout seconds to wait at most
     */
    public ServerWaitForPortCall waitForPort(int port, int timeout) {
        return waitForPort(port).timeoutArgument(timeout);
    }

    /**
     * A service is running, restarted, reloaded or enabled with systemd, OpenRC, Upstart or sysvinit, whichever the
     * host runs.
     *
     * <p>{@code server.service}: running and enabled at boot, under whichever init system the host has.
     *
     * @param name the service, e.g. nginx
     */
    public ServerServiceCall service(String name) {
        return service(ServerService.running(name));
    }

    /**
     * A service is running, restarted, reloaded or enabled with systemd, OpenRC, Upstart or sysvinit, whichever the
     * host runs.
     *
     * <p>{@code server.service} with every argument, e.g. {@code server.service(ServerService.restarted("nginx"))}.
     *
     * @param service the service and what should become of it
     */
    public ServerServiceCall service(ServerService service) {
        return PrepareContext.register(service, ServerServiceCall::new);
    }

    /**
     * Packages are installed or removed with the host's package manager (apt, dnf, yum, apk, pacman or zypper).
     *
     * <p>{@code server.packages}: installed with the host's package manager (apt, dnf, yum or apk); {@code .absent()}
     * removes them.
     *
     * @param packages package names
     */
    public ServerPackagesCall packages(String... packages) {
        return PrepareContext.register(ServerPackagesCall::new).packages(List.of(packages));
    }

    /**
     * Packages are installed or removed with the host's package manager (apt, dnf, yum, apk, pacman or zypper).
     *
     * <p>{@code server.packages} with every argument in the record's order.
     *
     * @param packages e.g. {@code new ServerPackages(List.of("nginx"), false)}
     */
    public ServerPackagesCall packages(ServerPackages packages) {
        return PrepareContext.register(packages, ServerPackagesCall::new);
    }

    /**
     * Renders a local Jinja2 template with the host's data, `host` and the deploy's variables, then uploads, runs and
     * removes the script, on every run.
     *
     * <p>{@code server.scriptTemplate}: renders a local Jinja2 template with the host's data and {@code host} (name,
     * groups), then uploads, runs and removes it like {@link #script}, on every run.
     *
     * @param src local Jinja2 template of the script
     */
    public ServerScriptTemplateCall scriptTemplate(String src) {
        return scriptTemplate(src, Map.of());
    }

    /**
     * Renders a local Jinja2 template with the host's data, `host` and the deploy's variables, then uploads, runs and
     * removes the script, on every run.
     *
     * <p>{@code server.scriptTemplate} with more variables (they override host data of the same name) and arguments.
     *
     * @param src local Jinja2 template of the script
     * @param vars the deploy's own template variables
     * @param args arguments, each passed to the script as one word
     */
    public ServerScriptTemplateCall scriptTemplate(String src, Map<String, ?> vars, String... args) {
        return PrepareContext.register(ServerScriptTemplateCall::new)
                .src(src)
                .vars(vars)
                .args(List.of(args));
    }

    /**
     * A kernel module is loaded (with modprobe) or unloaded, and with persist also loaded at boot from
     * /etc/modules-load.d/MODULE.conf (removed when absent).
     *
     * <p>{@code server.modprobe}: a kernel module loaded; {@code .persist(true)} loads it at boot too,
     * {@code .absent()} unloads it.
     *
     * @param module the module, e.g. br_netfilter
     */
    public ServerModprobeCall modprobe(String module) {
        return PrepareContext.register(ServerModprobeCall::new).module(module);
    }

    /**
     * A locale is enabled in /etc/locale.gen and generated (locale-gen), or disabled and no longer generated; hosts
     * without /etc/locale.gen use localedef.
     *
     * <p>{@code server.locale}: a locale enabled in /etc/locale.gen and generated; {@code .absent()} disables it.
     *
     * @param locale the locale, e.g. en_US.UTF-8
     */
    public ServerLocaleCall locale(String locale) {
        return PrepareContext.register(ServerLocaleCall::new).locale(locale);
    }

    /**
     * The host's time zone is set: with timedatectl where systemd runs, else by linking /etc/localtime (and writing
     * /etc/timezone where it exists).
     *
     * <p>{@code server.timezone}: the host's time zone, with timedatectl where systemd runs, else by linking
     * /etc/localtime.
     *
     * @param timezone the zone, e.g. Europe/Berlin or UTC
     */
    public ServerTimezoneCall timezone(String timezone) {
        return PrepareContext.register(ServerTimezoneCall::new).timezone(timezone);
    }

    /**
     * A resource limit line (domain, type, item, value) in /etc/security/limits.conf or a file of limits.d, replacing
     * the line for the same domain, type and item, or no such line.
     *
     * <p>{@code server.securityLimit}: a line in /etc/security/limits.conf ({@code .file(..)} for one in
     * limits.d); {@code .absent()} removes the lines for the domain, type and item.
     *
     * @param domain whom it limits: a user, @group or *
     * @param type soft, hard, or - for both
     * @param item the resource, e.g. nofile
     * @param value the limit, e.g. 65536 or unlimited
     */
    public ServerSecurityLimitCall securityLimit(String domain, String type, String item, String value) {
        return PrepareContext.register(ServerSecurityLimitCall::new)
                .domain(domain)
                .type(type)
                .item(item)
                .value(value);
    }

    /**
     * A user's ~/.ssh/authorized_keys holds the given keys (never twice), with the other lines kept or, with exclusive,
     * only these keys; ~/.ssh is 700 and the file 600, both the user's.
     *
     * <p>{@code server.userAuthorizedKeys}: the keys are in the user's ~/.ssh/authorized_keys (other lines kept;
     * {@code .exclusive(true)} for only these keys).
     *
     * @param user the user whose keys these are
     * @param keys public key lines
     */
    public ServerUserAuthorizedKeysCall userAuthorizedKeys(String user, String... keys) {
        return PrepareContext.register(ServerUserAuthorizedKeysCall::new)
                .user(user)
                .keys(List.of(keys));
    }
}
