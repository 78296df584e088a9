package dev.jinfra.deploy;

import dev.jinfra.ops.packages.ServerPackages;
import dev.jinfra.ops.server.CronJob;
import dev.jinfra.ops.server.Group;
import dev.jinfra.ops.server.Modprobe;
import dev.jinfra.ops.server.Mount;
import dev.jinfra.ops.server.Reboot;
import dev.jinfra.ops.server.Script;
import dev.jinfra.ops.server.ScriptTemplate;
import dev.jinfra.ops.server.SecurityLimit;
import dev.jinfra.ops.server.ServerHostname;
import dev.jinfra.ops.server.ServerLocale;
import dev.jinfra.ops.server.ServerSysctl;
import dev.jinfra.ops.server.ServerTimezone;
import dev.jinfra.ops.server.Shell;
import dev.jinfra.ops.server.User;
import dev.jinfra.ops.server.UserAuthorizedKeys;
import dev.jinfra.ops.server.WaitForPort;
import dev.jinfra.ops.service.ServerService;
import java.util.List;
import java.util.Map;

/**
 * The {@code server} operations, as deploy code calls them: {@code server.user("app").arg("system", true)}. Each
 * method takes the operation's first arguments; the others are given by name on the call it returns
 * ({@link OperationCall#arg}, {@link OperationCall#absent}), as the reference lists them.
 */
public final class ServerOperations {
    /**
     * {@code server.shell}: runs the commands in order, on every run.
     *
     * @param commands shell commands
     */
    public OperationCall shell(String... commands) {
        return PrepareContext.register(Shell.class).arg("commands", List.of(commands));
    }

    /**
     * {@code server.script}: uploads the local script, runs it with {@code args} (each one word) and removes it,
     * on every run.
     *
     * @param src local script to run
     * @param args arguments, each passed to the script as one word
     */
    public OperationCall script(String src, String... args) {
        return PrepareContext.register(Script.class).arg("src", src).arg("args", List.of(args));
    }

    /**
     * {@code server.user}: a user with the system's defaults for everything but the name; {@code .absent()}
     * removes it, {@code .arg("publicKeys", List.of(key))} authorizes SSH keys, {@code .arg("shell", ..)} sets the
     * login shell.
     *
     * @param name the user's login name
     */
    public OperationCall user(String name) {
        return PrepareContext.register(User.class).arg("name", name);
    }

    /**
     * {@code server.user} with a primary group and exactly these supplementary groups (none given: left as they
     * are).
     *
     * @param name the user's login name
     * @param group primary group, by name or number
     * @param groups supplementary groups
     */
    public OperationCall user(String name, String group, String... groups) {
        return user(name).group(group).arg("groups", List.of(groups));
    }

    /**
     * {@code server.user} with every argument in the record's order.
     *
     * @param user e.g. {@code new User("app", true, 990, "app", List.of(), "/srv/app", "/usr/sbin/nologin", true)}
     */
    public OperationCall user(User user) {
        return PrepareContext.register(user);
    }

    /**
     * {@code server.group}: a group exists; {@code .absent()} removes it, {@code .arg("system", true)} makes it a
     * system group.
     *
     * @param name the group's name
     */
    public OperationCall group(String name) {
        return PrepareContext.register(Group.class).arg("name", name);
    }

    /**
     * {@code server.group} with a numeric id.
     *
     * @param name the group's name
     * @param gid numeric group id
     */
    public OperationCall group(String name, int gid) {
        return group(name).arg("gid", gid);
    }

    /**
     * {@code server.hostname}: the host name now and in /etc/hostname.
     *
     * @param name the hostname, e.g. web1 or web1.example.com
     */
    public OperationCall hostname(String name) {
        return PrepareContext.register(ServerHostname.class).arg("name", name);
    }

    /**
     * {@code server.sysctl}: a kernel parameter set now and persisted in /etc/sysctl.d/99-jinfra.conf
     * ({@code .arg("persist", false)} for now only).
     *
     * @param key the parameter, e.g. net.ipv4.ip_forward
     * @param value the wanted value
     */
    public OperationCall sysctl(String key, String value) {
        return PrepareContext.register(ServerSysctl.class)
                .arg("key", key)
                .arg("value", value)
                .arg("persist", true);
    }

    /**
     * {@code server.crontab}: a line in root's crontab, e.g. {@code crontab("0 3 * * *", "/usr/local/bin/backup")};
     * {@code .absent()} takes the command out (the schedule may then be null).
     *
     * @param schedule five time fields like '0 3 * * *', or @daily
     * @param command the command the line runs
     */
    public OperationCall crontab(String schedule, String command) {
        return PrepareContext.register(CronJob.class).arg("command", command).arg("schedule", schedule);
    }

    /**
     * {@code server.crontab} in another user's crontab.
     *
     * @param user whose crontab
     * @param schedule five time fields like '0 3 * * *', or @daily
     * @param command the command the line runs
     */
    public OperationCall crontab(String user, String schedule, String command) {
        return crontab(schedule, command).arg("user", user);
    }

    /**
     * {@code server.mount}: mounted as /etc/fstab says; {@code .arg("mounted", false)} for nothing mounted there.
     *
     * @param path the mount point
     */
    public OperationCall mount(String path) {
        return PrepareContext.register(Mount.class).arg("path", path);
    }

    /**
     * {@code server.mount}: {@code device} mounted at {@code path} with at least these options (live mounts only;
     * fstab is not written).
     *
     * @param device what to mount, e.g. /dev/sdb1
     * @param path the mount point
     * @param type the file system type, e.g. ext4
     * @param options mount options, e.g. noatime
     */
    public OperationCall mount(String device, String path, String type, String... options) {
        return mount(path).arg("device", device).arg("type", type).arg("options", List.of(options));
    }

    /**
     * {@code server.mount} with every argument in the record's order.
     *
     * @param mount e.g. {@code new Mount("/srv/data", "/dev/sdb1", "ext4", List.of("noatime"), true)}
     */
    public OperationCall mount(Mount mount) {
        return PrepareContext.register(mount);
    }

    /**
     * {@code server.reboot}: reboots the host and connects again once it is back (up to 5 minutes;
     * {@code .arg("timeout", seconds)}).
     */
    public OperationCall reboot() {
        return PrepareContext.register(Reboot.class);
    }

    /**
     * {@code server.waitForPort}: waits until something listens on TCP {@code port} of the host (up to a minute).
     *
     * @param port the TCP port
     */
    public OperationCall waitForPort(int port) {
        return PrepareContext.register(WaitForPort.class).arg("port", port);
    }

    /**
     * {@code server.waitForPort}, for up to {@code timeout} seconds.
     *
     * @param port the TCP port
     * @param timeout seconds to wait at most
     */
    public OperationCall waitForPort(int port, int timeout) {
        return waitForPort(port).arg("timeout", timeout);
    }

    /**
     * {@code server.service}: running and enabled at boot, under whichever init system the host has.
     *
     * @param name the service, e.g. nginx
     */
    public OperationCall service(String name) {
        return service(ServerService.running(name));
    }

    /**
     * {@code server.service} with every argument, e.g. {@code server.service(ServerService.restarted("nginx"))}.
     *
     * @param service the service and what should become of it
     */
    public OperationCall service(ServerService service) {
        return PrepareContext.register(service);
    }

    /**
     * {@code server.packages}: installed with the host's package manager (apt, dnf, yum or apk); {@code .absent()}
     * removes them.
     *
     * @param packages package names
     */
    public OperationCall packages(String... packages) {
        return PrepareContext.register(ServerPackages.class).arg("packages", List.of(packages));
    }

    /**
     * {@code server.packages} with every argument in the record's order.
     *
     * @param packages e.g. {@code new ServerPackages(List.of("nginx"), false)}
     */
    public OperationCall packages(ServerPackages packages) {
        return PrepareContext.register(packages);
    }

    /**
     * {@code server.scriptTemplate}: renders a local Jinja2 template with the host's data and {@code host} (name,
     * groups), then uploads, runs and removes it like {@link #script}, on every run.
     *
     * @param src local Jinja2 template of the script
     */
    public OperationCall scriptTemplate(String src) {
        return scriptTemplate(src, Map.of());
    }

    /**
     * {@code server.scriptTemplate} with more variables (they override host data of the same name) and arguments.
     *
     * @param src local Jinja2 template of the script
     * @param vars the deploy's own template variables
     * @param args arguments, each passed to the script as one word
     */
    public OperationCall scriptTemplate(String src, Map<String, ?> vars, String... args) {
        return PrepareContext.register(ScriptTemplate.class)
                .arg("src", src)
                .arg("vars", vars)
                .arg("args", List.of(args));
    }

    /**
     * {@code server.modprobe}: a kernel module loaded; {@code .arg("persist", true)} loads it at boot too,
     * {@code .absent()} unloads it.
     *
     * @param module the module, e.g. br_netfilter
     */
    public OperationCall modprobe(String module) {
        return PrepareContext.register(Modprobe.class).arg("module", module);
    }

    /**
     * {@code server.locale}: a locale enabled in /etc/locale.gen and generated; {@code .absent()} disables it.
     *
     * @param locale the locale, e.g. en_US.UTF-8
     */
    public OperationCall locale(String locale) {
        return PrepareContext.register(ServerLocale.class).arg("locale", locale);
    }

    /**
     * {@code server.timezone}: the host's time zone, with timedatectl where systemd runs, else by linking
     * /etc/localtime.
     *
     * @param timezone the zone, e.g. Europe/Berlin or UTC
     */
    public OperationCall timezone(String timezone) {
        return PrepareContext.register(ServerTimezone.class).arg("timezone", timezone);
    }

    /**
     * {@code server.securityLimit}: a line in /etc/security/limits.conf ({@code .arg("file", ..)} for one in
     * limits.d); {@code .absent()} removes the lines for the domain, type and item.
     *
     * @param domain whom it limits: a user, @group or *
     * @param type soft, hard, or - for both
     * @param item the resource, e.g. nofile
     * @param value the limit, e.g. 65536 or unlimited
     */
    public OperationCall securityLimit(String domain, String type, String item, String value) {
        return PrepareContext.register(SecurityLimit.class)
                .arg("domain", domain)
                .arg("type", type)
                .arg("item", item)
                .arg("value", value);
    }

    /**
     * {@code server.userAuthorizedKeys}: the keys are in the user's ~/.ssh/authorized_keys (other lines kept;
     * {@code .arg("exclusive", true)} for only these keys).
     *
     * @param user the user whose keys these are
     * @param keys public key lines
     */
    public OperationCall userAuthorizedKeys(String user, String... keys) {
        return PrepareContext.register(UserAuthorizedKeys.class)
                .arg("user", user)
                .arg("keys", List.of(keys));
    }
}
