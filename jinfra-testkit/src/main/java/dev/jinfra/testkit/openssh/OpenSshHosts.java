package dev.jinfra.testkit.openssh;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How many hosts the {@link OpenSshFleetExtension} starts for the annotated test class. Without it the
 * number comes from the system property {@value OpenSshFleetExtension#HOSTS_PROPERTY}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OpenSshHosts {
    int value();
}
