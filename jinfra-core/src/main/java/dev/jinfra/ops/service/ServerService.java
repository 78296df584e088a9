package dev.jinfra.ops.service;

import dev.jinfra.api.Arg;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;

/**
 * {@code server.service}: the same wishes as {@code systemd.service}, {@code openrc.service}, {@code upstart.service}
 * or {@code sysvinit.service}, whichever init system the host runs; the plan is exactly theirs (OpenRC's runlevel is
 * the default one).
 */
@Doc(
        name = "server.service",
        value =
                "A service is running, restarted, reloaded or enabled with systemd, OpenRC, Upstart or sysvinit, whichever the host runs.",
        example = "server.service(\"nginx\").sudo();")
public record ServerService(
        @Arg(value = "the service, e.g. nginx", required = true)
        String name,

        @Arg("whether the service should be running; not given leaves it as it is")
        Boolean running,

        @Arg("restart it (unless it is stopped or being started here)")
        boolean restarted,

        @Arg("reload its configuration (when it runs and is not restarted here)")
        boolean reloaded,

        @Arg("whether it should start at boot; not given leaves it as it is")
        Boolean enabled)
        implements Operation {

    /** Running and enabled at boot: {@code server.service(ServerService.running("nginx"))}. */
    public static ServerService running(String name) {
        return new ServerService(name, true, false, false, true);
    }

    /** Stopped and not started at boot. */
    public static ServerService stopped(String name) {
        return new ServerService(name, false, false, false, false);
    }

    /** Restarted (started when it was stopped), e.g. after its configuration changed. */
    public static ServerService restarted(String name) {
        return new ServerService(name, null, true, false, null);
    }

    /** Its configuration reloaded when it runs. */
    public static ServerService reloaded(String name) {
        return new ServerService(name, null, false, true, null);
    }

    public ServerService {
        ServiceNames.check("server.service", "service", name);
    }

    @Override
    public String describe() {
        return "Service: " + name;
    }

    @Override
    public Plan plan(FactSource facts) {
        Operation specific =
                switch (java.util.Objects.requireNonNullElse(facts.get(new InitSystem()), InitSystem.SYSVINIT)) {
                    case InitSystem.SYSTEMD -> new SystemdService(name, running, restarted, reloaded, enabled, false);
                    case InitSystem.OPENRC -> new OpenrcService(name, running, restarted, reloaded, enabled, null);
                    case InitSystem.UPSTART -> new UpstartService(name, running, restarted, reloaded, enabled);
                    default -> new SysvService(name, running, restarted, reloaded, enabled);
                };
        return specific.plan(facts);
    }
}
