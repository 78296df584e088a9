package dev.jinfra.inventory;

/**
 * Ansible's {@code omit}: a value that is this text ({@code "{{ x | default(omit) }}"} with x undefined) leaves out
 * what it was given to; a template that prints it prints the text. Ansible makes a random one per run; one per
 * jinfra process does the same job. One value for inventory values and templates alike.
 */
public final class AnsibleOmit {
    private AnsibleOmit() {}

    public static final String PLACEHOLDER = placeholder();

    private static String placeholder() {
        byte[] random = new byte[20];
        new java.security.SecureRandom().nextBytes(random);
        return "__omit_place_holder__" + java.util.HexFormat.of().formatHex(random);
    }
}
