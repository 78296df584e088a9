package dev.jinfra.inventory;

/**
 * The host data keys jinfra itself reads. Inventories may carry any other keys for deploy code.
 * Ansible's {@code ansible_*} connection variables are mapped onto these when an Ansible inventory is read.
 */
public final class HostKeys {
    private HostKeys() {}

    /**
     * jinfra's keys that Ansible's templates read under Ansible's names: a template of an Ansible project names
     * {@code ansible_host}, which jinfra keeps as {@link #SSH_HOSTNAME}.
     */
    public static final java.util.Map<String, String> ANSIBLE_NAMES = java.util.Map.of(
            "ssh_hostname", "ansible_host",
            "ssh_port", "ansible_port",
            "ssh_user", "ansible_user");

    /**
     * {@code ssh} (default), {@code local}, {@code docker}, {@code podman} or {@code chroot}; for the last three the
     * host's address ({@link #SSH_HOSTNAME}, else its name) is the container or the directory (see {@link
     * ConnectTarget}). Ansible: {@code ansible_connection}.
     */
    public static final String CONNECTOR = "connector";
    /** The user commands run as in a {@code docker} or {@code podman} container ({@code exec -u}). */
    public static final String CONTAINER_USER = "container_user";

    /** Address to connect to when it differs from the inventory name. Ansible: {@code ansible_host}. */
    public static final String SSH_HOSTNAME = "ssh_hostname";
    /** Ansible: {@code ansible_user}, {@code ansible_ssh_user}. */
    public static final String SSH_USER = "ssh_user";
    /** Ansible: {@code ansible_port}, {@code ansible_ssh_port}. */
    public static final String SSH_PORT = "ssh_port";
    /**
     * Path of a private key file, or a list of them; an empty list means no key files at all (only the agent or
     * a password). Ansible: {@code ansible_ssh_private_key_file}.
     */
    public static final String SSH_KEY = "ssh_key";
    /** Name of an environment variable holding the passphrase of {@link #SSH_KEY}. */
    public static final String SSH_KEY_PASSWORD_ENV = "ssh_key_password_env";
    /** Ansible: {@code ansible_password}, {@code ansible_ssh_pass}. */
    public static final String SSH_PASSWORD = "ssh_password";

    /** The known_hosts file, or a list of them (the first is the one {@code accept-new} writes to). */
    public static final String SSH_KNOWN_HOSTS_FILE = "ssh_known_hosts_file";
    /** System-wide known_hosts files (one path or a list), looked up and never written. */
    public static final String SSH_GLOBAL_KNOWN_HOSTS_FILE = "ssh_global_known_hosts_file";
    /** Whether {@code accept-new} records host names hashed, like OpenSSH's {@code HashKnownHosts}. */
    public static final String SSH_HASH_KNOWN_HOSTS = "ssh_hash_known_hosts";
    /** {@code yes} (default), {@code accept-new} or {@code no}. */
    public static final String SSH_STRICT_HOST_KEY_CHECKING = "ssh_strict_host_key_checking";
    /** {@code [user@]host[:port]}, comma-separated for several hops. */
    public static final String SSH_PROXY_JUMP = "ssh_proxy_jump";
    /** Seconds. */
    public static final String SSH_CONNECT_TIMEOUT = "ssh_connect_timeout";

    public static final String SSH_CONNECT_RETRIES = "ssh_connect_retries";
    /** Comma-separated key exchange algorithms, in preference order, like OpenSSH's {@code KexAlgorithms}. */
    public static final String SSH_KEX_ALGORITHMS = "ssh_kex_algorithms";
}
