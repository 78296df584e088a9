package dev.jinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnsibleInventoryTest {
    /** The end of the warning about an ssh option jinfra leaves out. */
    static final String APPLIED = "(jinfra applies -J, -p, -l, -i and -o HostName, Port, User, IdentityFile, "
            + "ProxyJump, StrictHostKeyChecking, UserKnownHostsFile, GlobalKnownHostsFile, HashKnownHosts, "
            + "ConnectTimeout, ConnectionAttempts, KexAlgorithms)";

    @TempDir
    Path cwd;

    @Test
    void sshOptionsJinfraDoesNotReadAreOneWarningForTheWholeInventory() throws Exception {
        Files.writeString(cwd.resolve("hosts.ini"), """
                [here]
                one ansible_connection=local
                two ansible_connection=local

                [here:vars]
                ansible_ssh_common_args='-o ProxyJump=bastion -o ServerAliveInterval=5'
                """);
        CliRun r = CliRun.run(cwd, "hosts.ini", "exec", "--", "echo ran");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("2 of 2 hosts succeeded");
        assertThat(r.err()
                        .lines()
                        .filter(l -> l.startsWith("jinfra: warning: "))
                        .toList())
                .containsExactly(
                        "jinfra: warning: hosts.ini:6: ansible_ssh_common_args: ignored '-o ServerAliveInterval=5' "
                                + APPLIED);
    }

    @Test
    void groupVarsBesideTheDeployFileWinOverThoseBesideTheInventoryAsBesideAPlaybook() throws Exception {
        Files.createDirectories(cwd.resolve("inventory/group_vars"));
        Files.createDirectories(cwd.resolve("site/group_vars/here"));
        Files.createDirectories(cwd.resolve("site/host_vars"));
        Files.writeString(cwd.resolve("inventory/hosts.ini"), "[here]\none ansible_connection=local\n");
        Files.writeString(cwd.resolve("inventory/group_vars/here.yml"), "workers: 4\ncolor: red\nsize: s\n");
        Files.writeString(cwd.resolve("site/group_vars/all.yml"), "workers: 5\n");
        Files.writeString(cwd.resolve("site/group_vars/here/main.yml"), "workers: 6\n");
        Files.writeString(cwd.resolve("site/host_vars/one.yml"), "size: xl\n");
        Files.writeString(cwd.resolve("site/app.conf.j2"), "workers={{ workers }} color={{ color }} size={{ size }}\n");
        Files.writeString(cwd.resolve("site/deploy.java"), """
                void deploy(Host host) {
                    files.template("%s", "%s").name("App config");
                }
                """.formatted(
                        cwd.resolve("site/app.conf.j2"), cwd.resolve("app.conf")));

        CliRun r = CliRun.run(cwd, "inventory/hosts.ini", "site/deploy.java");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(cwd.resolve("app.conf")).hasContent("workers=6 color=red size=xl");
    }

    @Test
    void anInventoryDirectoryWithValuesWrittenAsTemplatesDeploysAsAnsibleWouldEvaluateThem() throws Exception {
        Files.createDirectories(cwd.resolve("inventories/prod/group_vars"));
        Files.writeString(cwd.resolve("inventories/prod/01-hosts"), "[web]\none ansible_connection=local\n");
        Files.writeString(cwd.resolve("inventories/prod/02-more.yml"), """
                all:
                  children:
                    web:
                      hosts:
                        two: {ansible_connection: local, app_port: 8081}
                """);
        Files.writeString(cwd.resolve("inventories/prod/hosts.ini"), "[ignored]\nthree\n");
        Files.writeString(cwd.resolve("inventories/prod/group_vars/all.yml"), """
                app_port: 8080
                app_url: "https://{{ inventory_hostname }}:{{ app_port }}"
                peers: "{{ groups['web'] | join(',') }}"
                """);
        Files.writeString(cwd.resolve("app.conf.j2"), "url={{ app_url }} peers={{ peers }}\n");
        Files.writeString(cwd.resolve("deploy.java"), """
                void deploy(Host host) {
                    files.template("%s", "%s/" + host.name() + ".conf");
                    files.line("%s/" + host.name() + ".conf", "code=" + host.data("app_url"));
                }
                """.formatted(cwd.resolve("app.conf.j2"), cwd, cwd));

        CliRun r = CliRun.run(cwd, "inventories/prod/", "deploy.java");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("2 of 2 hosts succeeded");
        assertThat(cwd.resolve("one.conf")).hasContent("url=https://one:8080 peers=one,two\ncode=https://one:8080");
        assertThat(cwd.resolve("two.conf")).hasContent("url=https://two:8081 peers=one,two\ncode=https://two:8081");
    }

    @Test
    void aValueNamingAnUndefinedVariableFailsTheHostsThatReadItInOneLine() throws Exception {
        Files.writeString(cwd.resolve("hosts.ini"), """
                [here]
                one ansible_connection=local
                [here:vars]
                dsn="pg://{{ db_host }}/app"
                """);
        Files.writeString(cwd.resolve("deploy.java"), """
                void deploy(Host host) {
                    files.line("%s/dsn", "dsn=" + host.data("dsn"));
                }
                """.formatted(cwd));

        CliRun r = CliRun.run(cwd, "hosts.ini", "deploy.java");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.HOSTS_FAILED);
        assertThat(r.out()).contains("hosts.ini:4: host one: dsn: 'db_host' is undefined in 'pg://{{ db_host }}/app'");
        assertThat(r.out() + r.err()).doesNotContain("Exception");
    }

    @Test
    void aBadValueInAVarsFileIsReportedAtThatFileAndLine() throws Exception {
        Files.createDirectories(cwd.resolve("host_vars"));
        Files.writeString(cwd.resolve("hosts.ini"), "web1\n");
        Files.writeString(cwd.resolve("host_vars/web1.yml"), "# the lab's port\nansible_port: twenty-two\n");

        CliRun r = CliRun.run(cwd, "hosts.ini", "exec", "--", "true");

        assertThat(r.err())
                .as(r.toString())
                .contains("host_vars/web1.yml:2: host web1: ssh_port must be a whole number");
    }

    @Test
    void templatesOfAnAnsibleInventoryRenderAsAnsibleWithEveryHostInHostvarsEvenUnderLimit() throws Exception {
        Files.writeString(cwd.resolve("hosts.ini"), """
                [web]
                one ansible_connection=local ansible_host=10.0.0.1 port=81
                two ansible_connection=local ansible_host=10.0.0.2 port=82
                """);
        Files.writeString(cwd.resolve("upstream.j2"), """
                # {{ ansible_managed }} for {{ inventory_hostname }}
                {% for h in groups['web'] %}
                server {{ hostvars[h].ansible_host }}:{{ hostvars[h]['port'] }};
                {% endfor %}
                """);
        Files.writeString(cwd.resolve("deploy.java"), """
                void deploy(Host host) {
                    files.template("%s", "%s/" + host.name() + ".conf");
                }
                """.formatted(cwd.resolve("upstream.j2"), cwd));

        CliRun r = CliRun.run(cwd, "hosts.ini", "deploy.java", "--limit", "one");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(cwd.resolve("one.conf"))
                .hasContent("# Ansible managed for one\nserver 10.0.0.1:81;\nserver 10.0.0.2:82;");
        assertThat(cwd.resolve("two.conf")).doesNotExist();
    }

    @Test
    void anUnknownFilterStopsTheRunWithOneLineNamingTheTemplateLineAndFilter() throws Exception {
        Files.writeString(cwd.resolve("hosts.ini"), "one ansible_connection=local\n");
        Files.writeString(cwd.resolve("x.j2"), "a\nb\n{{ groups | to_jsn }}\n");
        Files.writeString(cwd.resolve("deploy.java"), """
                void deploy(Host host) {
                    files.template("%s", "%s/x");
                }
                """.formatted(cwd.resolve("x.j2"), cwd));

        CliRun r = CliRun.run(cwd, "hosts.ini", "deploy.java");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.PREFLIGHT_FAILED);
        assertThat(r.out())
                .contains("    " + cwd.resolve("x.j2") + ":3:13: unknown filter 'to_jsn' in '{{ groups | to_jsn }}'"
                        + " (host one)\n");
        assertThat(r.out() + r.err()).doesNotContain("Exception");
    }
}
