package dev.jinfra.deploy.compile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SourceShapeTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "void deploy(Host h) {}",
                "// class A {}\nvoid deploy(Host h) {}",
                "/* public class A implements Deploy {} */ void deploy(Host h) {}",
                "String s = \"class A {}\"; void deploy(Host h) {}",
                "String t = \"\"\"\n class A { \"\" }\n\"\"\"; void deploy(Host h) {}",
                "char c = '}'; void deploy(Host h) {}",
                "import java.util.*; record P(int x) {} void deploy(Host h) {}",
                "int[] ports = {80, 443}; class X {}",
                "@SuppressWarnings(\"x\") <T> void each(T t) {}",
                "Runnable r = () -> { }; ",
            })
    void topLevelMethodsOrFieldsMakeACompactFile(String source) {
        assertThat(SourceShape.of(source).compact()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "public class A implements Deploy { void deploy(Host h) {} int x = 1; }",
                "package a.b; import java.util.List; final class A {} interface B {} enum C { X; void m() {} }",
                "@SuppressWarnings({\"a\", \"b\"}) public non-sealed class A extends B {}",
                "record R(int x) implements Deploy { public void deploy(Host h) {} }",
                "@interface Marker { String value() default \"}\"; } ; class A {}",
                "sealed interface S permits A {} final class A implements S {}",
            })
    void onlyTypeDeclarationsMakeAClassFile(String source) {
        assertThat(SourceShape.of(source).compact()).isFalse();
    }

    @Test
    void thePackageStatementEndsAtItsSemicolon() {
        String source = "/* header; */ package com.example ; class A {}";
        assertThat(SourceShape.of(source).packageEnd()).isEqualTo(source.indexOf("; class") + 1);
        assertThat(SourceShape.of("class A {}").packageEnd()).isEqualTo(-1);
    }

    @Test
    void aTopLevelMainMethodIsNoticedButNotOneInsideAType() {
        assertThat(SourceShape.of("void main() {} void deploy(Host h) {}").declaresMain())
                .isTrue();
        assertThat(SourceShape.of("void deploy(Host h) { main(); } class A { void main() {} }")
                        .declaresMain())
                .isFalse();
    }
}
