package dev.jinfra.ops.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MySqlTest {
    @Test
    void identifiersDoubleTheirBackquotes() {
        assertThat(MySql.identifier("shop db")).isEqualTo("`shop db`");
        assertThat(MySql.identifier("a`b'c\\ ü")).isEqualTo("`a``b'c\\ ü`");
    }

    @Test
    void literalsDoubleTheirQuotesAndEscapeBackslashes() {
        assertThat(MySql.literal("it's")).isEqualTo("'it''s'");
        assertThat(MySql.literal("a\\b")).isEqualTo("'a\\\\b'");
        assertThat(MySql.account("we'ird ü", "10.0.0.%")).isEqualTo("'we''ird ü'@'10.0.0.%'");
    }

    @Test
    void aNulCannotBeInSqlText() {
        assertThatThrownBy(() -> MySql.literal("a\0b")).hasMessage("SQL text cannot hold a NUL character");
    }

    @Test
    void batchOutputHasItsEscapesUndone() {
        assertThat(MysqlClient.rows("a\\tb\tc\\\\d\\ne\n\nx\ty\n"))
                .isEqualTo(List.of(List.of("a\tb", "c\\d\ne"), List.of("x", "y")));
    }

    @Test
    void theNativePasswordHashIsMysqlsOwn() {
        // SELECT PASSWORD('p''w\\x') on MariaDB 10.11.
        assertThat(NativePassword.hash("p'w\\x")).isEqualTo("*66F936ECC01641848C0263A8BAE23670D420FB87");
        var account =
                new MysqlUsers.Account("u", "h", "mysql_native_password", "*66f936ecc01641848c0263a8bae23670d420fb87");
        assertThat(NativePassword.matches(account, "p'w\\x")).isTrue();
        assertThat(NativePassword.matches(account, "other")).isFalse();
        var sha2 =
                new MysqlUsers.Account("u", "h", "caching_sha2_password", "*66F936ECC01641848C0263A8BAE23670D420FB87");
        assertThat(NativePassword.matches(sha2, "p'w\\x")).isFalse();
    }
}
