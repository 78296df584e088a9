#!/usr/bin/env python3
"""Renders every cases/<name>.j2 with vars.json using real Jinja2 and writes what it gives.

A case Jinja2 renders gets cases/<name>.expected with the output. A case Jinja2 rejects gets
cases/<name>.error instead, "line N: message": the Java tests compare the line (jinfra words its messages
itself). Run once by hand (python3 generate.py) when a case is added; the outputs are committed so the Java
tests need no Python. The environment matches what pyinfra's files.template uses: the trailing newline is kept
and undefined variables are errors.
"""
import json
import pathlib
import traceback

import jinja2

HERE = pathlib.Path(__file__).resolve().parent


def error_line(error, case):
    """The template line of an error: syntax errors carry it, render errors have it in their traceback."""
    if isinstance(error, jinja2.TemplateSyntaxError):
        return error.lineno
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == str(case)]
    return frames[-1].lineno


def main():
    variables = json.loads((HERE / "vars.json").read_text(encoding="utf-8"))
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "cases")),
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    for case in sorted((HERE / "cases").glob("*.j2")):
        expected, error = case.with_suffix(".expected"), case.with_suffix(".error")
        try:
            out = env.get_template(case.name).render(**variables)
        except jinja2.TemplateError as e:
            error.write_text(f"line {error_line(e, case)}: {e.message}\n", encoding="utf-8")
            expected.unlink(missing_ok=True)
            print(case.stem, "(rejected)")
            continue
        expected.write_text(out, encoding="utf-8", newline="")
        error.unlink(missing_ok=True)
        print(case.stem)


if __name__ == "__main__":
    main()
