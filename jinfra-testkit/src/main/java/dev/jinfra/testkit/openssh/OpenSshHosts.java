package dev.jinfra.testkit.openssh;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How many hosts the {@link OpenSshFleetExtension} starts for the annotated test class, whether their
 * system directories are overlays, and how many channels a connection may have open. Without it, or with {@code value} left at 0, the number comes from the
 * system property {@value OpenSshFleetExtension#HOSTS_PROPERTY}.
 *
 * <pre>{@code
 * @OpenSshHosts(3)                        // exactly 3 hosts
 * @OpenSshHosts(overlay = true)           // -Djinfra.e2e.hosts hosts, each with its own /etc, /home, /var, /usr
 * @OpenSshHosts(value = 1, maxSessions = 1) // one host that allows one channel per connection at a time
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OpenSshHosts {
    /** The number of hosts; 0 (the default) takes it from the system property. */
    int value() default 0;

    /**
     * Whether every host gets copy-on-write overlays over {@code /etc}, {@code /home}, {@code /var} and
     * {@code /usr}, so that tests can change the system (users, files under /etc) without touching the
     * machine they run on. The class's tests fail where overlays cannot be mounted.
     */
    boolean overlay() default false;

    /**
     * sshd's MaxSessions on every host: how many channels one connection may have open at once; 0 (the default)
     * leaves the fleet's 1000.
     */
    int maxSessions() default 0;
}
