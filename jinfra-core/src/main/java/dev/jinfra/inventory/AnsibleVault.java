package dev.jinfra.inventory;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opens text encrypted with {@code ansible-vault}: a whole file or a {@code !vault} value. The format, as
 * Ansible's {@code parsing/vault} writes it:
 *
 * <pre>
 * $ANSIBLE_VAULT;1.1;AES256            (1.2 adds ";VAULT_ID": its passwords are tried first, then the others)
 * hex lines of: hex(salt) "\n" hex(hmac) "\n" hex(ciphertext)
 * </pre>
 *
 * PBKDF2-HMAC-SHA256 over the password and salt, 10000 rounds, gives 80 bytes: the AES-256 key, the HMAC-SHA256
 * key and the CTR counter's first block. The HMAC of the ciphertext is checked first, which is how a wrong
 * password shows; the plaintext is PKCS#7-padded to 16 bytes.
 */
final class AnsibleVault {
    static final String HEADER = "$ANSIBLE_VAULT;";
    private static final int KEY_LENGTH = 32;
    private static final int IV_LENGTH = 16;
    private static final int ROUNDS = 10_000;

    private final List<VaultPassword> passwords;

    AnsibleVault(List<VaultPassword> passwords) {
        this.passwords = List.copyOf(passwords);
    }

    static boolean isEncrypted(String text) {
        return text.stripLeading().startsWith(HEADER);
    }

    /**
     * The plaintext of {@code envelope}.
     *
     * @param source the file the text is in, and {@code line} where it starts (0 for the whole file), for errors
     * @throws InventoryException when there is no password, the password is wrong or the text is damaged
     */
    String decrypt(String envelope, String source, int line) {
        String[] lines = envelope.strip().split("\\R");
        String[] header = lines[0].strip().split(";");
        if (header.length < 3 || !header[0].equals("$ANSIBLE_VAULT")) {
            throw new InventoryException(source, line, "not an ansible-vault header: '" + lines[0].strip() + "'");
        }
        String version = header[1].strip();
        String cipher = header[2].strip();
        if (!version.equals("1.1") && !version.equals("1.2")) {
            throw new InventoryException(
                    source, line, "ansible-vault format " + version + " is not supported (1.1, 1.2)");
        }
        if (!cipher.equals("AES256")) {
            throw new InventoryException(source, line, "ansible-vault cipher " + cipher + " is not supported (AES256)");
        }
        if (passwords.isEmpty()) {
            throw new InventoryException(
                    source,
                    line,
                    "encrypted with ansible-vault, and no vault password was given "
                            + "(--vault-password-file FILE, --ask-vault-password or JINFRA_VAULT_PASSWORD)");
        }
        byte[] salt;
        byte[] hmac;
        byte[] ciphertext;
        try {
            String body = String.join("", Arrays.asList(lines).subList(1, lines.length))
                    .replaceAll("\\s", "");
            String[] parts = new String(HexFormat.of().parseHex(body), StandardCharsets.US_ASCII).split("\n", 3);
            salt = HexFormat.of().parseHex(parts[0]);
            hmac = HexFormat.of().parseHex(parts[1].strip());
            ciphertext = HexFormat.of().parseHex(parts[2].strip());
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new InventoryException(source, line, "damaged ansible-vault text: not the hex it should be");
        }
        // The text's own vault id (format 1.2) says whose password to try first; Ansible then tries the others.
        String id = header.length > 3 ? header[3].strip() : null;
        List<VaultPassword> order = new ArrayList<>();
        passwords.stream().filter(p -> p.id().equals(id)).forEach(order::add);
        passwords.stream().filter(p -> !p.id().equals(id)).forEach(order::add);
        try {
            for (VaultPassword password : order) {
                byte[] derived = derive(password, salt);
                byte[] cipherKey = Arrays.copyOfRange(derived, 0, KEY_LENGTH);
                byte[] macKey = Arrays.copyOfRange(derived, KEY_LENGTH, 2 * KEY_LENGTH);
                byte[] counter = Arrays.copyOfRange(derived, 2 * KEY_LENGTH, 2 * KEY_LENGTH + IV_LENGTH);
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(macKey, "HmacSHA256"));
                // Constant time, like Ansible's own comparison.
                if (MessageDigest.isEqual(mac.doFinal(ciphertext), hmac)) {
                    Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
                    aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cipherKey, "AES"), new IvParameterSpec(counter));
                    return text(unpad(aes.doFinal(ciphertext), source, line), source, line);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256, HmacSHA256 or AES/CTR", e);
        }
        String tried =
                String.join(", ", order.stream().map(VaultPassword::origin).toList());
        throw new InventoryException(
                source,
                line,
                (order.size() == 1 ? "wrong vault password (from " : "wrong vault passwords (from ") + tried
                        + (id == null || order.size() == 1 ? "" : "; the text is for vault id '" + id + "'")
                        + "), or damaged ansible-vault text");
    }

    private static byte[] derive(VaultPassword password, byte[] salt) throws GeneralSecurityException {
        // The JDK's PBKDF2 encodes the password's characters as UTF-8, as Ansible hands its bytes over.
        char[] chars = password.secret().reveal().toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, ROUNDS, 8 * (2 * KEY_LENGTH + IV_LENGTH));
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }

    private static byte[] unpad(byte[] padded, String source, int line) {
        int pad = padded.length == 0 ? 0 : padded[padded.length - 1] & 0xff;
        if (pad < 1 || pad > 16 || pad > padded.length) {
            throw new InventoryException(source, line, "damaged ansible-vault text: bad padding");
        }
        return Arrays.copyOf(padded, padded.length - pad);
    }

    private static String text(byte[] bytes, String source, int line) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InventoryException(source, line, "the ansible-vault text does not decrypt to UTF-8 text");
        }
    }
}
