/**
 * SSH fleets for tests.
 *
 * <p>{@link dev.jinfra.testkit.SshFleet} runs any number of SSH hosts inside the test JVM, on loopback, each
 * with its own port and name, running commands through {@code /bin/sh} with {@code FLEET_HOST} set. Faults
 * ({@link dev.jinfra.testkit.Fault}) make single hosts refuse, hang, drop, slow down or change their host key;
 * every host records the commands it received and the sessions it opened.
 * {@link dev.jinfra.testkit.SshFleetExtension} runs a fleet for a JUnit 5 test class.
 *
 * <p>The subpackage {@code openssh} runs real OpenSSH servers instead, for end-to-end tests.
 */
package dev.jinfra.testkit;
