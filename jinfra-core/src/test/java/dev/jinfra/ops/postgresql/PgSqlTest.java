package dev.jinfra.ops.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PgSqlTest {
    @Test
    void identifiersDoubleTheirQuotesAndKeepEverythingElse() {
        assertThat(PgSql.identifier("app")).isEqualTo("\"app\"");
        assertThat(PgSql.identifier("o'hara \"the\" \\ ü")).isEqualTo("\"o'hara \"\"the\"\" \\ ü\"");
        assertThat(PgSql.identifier("a\nb")).isEqualTo("\"a\nb\"");
    }

    @Test
    void literalsDoubleTheirQuotesAndEscapeBackslashesInAnEscapeString() {
        assertThat(PgSql.literal("it's")).isEqualTo("'it''s'");
        assertThat(PgSql.literal("plain ü")).isEqualTo("'plain ü'");
        assertThat(PgSql.literal("a\\b'c")).isEqualTo("E'a\\\\b''c'");
    }

    @Test
    void aNulCannotBeInSqlText() {
        assertThatThrownBy(() -> PgSql.literal("a\0b")).hasMessage("SQL text cannot hold a NUL character");
        assertThatThrownBy(() -> PgSql.identifier("a\0b")).hasMessage("SQL text cannot hold a NUL character");
    }

    @Test
    void aDatabaseNameThatLibpqWouldReadAsAConnectionStringIsGivenAsOne() {
        assertThat(Psql.dbname("shop")).isEqualTo("shop");
        assertThat(Psql.dbname("host=evil")).isEqualTo("dbname='host=evil'");
        assertThat(Psql.dbname("postgresql://evil")).isEqualTo("dbname='postgresql://evil'");
        assertThat(Psql.dbname("a='b'\\=")).isEqualTo("dbname='a=\\'b\\'\\\\='");
    }

    @Test
    void aPasswordMatchesTheVerifierMadeForItAndNoOther() {
        String verifier = RolePassword.verifier("correct horse ü");
        assertThat(RolePassword.matches(verifier, "correct horse ü", "app")).isTrue();
        assertThat(RolePassword.matches(verifier, "correct horse u", "app")).isFalse();
        assertThat(RolePassword.matches("", "x", "app")).isFalse();
        assertThat(RolePassword.matches("SCRAM-SHA-256$bad", "x", "app")).isFalse();
    }

    @Test
    void saslPrepMapsNonAsciiSpacesAndNormalizesAsPostgresqlDoes() {
        assertThat(RolePassword.saslPrep("plain ascii\t")).isEqualTo("plain ascii\t");
        assertThat(RolePassword.saslPrep("a\u00A0b\u00ADc")).isEqualTo("a bc");
        assertThat(RolePassword.saslPrep("\u2168")).isEqualTo("IX");
    }
}
